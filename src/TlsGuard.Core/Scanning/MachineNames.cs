using TlsGuard.Core.Elf;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Scanning
{
    /// <summary>The reported machine name: the TLS table's name for the class ("x86_64", "s390", "riscv64" ...) or "unknown(N)".</summary>
    internal static class MachineNames
    {
        public static string For(ushort machine, ElfClass elfClass)
        {
            MachineTlsTable? table = TlsRelocationTables.ForMachine(machine);
            return table != null ? table.NameFor(elfClass) : "unknown(" + machine + ")";
        }
    }
}
