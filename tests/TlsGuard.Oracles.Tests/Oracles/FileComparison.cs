using TlsGuard.Core.Scanning;
using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>How one input file went: compared (with what disagreements), or why it was not.</summary>
    public sealed record FileOutcome(string Name, int ResultsCompared, IReadOnlyList<Disagreement> Disagreements, string? NotCompared)
    {
        /// <summary>Compared results that had TLS facts to agree on (a PT_TLS segment or TLS relocations).</summary>
        public int ResultsWithTls { get; init; }
    }

    /// <summary>
    /// Scans a file (ELF or ar archive) with TlsGuard and compares every result with the oracles: an ELF file with both
    /// oracles; an archive's member list with LibObjectFile's, and each ELF member (cut out by the fuzz harness's
    /// independent ar reader) with both oracles.
    /// </summary>
    public static class FileComparison
    {
        public static FileOutcome Compare(string name, byte[] data, bool onlyWhenBothOraclesRead = false)
        {
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(data, name);
            if (ArArchive.IsArchive(data))
            {
                return CompareArchive(name, data, results, onlyWhenBothOraclesRead);
            }

            ElfScanResult result = results[0];
            if (result.Error != null)
            {
                return new FileOutcome(name, 0, new Disagreement[0], "TlsGuard: " + result.Error);
            }

            List<Disagreement>? found = FactComparison.Compare(name, result, data, onlyWhenBothOraclesRead);
            return found == null
                ? new FileOutcome(name, 0, new Disagreement[0], "an oracle could not read it")
                : new FileOutcome(name, 1, found, null) { ResultsWithTls = HasTls(result) ? 1 : 0 };
        }

        private static bool HasTls(ElfScanResult r) => r.TlsBlock != null || r.StaticTlsRelocations.Count > 0 || r.DynamicTlsRelocations.Count > 0;

        private static FileOutcome CompareArchive(string name, byte[] data, IReadOnlyList<ElfScanResult> results, bool onlyWhenBothOraclesRead)
        {
            var found = new List<Disagreement>();
            bool bsd = ArArchive.Entries(data).Any(e => e.RawName.StartsWith("#1/", StringComparison.Ordinal));
            IReadOnlyList<OracleMember>? members = LibObjectFileOracle.ReadArchive(data, bsd, out string? failure);
            var archiveSubject = new Subject(name, 0, false, false, TlsGuard.Core.Elf.ElfType.None, false, true);
            // A result without a member, or with the "(header at offset N)" name, is the archive walk itself failing.
            ElfScanResult? walkFailure = results.FirstOrDefault(r => r.Error != null && (r.ArchiveMember == null || r.ArchiveMember.StartsWith("(header at offset ", StringComparison.Ordinal)));
            if (onlyWhenBothOraclesRead && (members == null || walkFailure != null))
            {
                return new FileOutcome(name, 0, found, members == null ? "LibObjectFile could not read it: " + failure : "TlsGuard: " + walkFailure!.Error);
            }

            if (members == null)
            {
                found.Add(new Disagreement(archiveSubject, Oracle.LibObjectFile, Fact.Readable, "read", failure ?? "unreadable"));
                return new FileOutcome(name, 0, found, null);
            }

            // Member lists: the ELF members in archive order, by name (a member TlsGuard read with an error is still a member).
            string ours = "[" + string.Join(";", results.Select(r => r.ArchiveMember)) + "]";
            string theirs = "[" + string.Join(";", members.Where(m => m.StartsLikeElf).Select(m => m.Name)) + "]";
            if (ours != theirs)
            {
                found.Add(new Disagreement(archiveSubject, Oracle.LibObjectFile, Fact.ArchiveMembers, ours, theirs));
                return new FileOutcome(name, 0, found, null);
            }

            List<(string Name, byte[] Data)> memberBytes = ArArchive.ElfMembers(data);
            int compared = 0;
            int withTls = 0;
            for (int i = 0; i < results.Count && i < memberBytes.Count; i++)
            {
                if (results[i].Error == null && FactComparison.Compare(results[i].DisplayPath, results[i], memberBytes[i].Data, onlyWhenBothOraclesRead) is List<Disagreement> memberFound)
                {
                    found.AddRange(memberFound);
                    compared++;
                    withTls += HasTls(results[i]) ? 1 : 0;
                }
            }

            return new FileOutcome(name, compared, found, null) { ResultsWithTls = withTls };
        }
    }
}
