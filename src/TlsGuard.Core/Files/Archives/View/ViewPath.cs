namespace TlsGuard.Core.Files.Archives.View
{
    /// <summary>Splits a normalised inner path ("/a/b/c") into its folder ("/a/b") and name ("c").</summary>
    internal static class ViewPath
    {
        public static string Parent(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash <= 0 ? "/" : path.Substring(0, slash);
        }

        public static string Name(string path) => path.Substring(path.LastIndexOf('/') + 1);
    }
}
