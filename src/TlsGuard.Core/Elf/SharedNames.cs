using System.Text;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// Names stored once for every scan of the process: the same symbols ("free", "memcpy"), versions ("GLIBC_2.2.5") and
    /// sonames ("libc.so.6") recur in nearly every library (18,882 versioned imports of 300 Debian libraries are 4,936
    /// names). A name is looked up by its bytes, so one already known is neither decoded nor allocated again. The table is
    /// bounded (<see cref="MaxNames"/> names of at most <see cref="MaxLength"/> ASCII bytes); other names are decoded as
    /// they come. Safe to use from several threads.
    /// </summary>
    internal static class SharedNames
    {
        private const int MaxNames = 16 * 1024;
        private const int MaxLength = 128;

        private static readonly object Gate = new object();
        private static string?[] names = new string?[1024];
        private static int[] hashes = new int[1024];
        private static int count;

        /// <summary>The name in <paramref name="bytes"/>[<paramref name="index"/>, +<paramref name="length"/>), UTF-8.</summary>
        public static string Get(byte[] bytes, int index, int length)
        {
            if (length > MaxLength || !IsAscii(bytes, index, length))
            {
                return Encoding.UTF8.GetString(bytes, index, length);
            }

            int hash = Hash(bytes, index, length);
            lock (Gate)
            {
                int mask = names.Length - 1;
                int slot = hash & mask;
                for (string? name = names[slot]; name != null; slot = (slot + 1) & mask, name = names[slot])
                {
                    if (hashes[slot] == hash && Same(name, bytes, index, length))
                    {
                        return name;
                    }
                }

                string text = Encoding.ASCII.GetString(bytes, index, length);
                if (count < MaxNames)
                {
                    names[slot] = text;
                    hashes[slot] = hash;
                    count++;
                    if (count * 2 > names.Length)
                    {
                        Grow();
                    }
                }

                return text;
            }
        }

        private static bool IsAscii(byte[] bytes, int index, int length)
        {
            for (int i = index; i < index + length; i++)
            {
                if (bytes[i] >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>FNV-1a over the bytes.</summary>
        private static int Hash(byte[] bytes, int index, int length)
        {
            uint hash = 2166136261;
            for (int i = index; i < index + length; i++)
            {
                hash = (hash ^ bytes[i]) * 16777619;
            }

            return (int)hash;
        }

        private static bool Same(string name, byte[] bytes, int index, int length)
        {
            if (name.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (name[i] != bytes[index + i])
                {
                    return false;
                }
            }

            return true;
        }

        private static void Grow()
        {
            var oldNames = names;
            var oldHashes = hashes;
            names = new string?[oldNames.Length * 2];
            hashes = new int[oldNames.Length * 2];
            int mask = names.Length - 1;
            for (int i = 0; i < oldNames.Length; i++)
            {
                if (oldNames[i] != null)
                {
                    int slot = oldHashes[i] & mask;
                    while (names[slot] != null)
                    {
                        slot = (slot + 1) & mask;
                    }

                    names[slot] = oldNames[i];
                    hashes[slot] = oldHashes[i];
                }
            }
        }
    }
}
