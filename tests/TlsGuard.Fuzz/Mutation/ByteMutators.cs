namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>Edits that know no format: bit flips, interesting integers at random (often header-near) offsets,
    /// truncation, and appended bytes.</summary>
    internal static class ByteMutators
    {
        public static IReadOnlyList<Mutator> All { get; } = new[]
        {
            new Mutator("bit-flip", BitFlip),
            new Mutator("interesting-integer", InterestingInteger),
            new Mutator("truncate", Truncate),
            new Mutator("append", Append),
        };

        private static byte[]? BitFlip(Random random, byte[] data)
        {
            if (data.Length == 0)
            {
                return null;
            }

            int flips = 1 + random.Next(8);
            for (int i = 0; i < flips; i++)
            {
                int at = Position(random, data.Length);
                data[at] ^= (byte)(1 << random.Next(8));
            }

            return data;
        }

        private static byte[]? InterestingInteger(Random random, byte[] data)
        {
            int width = new[] { 1, 2, 4, 8 }[random.Next(4)];
            if (data.Length < width)
            {
                return null;
            }

            int at = Position(random, data.Length - width + 1) & ~(width - 1);
            new Endian(random.Next(2) == 0).Write(data, at, width, Interesting.Pick(random, data.Length));
            return data;
        }

        private static byte[]? Truncate(Random random, byte[] data) =>
            data.Length < 2 ? null : data.AsSpan(0, random.Next(data.Length)).ToArray();

        private static byte[]? Append(Random random, byte[] data)
        {
            byte[] longer = new byte[data.Length + 1 + random.Next(4096)];
            data.CopyTo(longer, 0);
            if (random.Next(2) == 0)
            {
                random.NextBytes(longer.AsSpan(data.Length));
            }

            return longer;
        }

        /// <summary>Half the edits land in the first 1 KiB or the last 2 KiB, where small files keep their tables.</summary>
        private static int Position(Random random, int limit)
        {
            switch (random.Next(4))
            {
                case 0: return random.Next(Math.Min(1024, limit));
                case 1: return Math.Max(0, limit - 1 - random.Next(Math.Min(2048, limit)));
                default: return random.Next(limit);
            }
        }
    }
}
