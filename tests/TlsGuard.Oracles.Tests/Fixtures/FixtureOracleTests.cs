using TlsGuard.Oracles.Tests.Oracles;
using Xunit.Abstractions;

namespace TlsGuard.Oracles.Tests.Fixtures
{
    /// <summary>Every committed fixture, read by TlsGuard and by both oracles: the facts agree, or the disagreement is a documented oracle gap.</summary>
    public sealed class FixtureOracleTests
    {
        private readonly ITestOutputHelper output;

        public FixtureOracleTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Every_fixture_agrees_with_both_oracles()
        {
            var unexplained = new List<string>();
            var rulesUsed = new HashSet<string>(StringComparer.Ordinal);
            int files = 0;
            int compared = 0;
            foreach (string path in Directory.EnumerateFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                string name = Path.GetRelativePath(RepositoryRoot.FixtureElf, path);
                FileOutcome outcome = FileComparison.Compare(name, File.ReadAllBytes(path));
                files++;
                compared += outcome.ResultsCompared;
                Assert.Null(outcome.NotCompared);
                foreach (Disagreement d in outcome.Disagreements)
                {
                    KnownDisagreement? known = KnownDisagreements.Explain(d);
                    output.WriteLine((known == null ? "UNEXPLAINED " : "known (" + known.Id + ") ") + d);
                    if (known != null)
                    {
                        rulesUsed.Add(known.Id);
                    }

                    if (known == null)
                    {
                        unexplained.Add(d.ToString());
                    }
                }
            }

            output.WriteLine(files + " files, " + compared + " results compared");
            Assert.Empty(unexplained);

            // Files a linker wrote never need the mutation-only rules; the MIPS64 r_info gap shows on every mips64el fixture.
            Assert.Equal(new[] { "libobjectfile-mips64-r-info" }, rulesUsed.OrderBy(r => r, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_fixture_has_section_headers_that_describe_its_dynamic_segment()
        {
            // The mutation-only rule "section-view-diverges" rests on this check: it must hold for every file a linker wrote.
            foreach (string path in Directory.EnumerateFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories))
            {
                byte[] data = File.ReadAllBytes(path);
                Assert.True(ViewConsistency.SectionsMatchSegments(data), path);
            }
        }

        [Fact]
        public void A_moved_dynamic_section_header_is_seen_as_a_diverging_view()
        {
            byte[] data = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc", "libie_ext.so"));
            var elf = TlsGuard.Fuzz.Mutation.ElfLayout.Of(data)!;
            for (int i = 0; i < elf.Sections.Count; i++)
            {
                var fields = elf.SectionFields(i);
                if (elf.Endian.Read(data, fields[0].Offset, 4) == 6)
                {
                    // sh_offset of .dynamic moved by one entry: the section no longer starts where PT_DYNAMIC does.
                    elf.Endian.Write(data, fields[2].Offset, 8, elf.Endian.Read(data, fields[2].Offset, 8) + 16);
                }
            }

            Assert.False(ViewConsistency.SectionsMatchSegments(data));
        }

        [Fact]
        public void A_symbol_table_linked_to_another_string_table_is_seen_as_one()
        {
            // The rule "elfsharp-string-tables-by-name" rests on this check; every fixture links the tables so named.
            Assert.All(Directory.EnumerateFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(".a", StringComparison.Ordinal)), path =>
                Assert.True(StringTableLinks.SymbolTablesLinkTheNamedStringTables(File.ReadAllBytes(path)), path));
            byte[] data = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc", "ie.o"));
            var elf = TlsGuard.Fuzz.Mutation.ElfLayout.Of(data)!;
            int symtab = Enumerable.Range(0, elf.Sections.Count).First(i => elf.Endian.Read(data, elf.SectionFields(i)[0].Offset, 4) == 2);
            int shstrndx = (int)elf.Endian.Read(data, 62, 2);
            elf.Endian.Write(data, elf.SectionFields(symtab)[4].Offset, 4, (ulong)shstrndx);

            Assert.False(StringTableLinks.SymbolTablesLinkTheNamedStringTables(data));
        }

        [Fact]
        public void A_relocation_section_header_copied_over_another_is_seen_as_a_repeated_range()
        {
            // The mutation-only rule "one-range-several-headers" rests on this check; no fixture has a repeated range.
            byte[] data = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc", "ie.o"));
            Assert.False(RepeatedSectionRanges.HasRepeatedRelocationSections(data));
            Assert.False(RepeatedSectionRanges.HasRepeatedSymbolTables(data));
            var elf = TlsGuard.Fuzz.Mutation.ElfLayout.Of(data)!;
            int rela = Enumerable.Range(0, elf.Sections.Count).First(i => elf.Endian.Read(data, elf.SectionFields(i)[0].Offset, 4) == 4);
            int last = elf.Sections.Count - 1;
            Array.Copy(data, elf.Sections.Entry(rela), data, elf.Sections.Entry(last), elf.Sections.EntrySize);

            Assert.True(RepeatedSectionRanges.HasRepeatedRelocationSections(data));
            Assert.False(RepeatedSectionRanges.HasRepeatedSymbolTables(data));
            Assert.DoesNotContain(Directory.EnumerateFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories), path =>
                RepeatedSectionRanges.HasRepeatedRelocationSections(File.ReadAllBytes(path)) || RepeatedSectionRanges.HasRepeatedSymbolTables(File.ReadAllBytes(path)));
        }
    }
}
