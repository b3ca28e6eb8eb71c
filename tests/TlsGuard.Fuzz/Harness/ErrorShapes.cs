using System.Text.RegularExpressions;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// The errors a scan result may carry for a malformed input: the messages the readers throw as ElfFormatException
    /// (src/TlsGuard.Core/Elf, Scanning), the "truncated: " prefix ScanFailure gives an EndOfStreamException, and the
    /// front door's own verdicts (ElfScanner, ArchiveScan, ArArchiveReader), including the scanner's limits (name
    /// lengths and the name budget of StringPool/NameBudget, ScanLimits' caps, ArchiveScan.MaxMembers). Anything else,
    /// above all ScanFailure's "unreadable (ExceptionType)" and "too large to scan", means an exception escaped a
    /// reader: a defect. A new diagnosed message in the scanner gets its shape added here, so the list stays the
    /// documentation.
    /// </summary>
    internal static class ErrorShapes
    {
        private const string Number = @"-?\d+";
        private const string Hex = @"0x[0-9a-f]+";
        private const string DynamicTag = @"DT_[A-Z0-9_]+";

        /// <summary>What StringPool reads names for: StringTable's callers and ElfImageScan's PT_INTERP.</summary>
        private const string NameKind = @"(?:DT_NEEDED name|DT_SONAME|DT_RUNPATH|DT_RPATH|symbol name|PT_INTERP path|DT_VERNEED (?:file|version) name|DT_VERDEF version name)";

        /// <summary>The ranges Bounds.Range/Product and LoadSegmentMap.ToOffset check (their "what").</summary>
        private const string Region = @"(?:" + DynamicTag + @"(?: entry| auxiliary entry)?|GNU hash (?:bloom filter|buckets)|dynamic segment|dynamic symbol table|program header table|section header table|segment [A-Za-z]+|section \[\d+\]|archive member)";

        /// <summary>Header bytes as LongNameTable.Printable shows them: printable ASCII, anything else as '?'.</summary>
        private const string Printable = @"[ -~]*";

        private static readonly Regex[] Allowed = new[]
        {
            // ElfScanner
            "empty file",
            "not an ELF file or ar archive",
            "not an ELF file: a Mach-O object \\(Apple platforms\\)",
            "not an ELF file: a COFF object \\(Windows\\)",
            "thin archive: its members are separate files",
            "LLVM bitcode \\(LTO object\\): its TLS model is only chosen at link time",
            // ArchiveScan: the member cap and an archive of foreign members only
            "the archive has more than " + Number + " members to report; the rest were not scanned",
            "ar archive without ELF members: " + Number + " [^,]+(?:, " + Number + " [^,]+)*",
            // ScanFailure for EndOfStreamException (WindowedReader)
            "truncated: the file ended while reading offset " + Number,
            // ElfHeaderReader
            "file too short for an ELF identification",
            "not an ELF file",
            "unknown ELF class " + Number,
            "unknown ELF data encoding " + Number,
            "file too short for an ELF header",
            // ProgramHeaderTableReader, SectionHeaderTable
            "program header entry size " + Number + ", expected " + Number,
            "section header entry size " + Number + ", expected " + Number,
            "section index " + Number + " is out of range",
            // Bounds, ByteSourceSlice, WindowedReader (ReadFailure), LoadSegmentMap
            Region + " extends past the end of the file",
            Region + " is larger than the file",
            "read past the end of the file at offset " + Number,
            Region + " runs past the end of its segment",
            Region + " at address " + Hex + " is not in any loadable segment",
            // StringPool, NameBudget, StringTable, SymbolTable, DynamicSymbolCount
            "unterminated " + NameKind + " at offset " + Number,
            NameKind + " at offset " + Number + " is longer than " + Number + " bytes",
            "the names in this file exceed the scan budget \\(" + Number + " bytes plus half the file length\\): overlapping or repeated long strings",
            NameKind + " index " + Number + " is outside the string table \\(" + Number + " bytes\\)",
            "symbol index " + Number + " is outside the symbol table \\(" + Number + " entries\\)",
            "GNU hash bucket points below the first hashed symbol",
            // ElfImageScan
            "unknown ELF type " + Number,
            "machine " + Number + " is not supported: its TLS relocations are unknown",
            "PT_TLS p_memsz " + Hex + " is larger than any address space",
            "PT_TLS p_filesz " + Number + " is larger than its p_memsz " + Number,
            "PT_TLS p_align " + Hex + " is not a power of two of at most 2\\^32",
            // ObjectScan, ObjectSymbolTables, SectionRanges
            "object file without section headers",
            "relocation section \\[" + Number + "\\] has sh_entsize " + Number + ", expected " + Number,
            "section \\[" + Number + "\\] is not a symbol table",
            "symbol table \\[" + Number + "\\] has sh_entsize " + Number + ", expected " + Number,
            "section \\[" + Number + "\\] is not a string table",
            "(?:symbol|string) table section index " + Number + " is out of range",
            "(?:symbol table|relocation section)s \\[" + Number + "\\] and \\[" + Number + "\\] overlap",
            // DynamicScan, DynamicSymbols, DynamicRelocationTables, TlsSymbolResolver, SymbolVersions
            DynamicTag + " without a DT_STRTAB",
            "DT_SYMTAB without DT_STRTAB",
            "more than " + Number + " DT_R(?:UN)?PATH entries",
            "DT_SYMENT is " + Number + ", expected " + Number,
            "\\.dynsym sh_entsize is " + Number + ", expected " + Number,
            "dynamic symbol " + Number + " has version index " + Number + ", which neither DT_VERNEED nor DT_VERDEF declares",
            "DT_RELA?ENT is " + Number + ", expected " + Number,
            "DT_PLTREL " + Number + " is neither DT_RELA nor DT_REL",
            "(?:DT_RELA?|DT_JMPREL|relocation section \\[" + Number + "\\]) names symbol " + Number + " but has no symbol table",
            "DT_VERNEED auxiliary entries are shared or form a loop",
            "(?:vn_next|vna_next|vd_next) " + Number + " does not move past its own entry",
            "DT_VER(?:NEED|DEF) has more entries than the file can hold",
            // ArArchiveReader, LongNameTable
            "truncated archive member header",
            "bad archive member header",
            "archive member size field is invalid or runs past the end of the file",
            "BSD archive member name length is invalid",
            "BSD archive member name length " + Number + " is longer than " + Number + " bytes",
            "archive long name reference " + Printable + " has no entry in the // table",
            "archive long name " + Printable + " is longer than " + Number + " bytes",
            "archive symbol index is truncated",
            "archive symbol index claims " + Number + " entries, more than it holds",
            "archive symbol index points past the end of the file \\(offset " + Number + "\\): the archive is truncated",
        }.Select(shape => new Regex("^(?:" + shape + ")$", RegexOptions.CultureInvariant | RegexOptions.Singleline)).ToArray();

        /// <summary>True for a diagnosed format error; false for an escaped exception or a message nobody documented.</summary>
        public static bool IsDocumented(string error) => Allowed.Any(shape => shape.IsMatch(error));
    }
}
