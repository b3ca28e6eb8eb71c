namespace TlsGuard.Core.Tls
{
    public static class TlsRelocationClassExtensions
    {
        /// <summary>True for the classes that need a static TLS block: TP-relative dynamic, initial-exec and local-exec.</summary>
        public static bool NeedsStaticTls(this TlsRelocationClass c) =>
            c == TlsRelocationClass.StaticTlsDynamic || c == TlsRelocationClass.InitialExec || c == TlsRelocationClass.LocalExec;
    }
}
