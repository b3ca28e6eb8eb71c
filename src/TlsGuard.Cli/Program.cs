using System;

namespace TlsGuard.Cli
{
    internal static class Program
    {
        private static int Main(string[] args) =>
            TlsGuardApp.Run(args, new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected));
    }
}
