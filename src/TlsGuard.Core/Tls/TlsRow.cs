namespace TlsGuard.Core.Tls
{
    /// <summary>Shorthands that keep the per-machine tables one line per relocation.</summary>
    internal static class TlsRow
    {
        /// <summary>A relocation the dynamic loader processes (shared objects, executables).</summary>
        public static TlsRelocationType Dynamic(uint number, string name, TlsRelocationClass inSharedObject) =>
            new TlsRelocationType(number, name, inSharedObject, null);

        /// <summary>A relocation only the static linker sees (object files).</summary>
        public static TlsRelocationType Static(uint number, string name, TlsRelocationClass inObjectFile) =>
            new TlsRelocationType(number, name, null, inObjectFile);

        /// <summary>A data relocation that exists in both forms (e.g. TPOFF64: static TLS when dynamic, local-exec in a .o).</summary>
        public static TlsRelocationType Both(uint number, string name, TlsRelocationClass inSharedObject, TlsRelocationClass inObjectFile) =>
            new TlsRelocationType(number, name, inSharedObject, inObjectFile);
    }
}
