namespace TlsGuard.Core.Analysis
{
    /// <summary>glibc's static TLS surplus arithmetic (elf/dl-tls.c, glibc 2.32 and later).</summary>
    public static class StaticTlsMath
    {
        /// <summary>Static TLS libc reserves per namespace for its own initial-exec users (LIBC_IE_TLS), and for other libraries (OTHER_IE_TLS).</summary>
        public const long IeTlsPerNamespace = 144;

        /// <summary>DEFAULT_NNS: glibc.rtld.nns.</summary>
        public const int DefaultNamespaces = 4;

        /// <summary>OPTIONAL_TLS: glibc.rtld.optional_static_tls.</summary>
        public const long DefaultOptionalStaticTls = 512;

        /// <summary>The legacy surplus before 2.32 (64 + DL_NNS * 100) and the default since.</summary>
        public const long LegacySurplus = 1664;

        /// <summary>The tunable values are suggested in steps of this many bytes.</summary>
        public const long TunableStep = 64;

        /// <summary>S = (nns-1)*144 + nns*144 + opt + LEGACY_TLS(144) = 144*(2*nns-1) + 144 + opt; 1664 by default.</summary>
        public static long Surplus(long optionalStaticTls, int namespaces = DefaultNamespaces)
        {
            return IeTlsPerNamespace * (2 * namespaces - 1) + IeTlsPerNamespace + optionalStaticTls;
        }

        public static long RoundUp(long value, long align)
        {
            if (align <= 1)
            {
                return value;
            }

            var remainder = value % align;
            return remainder == 0 ? value : value + align - remainder;
        }

        /// <summary>
        /// The smallest glibc.rtld.optional_static_tls for which the static area, roundup(U0 + S(opt), A), reaches
        /// <paramref name="usedAfterLoad"/>: roundup(x, A) >= F exactly when x > roundup(F, A) - A.
        /// </summary>
        public static long MinimumOptionalStaticTls(long startupUsed, long usedAfterLoad, long staticAlign, int namespaces = DefaultNamespaces)
        {
            var a = staticAlign < 1 ? 1 : staticAlign;
            var smallestArea = RoundUp(usedAfterLoad, a) - a + 1;
            var minimum = smallestArea - startupUsed - Surplus(0, namespaces);
            return minimum < 0 ? 0 : minimum;
        }
    }
}
