using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The process a library is judged for: its C library (and version), its machine, and the kind of .NET host.</summary>
    /// <param name="Libc">The C library family and, when known, its version.</param>
    /// <param name="Platform">The machine; null when only the library itself can say (no RID).</param>
    /// <param name="Host">The kind of process that loads it.</param>
    public sealed record LoadTarget(TargetLibc Libc, ElfPlatform? Platform, HostKind Host)
    {
        /// <summary>The root file system the process runs in (a sysroot, or the image the library was found in); null: none given.</summary>
        public string? Sysroot { get; init; }

        /// <summary>
        /// The explicit C library wins; otherwise what the input's container says (a wheel's manylinux tag, an image's C
        /// library), then the input's RID, then the build's RID; glibc when none says.
        /// </summary>
        /// <exception cref="System.ArgumentException">options.TargetLibc names no known C library.</exception>
        public static LoadTarget For(AnalysisOptions options, LibraryInput input)
        {
            var rid = RuntimeIdentifiers.Parse(input.RuntimeIdentifier ?? options.RuntimeIdentifier);
            var libc = rid.Libc;
            if (!string.IsNullOrWhiteSpace(input.TargetLibcHint) && TargetLibc.TryParse(input.TargetLibcHint, out var hinted))
            {
                libc = hinted;
            }

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

            return new LoadTarget(libc, rid.Platform, options.Host) { Sysroot = NullIfBlank(input.Sysroot) ?? NullIfBlank(options.Sysroot) };
        }

        private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
