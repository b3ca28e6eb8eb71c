using System.Text;

namespace TlsGuard.Core.Files.Archives.Tar
{
    /// <summary>
    /// Fields of a 512-byte tar header block: POSIX ustar (IEEE 1003.1 pax "ustar Interchange Format": name 0/100,
    /// mode 100, size 124/12, chksum 148/8, typeflag 156, linkname 157/100, magic 257, prefix 345/155), old GNU
    /// ("ustar  ", whose prefix area holds times instead) and v7 (no magic). Numbers are octal text or, as GNU tar writes
    /// large values, base-256 with the high bit of the first byte set.
    /// </summary>
    internal static class TarHeader
    {
        public const int BlockSize = 512;
        public const int NameOffset = 0;
        public const int NameLength = 100;
        public const int SizeOffset = 124;
        public const int SizeLength = 12;
        public const int ChecksumOffset = 148;
        public const int ChecksumLength = 8;
        public const int TypeOffset = 156;
        public const int LinkNameOffset = 157;
        public const int LinkNameLength = 100;
        public const int MagicOffset = 257;
        public const int PrefixOffset = 345;
        public const int PrefixLength = 155;

        public static bool IsZeroBlock(byte[] block)
        {
            for (int i = 0; i < BlockSize; i++)
            {
                if (block[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The stored checksum equals the byte sum with the checksum field read as spaces (unsigned, or signed as some old tars summed).</summary>
        public static bool ChecksumMatches(byte[] block)
        {
            if (!TryParseOctal(block, ChecksumOffset, ChecksumLength, out long stored))
            {
                return false;
            }

            long unsignedSum = 0;
            long signedSum = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                bool inField = i >= ChecksumOffset && i < ChecksumOffset + ChecksumLength;
                byte value = inField ? (byte)' ' : block[i];
                unsignedSum += value;
                signedSum += (sbyte)value;
            }

            return stored == unsignedSum || stored == signedSum;
        }

        /// <summary>A block that opens a tar archive: a valid checksum on a non-empty header.</summary>
        public static bool LooksLikeTar(byte[] block, int count) => count >= BlockSize && !IsZeroBlock(block) && ChecksumMatches(block);

        /// <summary>POSIX ustar ("ustar\0"): the prefix field extends the name.</summary>
        public static bool IsPosixUstar(byte[] block) =>
            block[MagicOffset] == (byte)'u' && block[MagicOffset + 1] == (byte)'s' && block[MagicOffset + 2] == (byte)'t'
            && block[MagicOffset + 3] == (byte)'a' && block[MagicOffset + 4] == (byte)'r' && block[MagicOffset + 5] == 0;

        /// <exception cref="ArchiveFormatException">Neither octal text nor a positive base-256 number that fits in 63 bits.</exception>
        public static long ParseNumber(byte[] block, int offset, int length, string field)
        {
            if ((block[offset] & 0x80) != 0)
            {
                if (block[offset] == 0xff)
                {
                    throw new ArchiveFormatException("negative " + field + " in a tar header");
                }

                long value = block[offset] & 0x7f;
                for (int i = offset + 1; i < offset + length; i++)
                {
                    if (value > (long.MaxValue >> 8))
                    {
                        throw new ArchiveFormatException(field + " in a tar header is too large");
                    }

                    value = (value << 8) | block[i];
                }

                return value;
            }

            if (!TryParseOctal(block, offset, length, out long octal))
            {
                throw new ArchiveFormatException(field + " in a tar header is not an octal number");
            }

            return octal;
        }

        /// <summary>NUL-terminated UTF-8 text from a fixed-width field.</summary>
        public static string Text(byte[] block, int offset, int length)
        {
            int end = offset;
            while (end < offset + length && block[end] != 0)
            {
                end++;
            }

            return Encoding.UTF8.GetString(block, offset, end - offset);
        }

        private static bool TryParseOctal(byte[] block, int offset, int length, out long value)
        {
            value = 0;
            int i = offset;
            int end = offset + length;
            while (i < end && (block[i] == (byte)' ' || block[i] == 0))
            {
                i++;
            }

            for (; i < end; i++)
            {
                byte b = block[i];
                if (b == (byte)' ' || b == 0)
                {
                    break;
                }

                if (b < (byte)'0' || b > (byte)'7' || value > (long.MaxValue >> 3))
                {
                    return false;
                }

                value = (value << 3) | (long)(b - '0');
            }

            for (; i < end; i++)
            {
                if (block[i] != (byte)' ' && block[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
