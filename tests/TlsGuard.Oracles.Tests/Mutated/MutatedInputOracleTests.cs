using TlsGuard.Fuzz.Mutation;
using TlsGuard.Oracles.Tests.Oracles;
using Xunit.Abstractions;

namespace TlsGuard.Oracles.Tests.Mutated
{
    /// <summary>
    /// The fuzz harness's structure-aware mutations of the fixtures (fixed seed), compared wherever TlsGuard and both
    /// oracles read the input without error: on those inputs the three readers must still agree, up to the documented
    /// oracle gaps.
    /// </summary>
    public sealed class MutatedInputOracleTests
    {
        // CI's fixed run; TLSGUARD_ORACLE_SEED and TLSGUARD_ORACLE_INPUTS widen it for a campaign.
        private static readonly int Seed = EnvironmentNumber("TLSGUARD_ORACLE_SEED") ?? 8;
        private static readonly int Inputs = EnvironmentNumber("TLSGUARD_ORACLE_INPUTS") ?? 3000;
        private readonly ITestOutputHelper output;

        public MutatedInputOracleTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Mutated_inputs_all_three_readers_accept_agree()
        {
            var generator = new InputGenerator(InputGenerator.LoadFixtures(RepositoryRoot.Fixtures), Seed);
            var unexplained = new List<string>();
            var known = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int compared = 0;
            int notCompared = 0;
            for (int i = 0; i < Inputs; i++)
            {
                FuzzInput input = generator.Next();
                FileOutcome outcome = FileComparison.Compare("#" + i + " " + input.Origin, input.Data, onlyWhenBothOraclesRead: true);
                compared += outcome.ResultsCompared;
                notCompared += outcome.NotCompared == null ? 0 : 1;
                foreach (Disagreement d in outcome.Disagreements)
                {
                    KnownDisagreement? rule = KnownDisagreements.Explain(d);
                    if (rule == null)
                    {
                        unexplained.Add(d.ToString());
                        SaveReproducer(i, input.Data);
                    }
                    else
                    {
                        known[rule.Id] = known.GetValueOrDefault(rule.Id) + 1;
                    }
                }
            }

            output.WriteLine($"seed {Seed}, {Inputs} mutated inputs: {compared} results compared, {notCompared} inputs not compared (TlsGuard or an oracle rejected them)");
            foreach (var k in known)
            {
                output.WriteLine($"known disagreement {k.Key}: {k.Value}");
            }

            foreach (string u in unexplained.Take(100))
            {
                output.WriteLine("UNEXPLAINED " + u);
            }

            Assert.True(compared > Inputs / 10, "only " + compared + " mutated results were compared");
            Assert.Empty(unexplained);
        }

        private static int? EnvironmentNumber(string name) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : null;

        /// <summary>With TLSGUARD_ORACLE_REPRODUCERS set to a folder, each unexplained input is written there for readelf and a regression test.</summary>
        private static void SaveReproducer(int index, byte[] data)
        {
            string? folder = Environment.GetEnvironmentVariable("TLSGUARD_ORACLE_REPRODUCERS");
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, "mutated-" + index + ".bin"), data);
            }
        }
    }
}
