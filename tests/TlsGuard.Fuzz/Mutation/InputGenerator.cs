using System.Text.Json;

namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>One generated input and how it was made (the fixture and the edits, in order), for reports and reproducers.</summary>
    internal sealed record FuzzInput(byte[] Data, string Origin)
    {
        /// <summary>Set when a mutator itself threw: a harness bug, reported as a finding instead of ending the run.</summary>
        public string? HarnessError { get; init; }
    }

    /// <summary>
    /// Deterministic inputs from the committed fixtures: each is one fixture with one to four edits, most of them
    /// structure-aware. The same seed gives the same inputs on every machine (System.Random with a seed is stable).
    /// </summary>
    internal sealed class InputGenerator
    {
        private readonly Random random;
        private readonly IReadOnlyList<(string Name, byte[] Data)> seeds;

        public InputGenerator(IReadOnlyList<(string Name, byte[] Data)> seeds, int seed)
        {
            if (seeds.Count == 0)
            {
                throw new ArgumentException("no seed inputs");
            }

            this.seeds = seeds;
            random = new Random(seed);
        }

        /// <summary>Every distinct file the fixture manifest names (tests/fixtures/manifest.json), read from tests/fixtures/elf.</summary>
        public static List<(string Name, byte[] Data)> LoadFixtures(string fixturesFolder)
        {
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixturesFolder, "manifest.json")));
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            foreach (JsonElement fixture in manifest.RootElement.GetProperty("fixtures").EnumerateArray())
            {
                paths.Add(fixture.GetProperty("path").GetString()!);
            }

            return paths.Select(p => (p, File.ReadAllBytes(Path.Combine(fixturesFolder, "elf", p)))).ToList();
        }

        public FuzzInput Next()
        {
            (string name, byte[] original) = seeds[random.Next(seeds.Count)];
            try
            {
                return Mutate(name, original);
            }
            catch (Exception e)
            {
                return new FuzzInput(original, name + " + (a mutator threw)") { HarnessError = e.ToString() };
            }
        }

        private FuzzInput Mutate(string name, byte[] original)
        {
            byte[] data = (byte[])original.Clone();
            var edits = new List<string>();
            int wanted = 1 + random.Next(4);
            for (int attempt = 0; edits.Count < wanted && attempt < 3 * wanted; attempt++)
            {
                Mutator mutator = PickMutator(data);
                byte[]? edited = mutator.Apply(random, data);
                if (edited != null)
                {
                    data = edited;
                    edits.Add(mutator.Name);
                }
            }

            return new FuzzInput(data, name + " + " + string.Join(", ", edits));
        }

        private Mutator PickMutator(byte[] data)
        {
            int roll = random.Next(100);
            IReadOnlyList<Mutator> family = roll < 60 ? ElfMutators.All
                : roll < 75 || (roll < 80 && ArArchive.IsArchive(data)) ? ArMutators.All
                : ByteMutators.All;
            return family[random.Next(family.Count)];
        }
    }
}
