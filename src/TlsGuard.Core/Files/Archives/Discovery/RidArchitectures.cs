using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>The architecture part of a .NET RID ("x64" in linux-x64) for an ELF machine, or for a Python platform tag's machine.</summary>
    internal static class RidArchitectures
    {
        public static string? Of(ElfMachine machine, ElfClass elfClass, ElfData byteOrder)
        {
            bool is64 = elfClass == ElfClass.Elf64;
            switch (machine)
            {
                case ElfMachine.X86_64: return is64 ? "x64" : null;
                case ElfMachine.I386: return "x86";
                case ElfMachine.AArch64: return "arm64";
                case ElfMachine.Arm: return "arm";
                case ElfMachine.PowerPC64: return byteOrder == ElfData.LittleEndian ? "ppc64le" : null;
                case ElfMachine.S390: return is64 ? "s390x" : null;
                case ElfMachine.RiscV: return is64 ? "riscv64" : null;
                case ElfMachine.LoongArch: return is64 ? "loongarch64" : null;
                default: return null;
            }
        }

        /// <summary>"x86_64" → "x64" and the other machine names of PEP 600/656 platform tags.</summary>
        public static string? OfPythonMachine(string machine)
        {
            switch (machine)
            {
                case "x86_64": return "x64";
                case "i686": return "x86";
                case "aarch64": return "arm64";
                case "armv7l": return "arm";
                case "ppc64le": return "ppc64le";
                case "s390x": return "s390x";
                case "riscv64": return "riscv64";
                case "loongarch64": return "loongarch64";
                default: return null;
            }
        }
    }
}
