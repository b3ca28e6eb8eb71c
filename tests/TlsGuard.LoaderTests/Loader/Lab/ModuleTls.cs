using System;
using System.Collections.Generic;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>How a module's TLS relocations against its own block make glibc place that block.</summary>
    internal enum OwnTlsAccess
    {
        /// <summary>No PT_TLS, or only DTPMOD/DTPOFF (__tls_get_addr): never static after startup.</summary>
        Dynamic,

        /// <summary>TLSDESC: TRY_STATIC_TLS takes it from the optional pool when it fits, else it stays dynamic.</summary>
        Descriptor,

        /// <summary>TPOFF64 / TLS_TPREL64 (initial-exec): CHECK_STATIC_TLS must place it or the load fails.</summary>
        InitialExec,
    }

    /// <summary>One module's TLS facts from readelf: its block and how its own relocations reach it.</summary>
    internal sealed record ModuleTls(string Path, TlsBlock? Block, OwnTlsAccess Access, IReadOnlyDictionary<string, int> RelocationKinds)
    {
        public string Name => System.IO.Path.GetFileName(Path);

        public static ModuleTls Read(string path)
        {
            var block = Readelf.Tls(path);
            var relocations = Readelf.TlsRelocations(path);
            var defined = Readelf.DefinedTlsSymbols(path);
            var own = relocations.Where(r => r.Symbol.Length == 0 || defined.Contains(r.Symbol)).ToList();
            var access = block == null ? OwnTlsAccess.Dynamic
                : own.Any(r => IsInitialExec(r.Type)) ? OwnTlsAccess.InitialExec
                : own.Any(r => IsDescriptor(r.Type)) ? OwnTlsAccess.Descriptor
                : OwnTlsAccess.Dynamic;
            var kinds = relocations.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new ModuleTls(path, block, access, kinds);
        }

        public string KindsText => RelocationKinds.Count == 0 ? "none" : string.Join(", ", RelocationKinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + " x" + k.Value));

        private static bool IsInitialExec(string type) => type == "R_X86_64_TPOFF64" || type.StartsWith("R_AARCH64_TLS_TPREL", StringComparison.Ordinal);

        private static bool IsDescriptor(string type) => type == "R_X86_64_TLSDESC" || type == "R_AARCH64_TLSDESC";
    }
}
