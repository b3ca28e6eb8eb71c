namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>The oracle a fact is compared with.</summary>
    public enum Oracle
    {
        ElfSharp,
        LibObjectFile,
    }

    /// <summary>The facts compared.</summary>
    public enum Fact
    {
        TlsSegment,
        Soname,
        Needed,
        Runpath,
        Rpath,
        DfStaticTls,
        DefinedTlsSymbols,
        TlsRelocationCounts,
        ArchiveMembers,
        Readable,
    }

    /// <summary>
    /// What is known about the file a disagreement is about, for the known-disagreement rules. The repeat flags say
    /// whether two section headers of one kind name the same bytes (<see cref="RepeatedSectionRanges"/>), the last one
    /// whether each symbol table links the string table ELFSharp picks by name (<see cref="StringTableLinks"/>).
    /// </summary>
    public sealed record Subject(
        string Name,
        ushort Machine,
        bool Is64,
        bool BigEndian,
        TlsGuard.Core.Elf.ElfType FileType,
        bool HasSectionHeaders,
        bool SectionsMatchSegments,
        bool RepeatsSymbolTables = false,
        bool RepeatsRelocationSections = false,
        bool SymbolTablesLinkNamedStringTables = true);

    /// <summary>One fact on which TlsGuard and an oracle answered differently.</summary>
    public sealed record Disagreement(Subject Subject, Oracle Oracle, Fact Fact, string Ours, string Theirs)
    {
        public override string ToString() => $"{Subject.Name}: {Oracle} {Fact}: ours {Ours}, theirs {Theirs}";
    }
}
