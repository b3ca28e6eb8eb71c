namespace TlsGuard.Core.Elf
{
    /// <summary>What a file or archive member is, from its leading bytes: ELF, or one of the foreign formats folders of native assets hold.</summary>
    public enum ObjectFormat
    {
        Unknown,
        Elf,

        /// <summary>"!&lt;arch&gt;\n": an ar archive (GNU, BSD or Microsoft .lib).</summary>
        Archive,

        /// <summary>"!&lt;thin&gt;\n": a GNU thin archive, whose members are separate files.</summary>
        ThinArchive,

        /// <summary>LLVM bitcode, raw ("BC" 0xC0DE) or in Apple's wrapper (0x0B17C0DE): an LTO object.</summary>
        LlvmBitcode,

        /// <summary>A Mach-O object or a universal (fat) binary: Apple platforms.</summary>
        MachO,

        /// <summary>A COFF object (Windows, by machine field).</summary>
        Coff,

        /// <summary>A COFF short import object (IMPORT_OBJECT_HEADER: 0x0000, 0xFFFF): a Windows import library member.</summary>
        CoffImport,
    }
}
