using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// libc.so.6's own PT_TLS block per glibc release and machine, for when the target's libc.so.6 cannot be read. A
    /// release without a row takes the nearest known release of that machine (the newer one on a tie).
    /// </summary>
    internal static class LibcTlsBlocks
    {
        private static readonly Row[] Rows =
        {
            // Measured with readelf on Debian 12's libc6 2.36-9+deb12u14 (x86_64) and libc6-arm64-cross 2.36 (aarch64),
            // and on Debian 13's libc6 2.41-12+deb13u5 (x86_64), and confirmed by loading (the loader lab).
            new Row(2, 36, "x86_64", 144, 8),
            new Row(2, 36, "aarch64", 144, 16),
            new Row(2, 41, "x86_64", 136, 8),

            // Derived from the bare C host's startup TLS measured under qemu-user with Debian 12's cross C libraries
            // (startup used minus the TCB counted in it); the alignments are the pointer size, not measured.
            new Row(2, 36, "i386", 84, 4),
            new Row(2, 36, "arm", 84, 4),
            new Row(2, 36, "s390x", 152, 8),
            new Row(2, 36, "sparc64", 144, 8),
            new Row(2, 36, "ppc64", 144, 8),
            new Row(2, 36, "riscv64", 144, 8),
            new Row(2, 36, "mips64", 152, 8),
        };

        /// <summary>The known row nearest to <paramref name="version"/> for <paramref name="machine"/>, or x86_64's when the machine has none.</summary>
        public static (StaticBlock Block, Version MeasuredOn) For(Version version, string machine)
        {
            Row? best = null;
            foreach (var row in Rows)
            {
                if (row.Machine != machine)
                {
                    continue;
                }

                if (best == null || Closer(row, best, version))
                {
                    best = row;
                }
            }

            if (best == null)
            {
                return For(version, "x86_64");
            }

            return (StaticBlock.Plain("libc.so.6", best.Size, best.Align), best.Version);
        }

        private static bool Closer(Row candidate, Row best, Version version)
        {
            var a = Distance(candidate.Version, version);
            var b = Distance(best.Version, version);
            return a < b || (a == b && candidate.Version > best.Version);
        }

        private static int Distance(Version a, Version b) => Math.Abs((a.Major * 1000 + a.Minor) - (b.Major * 1000 + b.Minor));

        private sealed class Row
        {
            public Row(int major, int minor, string machine, long size, long align)
            {
                Version = new Version(major, minor);
                Machine = machine;
                Size = size;
                Align = align;
            }

            public Version Version { get; }
            public string Machine { get; }
            public long Size { get; }
            public long Align { get; }
        }
    }
}
