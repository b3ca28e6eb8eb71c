using System.Text.RegularExpressions;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// The errors a scan result may carry for a malformed input: the messages the readers throw as ElfFormatException
    /// (src/TlsGuard.Core/Elf, Scanning), the "truncated: " prefix ScanFailure gives an EndOfStreamException, and the
    /// front door's own verdicts (ElfScanner, ArchiveScan, ArArchiveReader). Anything else, above all ScanFailure's
    /// "unreadable (ExceptionType)" and "too large to scan", means an exception escaped a reader: a defect.
    /// A new diagnosed message in the scanner gets its shape added here, so the list stays the documentation.
    /// </summary>
    internal static class ErrorShapes
    {
        private const string Number = @"-?\d+";
        private const string Hex = @"0x[0-9a-f]+";
        private const string DynamicTag = @"DT_[A-Z0-9_]+";

        private static readonly Regex[] Allowed = new[]
        {
            // ElfScanner / ArchiveScan
            "empty file",
            "not an ELF file or ar archive",
            "thin archive: its members are separate files",
            "LLVM bitcode \\(LTO object\\): its TLS model is only chosen at link time",
            // ScanFailure for EndOfStreamException (WindowedReader)
            "truncated: the file ended while reading offset " + Number,
            // ElfHeaderReader
            "file too short for an ELF identification",
            "not an ELF file",
            "unknown ELF class " + Number,
            "unknown ELF data encoding " + Number,
            "file too short for an ELF header",
            // ProgramHeaderTableReader, SectionHeaderTableReader
            "program header entry size " + Number + ", expected " + Number,
            "section header entry size " + Number + ", expected " + Number,
            // Bounds, WindowedReader, ByteSourceSlice, LoadSegmentMap, ElfImage.CheckRanges
            ".+ extends past the end of the file",
            ".+ is larger than the file",
            "read past the end of the file at offset " + Number,
            "string offset " + Number + " lies outside its string table",
            "unterminated string at offset " + Number,
            ".+ runs past the end of its segment",
            ".+ at address " + Hex + " is not in any loadable segment",
            // StringTable, SymbolTable, hash tables, RELR
            "string index " + Number + " is outside the string table \\(" + Number + " bytes\\)",
            "symbol index " + Number + " is outside the symbol table \\(" + Number + " entries\\)",
            "GNU hash bucket points below the first hashed symbol",
            "DT_RELRSZ " + Number + " is not a multiple of the word size",
            "DT_RELR starts with a bitmap instead of an address",
            // ElfImageScan
            "unknown ELF type " + Number,
            "PT_TLS p_memsz " + Number + " or p_align " + Number + " is larger than any address space",
            "machine " + Number + " is not supported: its TLS relocations are unknown",
            // ObjectScan, ObjectSymbolTables
            "object file without section headers",
            "relocation section \\[" + Number + "\\] has sh_entsize " + Number + ", expected " + Number,
            "section \\[" + Number + "\\] is not a symbol table",
            "symbol table \\[" + Number + "\\] has sh_entsize " + Number + ", expected " + Number,
            "section \\[" + Number + "\\] is not a string table",
            ".+ section index " + Number + " is out of range",
            // DynamicScan, DynamicSymbols, DynamicRelocationTables, TlsSymbolResolver
            DynamicTag + " without a DT_STRTAB",
            "DT_SYMTAB without DT_STRTAB",
            "DT_SYMENT is " + Number + ", expected " + Number,
            "\\.dynsym sh_entsize is " + Number + ", expected " + Number,
            DynamicTag + "ENT is " + Number + ", expected " + Number,
            "DT_PLTREL " + Number + " is neither DT_RELA nor DT_REL",
            ".+ names symbol " + Number + " but has no symbol table",
            // ArArchiveReader
            "truncated archive member header",
            "bad archive member header",
            "archive member size field is invalid or runs past the end of the file",
            "BSD archive member name length is invalid",
            "archive long name reference .* has no entry in the // table",
            "archive symbol index is truncated",
            "archive symbol index claims " + Number + " entries, more than it holds",
            "archive symbol index points past the end of the file \\(offset " + Number + "\\): the archive is truncated",
            "archive member extends past the end of the file",
        }.Select(shape => new Regex("^(?:" + shape + ")$", RegexOptions.CultureInvariant | RegexOptions.Singleline)).ToArray();

        /// <summary>True for a diagnosed format error; false for an escaped exception or a message nobody documented.</summary>
        public static bool IsDocumented(string error) => Allowed.Any(shape => shape.IsMatch(error));
    }
}
