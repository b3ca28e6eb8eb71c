namespace TlsGuard.PackageLab
{
    internal static class Program
    {
        private static int Main(string[] args) => LabCommands.Run(args);
    }
}
