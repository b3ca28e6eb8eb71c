namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>A documented disagreement: the oracle is the one that is wrong (or blind), and why.</summary>
    public sealed record KnownDisagreement(string Id, Oracle Oracle, Fact Fact, string Reason, Func<Disagreement, bool> Applies);

    /// <summary>
    /// Every disagreement between TlsGuard and an oracle that is the oracle's, one rule each with its reason. A
    /// disagreement no rule explains fails the tests: either TlsGuard has a bug (fix it, add a regression test) or a
    /// new rule goes here with the evidence.
    /// </summary>
    public static class KnownDisagreements
    {
        public static IReadOnlyList<KnownDisagreement> All { get; } =
        [
            new(
                "libobjectfile-mips64-r-info",
                Oracle.LibObjectFile,
                Fact.TlsRelocationCounts,
                "LibObjectFile decodes every ELF64 r_info as ELF64_R_SYM/ELF64_R_TYPE (symbol in the high 32 bits). MIPS64 " +
                "stores a 32-bit r_sym first, then r_ssym, r_type3, r_type2, r_type (one byte each; binutils elf64-mips.c, " +
                "readelf prints R_MIPS_TLS_TPREL64 etc.), so LibObjectFile sees the symbol index as the type and finds no TLS " +
                "relocation. TlsGuard's counts equal readelf's (tests/fixtures/manifest.json).",
                d => d.Subject.Machine == 8 && d.Subject.Is64),
            new(
                "libobjectfile-sparcv9-r-info",
                Oracle.LibObjectFile,
                Fact.TlsRelocationCounts,
                "LibObjectFile takes the low 32 bits of a SPARC V9 r_info as the type. The SPARC V9 ABI (binutils " +
                "ELF64_R_TYPE_ID, readelf) takes the low 8 bits: the 24 above are R_SPARC_OLO10's addend, so a non-zero " +
                "value there hides a TLS relocation from LibObjectFile, not from readelf or TlsGuard. TlsGuard decodes every " +
                "ELF64 file of its SPARC table that way, also EM_SPARC and EM_SPARC32PLUS, which only a corrupted e_machine " +
                "puts in an ELF64 file (readelf then uses the 32-bit type).",
                d => (d.Subject.Machine == 2 || d.Subject.Machine == 18 || d.Subject.Machine == 43) && d.Subject.Is64),
            new(
                "archive-name-bytes",
                Oracle.LibObjectFile,
                Fact.ArchiveMembers,
                "ar member names are bytes. A byte outside printable ASCII is decoded differently (LibObjectFile: UTF-8, " +
                "so U+FFFD; TlsGuard: '?' in a header name, the byte as Latin-1 in a long name), and binutils ends a long " +
                "name at a NUL (the \"//\" table is read as C strings) where LibObjectFile keeps the NUL and what follows. " +
                "The member lists are the same once both are read as binutils does.",
                d => ArchiveNames.SameAsBinutilsReadsThem(d.Ours, d.Theirs)),
            new(
                "libobjectfile-gnu-mode-symdef",
                Oracle.LibObjectFile,
                Fact.ArchiveMembers,
                "The first member is named \"__.SYMDEF...\": binutils (bfd_slurp_armap) and LLVM take it as a BSD symbol " +
                "index, as TlsGuard does; LibObjectFile reading the archive as GNU lists it as a file.",
                d => d.Theirs.StartsWith("[__.SYMDEF", StringComparison.Ordinal) && !d.Ours.StartsWith("[__.SYMDEF", StringComparison.Ordinal)),
            new(
                "elfsharp-string-tables-by-name",
                Oracle.ElfSharp,
                Fact.DefinedTlsSymbols,
                "ELFSharp gives .symtab and .dynsym the string tables named \".strtab\" and \".dynstr\" (ELF.FindStringTables), " +
                "not the one sh_link names; when a mutation garbles .shstrtab or duplicates a name, the lookup fails and " +
                "every symbol is named \"<corrupt>\" (SymbolTable.ReadSymbols), and when it points sh_link elsewhere " +
                "ELFSharp still names the symbols from the table so named. TlsGuard follows sh_link (DT_STRTAB for " +
                ".dynsym), as the ELF specification, readelf and binutils' BFD do.",
                d => d.Theirs.Contains("<corrupt>", StringComparison.Ordinal) || !d.Subject.SymbolTablesLinkNamedStringTables),
            new(
                "one-range-several-headers",
                Oracle.ElfSharp,
                Fact.DefinedTlsSymbols,
                "An object file has several SHT_SYMTAB headers over the same bytes (same sh_offset, sh_size, sh_entsize). " +
                "Issue 12 (100 such headers made 100,000 symbols out of 1,000) makes TlsGuard read each range once " +
                "(Scanning/SectionRanges.cs); ELFSharp, like readelf -s, lists the table once per header. The names are " +
                "the same, only repeated.",
                d => d.Subject.FileType == TlsGuard.Core.Elf.ElfType.Relocatable && d.Subject.RepeatsSymbolTables && SameNames(d.Ours, d.Theirs)),
            new(
                "one-range-several-headers",
                Oracle.LibObjectFile,
                Fact.TlsRelocationCounts,
                "An object file has several SHT_REL/SHT_RELA headers over the same bytes. Issue 12 (8,000 such headers " +
                "made 160 million relocations out of 20,000) makes TlsGuard count each range once; LibObjectFile, like " +
                "readelf -r, counts the table once per header. The relocation types are the same, each counted at least as often.",
                d => d.Subject.FileType == TlsGuard.Core.Elf.ElfType.Relocatable && d.Subject.RepeatsRelocationSections && CountedAtLeastAsOften(d.Ours, d.Theirs)),
            new(
                "not-a-loaded-type",
                Oracle.ElfSharp,
                Fact.Soname,
                "e_type is ET_REL or ET_CORE (a mutated e_type): TlsGuard reads an object file's sections as the linker would and a " +
                "core file's header only, since no loader maps either; ELFSharp reads .dynamic whatever e_type says.",
                IsNotLoaded),
            ..NotLoaded(Fact.Needed, Fact.Runpath, Fact.Rpath, Fact.DfStaticTls),
            ViewsDiverge(Oracle.ElfSharp, Fact.Soname),
            ViewsDiverge(Oracle.ElfSharp, Fact.Needed),
            ViewsDiverge(Oracle.ElfSharp, Fact.Runpath),
            ViewsDiverge(Oracle.ElfSharp, Fact.Rpath),
            ViewsDiverge(Oracle.ElfSharp, Fact.DfStaticTls),
            ViewsDiverge(Oracle.ElfSharp, Fact.DefinedTlsSymbols),
            ViewsDiverge(Oracle.LibObjectFile, Fact.TlsRelocationCounts),
        ];

        /// <summary>"[a;b;a]" lists with the same names, repeats aside.</summary>
        private static bool SameNames(string ours, string theirs) =>
            new HashSet<string>(Names(ours)).SetEquals(Names(theirs));

        private static string[] Names(string list) => list.Trim('[', ']').Split(';', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>"22x2,23x4" counts (FactComparison.Counts) with the same types, theirs never below ours.</summary>
        private static bool CountedAtLeastAsOften(string ours, string theirs)
        {
            Dictionary<string, long> mine = Counts(ours);
            Dictionary<string, long> other = Counts(theirs);
            return mine.Count == other.Count && mine.All(c => other.TryGetValue(c.Key, out long n) && n >= c.Value);
        }

        private static Dictionary<string, long> Counts(string counts) =>
            counts == "none"
                ? new Dictionary<string, long>()
                : counts.Split(',').Select(c => c.Split('x')).ToDictionary(p => p[0], p => long.Parse(p[1]));

        private static bool IsNotLoaded(Disagreement d) =>
            d.Subject.FileType == TlsGuard.Core.Elf.ElfType.Relocatable || d.Subject.FileType == TlsGuard.Core.Elf.ElfType.Core;

        /// <summary>The same reason for the other dynamic-table facts, and for a core file's symbols and relocations.</summary>
        private static IEnumerable<KnownDisagreement> NotLoaded(params Fact[] dynamicFacts)
        {
            foreach (Fact fact in dynamicFacts)
            {
                yield return new KnownDisagreement("not-a-loaded-type", Oracle.ElfSharp, fact, "see not-a-loaded-type (DT_SONAME)", IsNotLoaded);
            }

            yield return new KnownDisagreement(
                "not-a-loaded-type",
                Oracle.ElfSharp,
                Fact.DefinedTlsSymbols,
                "ET_CORE: TlsGuard reads a core file's header only",
                d => d.Subject.FileType == TlsGuard.Core.Elf.ElfType.Core);
            yield return new KnownDisagreement(
                "not-a-loaded-type",
                Oracle.LibObjectFile,
                Fact.TlsRelocationCounts,
                "ET_CORE: TlsGuard reads a core file's header only",
                d => d.Subject.FileType == TlsGuard.Core.Elf.ElfType.Core);
        }

        /// <summary>
        /// Mutated inputs only (no file a linker wrote is inconsistent): the section headers no longer describe the bytes
        /// the dynamic segment does (see <see cref="ViewConsistency"/>), so TlsGuard, reading the segment as the loader
        /// does, and the oracle, reading sections, answer about different bytes.
        /// </summary>
        private static KnownDisagreement ViewsDiverge(Oracle oracle, Fact fact) => new(
            "section-view-diverges-" + fact,
            oracle,
            fact,
            "the input's section headers and its PT_DYNAMIC no longer name the same bytes; the oracle reads sections, TlsGuard reads the segment the loader uses",
            d => !d.Subject.SectionsMatchSegments);

        public static KnownDisagreement? Explain(Disagreement d) =>
            All.FirstOrDefault(k => k.Oracle == d.Oracle && k.Fact == d.Fact && k.Applies(d));
    }
}
