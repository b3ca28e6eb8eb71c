using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>A shared object among the inputs, with its scan; other inputs may satisfy its dependencies.</summary>
    internal sealed class InputLibrary
    {
        public InputLibrary(LibraryInput input, ElfScanResult scan, TargetLibc libc)
        {
            Input = input;
            Scan = scan;
            Libc = libc;
        }

        public LibraryInput Input { get; }
        public ElfScanResult Scan { get; }
        public TargetLibc Libc { get; }

        public string FileName => PathText.FileName(Input.Path);

        /// <summary>The name the loader knows it by: the soname, else the file name.</summary>
        public string ModuleName => string.IsNullOrEmpty(Scan.Soname) ? FileName : Scan.Soname!;
    }
}
