using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>x86-64 (and x32). CODE_4/5/6 are the APX forms (binutils 2.43+; older readelf prints them as unrecognized).</summary>
    internal static class X86_64Tls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.X86_64 },
            "x32",
            "x86_64",
            RelocationInfoLayout.Standard,
            new[]
            {
                Both(16, "R_X86_64_DTPMOD64", GeneralDynamic, DynamicTlsData),
                Both(17, "R_X86_64_DTPOFF64", GeneralDynamic, DynamicTlsData),
                Both(18, "R_X86_64_TPOFF64", StaticTlsDynamic, LocalExec),
                Static(19, "R_X86_64_TLSGD", GeneralDynamic),
                Static(20, "R_X86_64_TLSLD", LocalDynamic),
                Static(21, "R_X86_64_DTPOFF32", DynamicTlsData),
                Static(22, "R_X86_64_GOTTPOFF", InitialExec),
                Static(23, "R_X86_64_TPOFF32", LocalExec),
                Static(34, "R_X86_64_GOTPC32_TLSDESC", Descriptor),
                Static(35, "R_X86_64_TLSDESC_CALL", Descriptor),
                Dynamic(36, "R_X86_64_TLSDESC", Descriptor),
                Static(44, "R_X86_64_CODE_4_GOTTPOFF", InitialExec),
                Static(45, "R_X86_64_CODE_4_GOTPC32_TLSDESC", Descriptor),
                Static(47, "R_X86_64_CODE_5_GOTTPOFF", InitialExec),
                Static(48, "R_X86_64_CODE_5_GOTPC32_TLSDESC", Descriptor),
                Static(50, "R_X86_64_CODE_6_GOTTPOFF", InitialExec),
                Static(51, "R_X86_64_CODE_6_GOTPC32_TLSDESC", Descriptor),
            });
    }
}
