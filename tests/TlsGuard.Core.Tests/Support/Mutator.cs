namespace TlsGuard.Core.Tests.Support
{
    /// <summary>
    /// Deterministic corruptions of a fixture: random bytes, "interesting" integers (0, all ones, sign bits, sizes near
    /// the file length) written over header-sized fields, and truncations. Half the edits land in the first 1 KiB or
    /// the last 2 KiB, where small linked files keep their headers, dynamic tables and section header table.
    /// </summary>
    internal sealed class Mutator
    {
        private readonly byte[] original;
        private readonly Random random;
        private readonly ulong[] interesting;

        public Mutator(byte[] original, int seed)
        {
            this.original = original;
            random = new Random(seed);
            ulong length = (ulong)original.Length;
            interesting = new ulong[]
            {
                0, 1, 2, 8, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
                0x7fffffffffffffff, 0x8000000000000000, ulong.MaxValue, length, length - 1, length + 1, length / 2,
            };
        }

        public byte[] Next()
        {
            byte[] copy = (byte[])original.Clone();
            int edits = 1 + random.Next(4);
            for (int i = 0; i < edits; i++)
            {
                Edit(copy);
            }

            return random.Next(20) == 0 ? copy.AsSpan(0, random.Next(copy.Length)).ToArray() : copy;
        }

        private void Edit(byte[] copy)
        {
            int width = new[] { 1, 2, 4, 8 }[random.Next(4)];
            int at = Position(copy.Length - width) & ~(width - 1);
            ulong value = random.Next(3) == 0 ? (ulong)random.NextInt64() : interesting[random.Next(interesting.Length)];
            bool bigEndian = random.Next(2) == 0;
            for (int b = 0; b < width; b++)
            {
                int shift = 8 * (bigEndian ? width - 1 - b : b);
                copy[at + b] = (byte)(value >> shift);
            }
        }

        private int Position(int limit)
        {
            switch (random.Next(4))
            {
                case 0: return random.Next(Math.Min(1024, limit));
                case 1: return Math.Max(0, limit - random.Next(Math.Min(2048, limit)));
                default: return random.Next(limit);
            }
        }
    }
}
