using System.Collections.Generic;
using TlsGuard.Core.Tls.Machines;

namespace TlsGuard.Core.Tls
{
    /// <summary>Every machine TlsGuard knows, looked up by e_machine.</summary>
    public static class TlsRelocationTables
    {
        public static IReadOnlyList<MachineTlsTable> All { get; } = new[]
        {
            X86_64Tls.Table,
            I386Tls.Table,
            AArch64Tls.Table,
            ArmTls.Table,
            PowerPC64Tls.Table,
            PowerPCTls.Table,
            S390Tls.Table,
            RiscVTls.Table,
            LoongArchTls.Table,
            MipsTls.Table,
            SparcTls.Table,
            SuperHTls.Table,
            M68kTls.Table,
            ArcTls.Table,
            CSkyTls.Table,
            OpenRiscTls.Table,
        };

        // Declared after All: static fields initialise in textual order.
        private static readonly Dictionary<ushort, MachineTlsTable> ByMachine = Index();

        public static MachineTlsTable? ForMachine(ushort machine) =>
            ByMachine.TryGetValue(machine, out MachineTlsTable? table) ? table : null;

        /// <summary>The relocation type a scan result names (e.g. a key of StaticTlsRelocations), or null.</summary>
        public static TlsRelocationType? Find(ushort machine, string name) => ForMachine(machine)?.Find(name);

        private static Dictionary<ushort, MachineTlsTable> Index()
        {
            var index = new Dictionary<ushort, MachineTlsTable>();
            foreach (MachineTlsTable table in All)
            {
                foreach (ushort machine in table.Machines)
                {
                    index.Add(machine, table);
                }
            }

            return index;
        }
    }
}
