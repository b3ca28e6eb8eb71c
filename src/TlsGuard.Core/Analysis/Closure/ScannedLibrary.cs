using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>A shared object among the inputs with its scan and target; other inputs may satisfy its dependencies.</summary>
    internal sealed record ScannedLibrary(LibraryInput Input, ElfScanResult Scan, LoadTarget Target)
    {
        public TargetLibc Libc => Target.Libc;

        public string FileName => Input.FileName;

        /// <summary>The name the loader knows it by: the soname, else the file name.</summary>
        public string ModuleName => string.IsNullOrEmpty(Scan.Soname) ? FileName : Scan.Soname!;
    }
}
