using System;

namespace TlsGuard.Core.Analysis
{
    /// <summary>How the C library version a budget was judged for was chosen.</summary>
    public enum LibcVersionSource
    {
        /// <summary>No version applies (musl's rule is the same in every version .NET supports; FreeBSD).</summary>
        None,

        /// <summary>Given: --libc glibc-X.Y / bionic-N, TlsGuardTargetLibc, or the project's minimum Android API level.</summary>
        Given,

        /// <summary>Read from the target's own libc.so.6 in the sysroot.</summary>
        Sysroot,

        /// <summary>Not given: the worst case over the versions the .NET runtime supports on the machine.</summary>
        SupportedRange,
    }

    /// <summary>
    /// The C library version (or range of versions) a budget's figures come from. For a range, <see cref="From"/> and
    /// <see cref="To"/> bound the versions whose outcome is the reported one (the worst); <see cref="To"/> is null when
    /// the range is open (the newest known release and later).
    /// </summary>
    public sealed record JudgedLibc(LibcKind Kind, Version? From, Version? To, LibcVersionSource Source)
    {
        /// <summary>For a supported range: the oldest version the range starts at.</summary>
        public Version? RangeStart { get; init; }

        public bool IsSingleVersion => From != null && To != null && From.Equals(To);

        public static JudgedLibc Unversioned(LibcKind kind) => new JudgedLibc(kind, null, null, LibcVersionSource.None);
    }
}
