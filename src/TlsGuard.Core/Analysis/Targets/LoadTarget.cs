using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The process a library is judged for: its C library (and version), its machine, and the kind of .NET host.</summary>
    /// <param name="Libc">The C library family and, when known, its version.</param>
    /// <param name="Platform">The machine; null when only the library itself can say (no RID).</param>
    /// <param name="Host">The kind of process that loads it.</param>
    public sealed record LoadTarget(TargetLibc Libc, ElfPlatform? Platform, HostKind Host)
    {
        /// <summary>The explicit C library wins; otherwise the input's RID, then the build's RID; glibc when none says.</summary>
        /// <exception cref="System.ArgumentException">options.TargetLibc names no known C library.</exception>
        public static LoadTarget For(AnalysisOptions options, LibraryInput input)
        {
            var rid = RuntimeIdentifiers.Parse(input.RuntimeIdentifier ?? options.RuntimeIdentifier);
            var libc = rid.Libc;
            if (!string.IsNullOrWhiteSpace(options.TargetLibc))
            {
                if (!TargetLibc.TryParse(options.TargetLibc, out libc))
                {
                    throw new System.ArgumentException(
                        "Unknown target C library '" + options.TargetLibc + "'; expected glibc, glibc-X.Y, musl, bionic, bionic-N or freebsd.",
                        nameof(options));
                }
            }

            // An android-* RID says bionic; the project's minimum API level says which (ELF TLS needs 29).
            if (libc.Kind == LibcKind.Bionic && libc.Version == null && options.AndroidApiLevel is int level && level > 0)
            {
                libc = TargetLibc.BionicApiLevel(level);
            }

            return new LoadTarget(libc, rid.Platform, options.Host);
        }
    }
}
