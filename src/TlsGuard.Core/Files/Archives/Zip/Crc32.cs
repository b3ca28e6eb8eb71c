namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>The CRC-32 zip records for each member (IEEE 802.3 polynomial, reflected: 0xEDB88320), to catch corrupt data.</summary>
    internal sealed class Crc32
    {
        private static readonly uint[] Table = Build();
        private uint state = 0xFFFFFFFFu;

        public uint Value => ~state;

        public void Update(byte[] buffer, int offset, int count)
        {
            uint crc = state;
            for (int i = offset; i < offset + count; i++)
            {
                crc = Table[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
            }

            state = crc;
        }

        private static uint[] Build()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
