namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>Values that sit on the edges integer checks get wrong: zero, sign bits, all ones, sizes near the file's length.</summary>
    internal static class Interesting
    {
        private static readonly ulong[] Fixed =
        {
            0, 1, 2, 3, 4, 7, 8, 16, 24, 0x3f, 0x40, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
            0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000, ulong.MaxValue,
        };

        public static ulong Pick(Random random, long fileLength)
        {
            ulong length = (ulong)fileLength;
            switch (random.Next(4))
            {
                case 0:
                    return new[] { length, length - 1, length + 1, length / 2, length - 8, length - 64 }[random.Next(6)];
                case 1:
                    return (ulong)random.NextInt64();
                default:
                    return Fixed[random.Next(Fixed.Length)];
            }
        }

        /// <summary>A small step away from <paramref name="value"/>: off-by-one and off-by-an-entry edits.</summary>
        public static ulong Nudge(Random random, ulong value) => value + (ulong)(long)new[] { -64, -24, -16, -8, -1, 1, 8, 16, 24, 64 }[random.Next(10)];
    }
}
