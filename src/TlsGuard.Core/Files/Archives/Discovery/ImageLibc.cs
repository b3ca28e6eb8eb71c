namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>The C library an image or root file system holds.</summary>
    public enum ImageLibc
    {
        /// <summary>Neither libc.so.6 nor a musl loader (a static or distroless image).</summary>
        Unknown,

        /// <summary>libc.so.6 in a lib folder; when musl's loader is there too, glibc is still the system's C library.</summary>
        Glibc,

        /// <summary>/lib/ld-musl-ARCH.so.1 and no libc.so.6.</summary>
        Musl,
    }
}
