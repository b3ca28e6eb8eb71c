namespace TlsGuard.Core.Analysis
{
    /// <summary>glibc's static TLS surplus arithmetic (elf/dl-tls.c).</summary>
    public static class StaticTlsMath
    {
        /// <summary>Static TLS libc reserves per namespace for its own initial-exec users (LIBC_IE_TLS), and for other libraries (OTHER_IE_TLS).</summary>
        public const long IeTlsPerNamespace = 144;

        /// <summary>DEFAULT_NNS: glibc.rtld.nns.</summary>
        public const int DefaultNamespaces = 4;

        /// <summary>OPTIONAL_TLS: glibc.rtld.optional_static_tls.</summary>
        public const long DefaultOptionalStaticTls = 512;

        /// <summary>TLS_STATIC_SURPLUS before 2.32 (64 + DL_NNS * 100), and the default surplus since.</summary>
        public const long LegacySurplus = 1664;

        /// <summary>
        /// glibc 2.32+ (_dl_tls_static_surplus_init): S = (nns-1)*LIBC_IE_TLS + nns*OTHER_IE_TLS + opt + LEGACY_TLS
        /// = 144*(2*nns-1) + 144 + opt; 1664 by default. Each namespace adds 288 bytes no TLS descriptor user can take.
        /// </summary>
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
    }
}
