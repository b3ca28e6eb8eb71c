using TlsGuard.Fuzz.Harness;
using TlsGuard.Fuzz.Mutation;
using Xunit.Abstractions;

namespace TlsGuard.Fuzz.Tests.Harness
{
    /// <summary>
    /// CI's bounded fuzz run: a fixed seed and a fixed count over every committed fixture, each input judged for
    /// undocumented errors, allocation over budget and reads beyond k × size + c, and one in 256 also scanned from a
    /// file through the public path entry. The long mode (tests/TlsGuard.Fuzz/README.md) runs the same loop for hours.
    /// </summary>
    public sealed class FixedSeedCampaignTests
    {
        private const int Seed = FuzzCommand.DefaultSeed;
        private const int Iterations = 20_000;
        private readonly ITestOutputHelper output;

        public FixedSeedCampaignTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Mutated_fixtures_stay_within_every_scan_budget()
        {
            var generator = new InputGenerator(InputGenerator.LoadFixtures(RepositoryRoot.Fixtures), Seed);
            var options = new CampaignOptions(Seed, Iterations, null, null, 256, 20);

            CampaignReport report = Campaign.Run(generator, options, ScanBudget.Default);

            foreach (string line in report.Lines())
            {
                output.WriteLine(line);
            }

            Assert.Equal(Iterations, report.Inputs);
            Assert.Empty(report.Findings.Select(f => f.Origin + ": " + string.Join("; ", f.Violations)));

            // The run means something only if the edits both broke files and left some readable, and every mutator ran.
            Assert.True(report.Rejected > Iterations / 10, "only " + report.Rejected + " results were rejected");
            Assert.True(report.ScannedWithoutError > Iterations / 10, "only " + report.ScannedWithoutError + " results were read");
            var mutators = ElfMutators.All.Concat(ArMutators.All).Concat(ByteMutators.All).Select(m => m.Name);
            string[] rarelyApplied = mutators.Where(m => report.EditsApplied.GetValueOrDefault(m) < 50).ToArray();
            Assert.True(rarelyApplied.Length == 0, "mutators applied fewer than 50 times: " + string.Join(", ", rarelyApplied));
            Assert.True(report.FileEntryChecks >= Iterations / 256);
        }
    }
}
