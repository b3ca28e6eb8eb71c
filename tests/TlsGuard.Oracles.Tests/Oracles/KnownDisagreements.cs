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
        public static IReadOnlyList<KnownDisagreement> All { get; } = new KnownDisagreement[]
        {
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
                "elfsharp-string-tables-by-name",
                Oracle.ElfSharp,
                Fact.DefinedTlsSymbols,
                "ELFSharp gives .symtab and .dynsym the string tables named \".strtab\" and \".dynstr\" (ELF.FindStringTables), " +
                "not the one sh_link names; when a mutation garbles .shstrtab or duplicates a name, the lookup fails and " +
                "every symbol is named \"<corrupt>\" (SymbolTable.ReadSymbols). TlsGuard follows sh_link (DT_STRTAB for " +
                ".dynsym), as the ELF specification says.",
                d => d.Theirs.Contains("<corrupt>", StringComparison.Ordinal)),
            ViewsDiverge(Oracle.ElfSharp, Fact.Soname),
            ViewsDiverge(Oracle.ElfSharp, Fact.Needed),
            ViewsDiverge(Oracle.ElfSharp, Fact.Runpath),
            ViewsDiverge(Oracle.ElfSharp, Fact.Rpath),
            ViewsDiverge(Oracle.ElfSharp, Fact.DfStaticTls),
            ViewsDiverge(Oracle.ElfSharp, Fact.DefinedTlsSymbols),
            ViewsDiverge(Oracle.LibObjectFile, Fact.TlsRelocationCounts),
        };

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
