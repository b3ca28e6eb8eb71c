namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The kind of process that loads the libraries: it decides what static TLS is taken before the first P/Invoke
    /// (the startup modules, and on some machines the runtime's own TLS descriptor users).
    /// </summary>
    public enum HostKind
    {
        /// <summary>The dotnet muxer or an apphost with the JIT runtime (framework-dependent or self-contained, not single-file).</summary>
        Dotnet,

        /// <summary>A single-file app: the runtime is linked into the executable.</summary>
        SingleFile,

        /// <summary>A native AOT app (PublishAot): no libcoreclr, the runtime's TLS is the executable's own block.</summary>
        NativeAot,

        /// <summary>A C program linked only against libc (python's ctypes and most non-.NET hosts are close to it).</summary>
        CProgram,
    }
}
