using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// A library built for another C library than the target's (or a newer glibc): TLS009 when it will not load, TLS011
    /// when it may not. It is the headline for that library; its static-TLS facts stay in the details.
    /// </summary>
    /// <param name="Input">The library.</param>
    /// <param name="Built">What it was built for.</param>
    /// <param name="Target">The target C library.</param>
    /// <param name="Reason">What makes it unfit.</param>
    /// <param name="Subject">The file, symbol or version the loader will name ("ld-linux-x86-64.so.2", "__vfprintf_chk", "GLIBC_2.38").</param>
    /// <param name="Verdict">Fails when the loader will refuse it, AtRisk when it depends on what the target provides.</param>
    public sealed record LibcMismatch(
        LibraryInput Input,
        BuiltFor Built,
        TargetLibc Target,
        LibcMismatchReason Reason,
        string Subject,
        Verdict Verdict) : Decision(Input)
    {
        /// <summary>The static-TLS verdict the library would also get, for the details.</summary>
        public Verdict StaticTlsVerdict { get; init; }

        /// <summary>The static TLS it would also need.</summary>
        public long StaticTlsBytes { get; init; }

        /// <summary>
        /// The analysed libraries that need this one when it was not itself given (found through RUNPATH, a search folder,
        /// the sysroot): it is reported once, on its own path, naming what pulls it in.
        /// </summary>
        public IReadOnlyList<LibraryInput> PulledInBy { get; init; } = Array.Empty<LibraryInput>();

        /// <summary>The target glibc version the library is too new for, when <see cref="Reason"/> is <see cref="LibcMismatchReason.NeedsNewerGlibc"/>.</summary>
        public Version? TargetVersion => Target.Version;
    }
}
