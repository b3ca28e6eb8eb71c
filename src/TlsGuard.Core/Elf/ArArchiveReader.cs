using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// Walks the members of a "!&lt;arch&gt;\n" archive: GNU names ("name/", "/123" into the "//" table) and BSD names
    /// ("#1/len" with the name in front of the data). Symbol tables ("/", "/SYM64/", "__.SYMDEF*") and the long-name
    /// table are skipped, but the GNU symbol index is checked: its member offsets must lie inside the file, which is
    /// how an archive cut off exactly between two members is noticed. Each header moves the walk forward by at least
    /// 60 bytes, so it always ends.
    /// </summary>
    internal static class ArArchiveReader
    {
        private const int HeaderSize = 60;
        private const int MagicSize = 8;

        // Not a pooled size: the members scanned during the walk take the pooled windows.
        private const int HeaderWindowSize = 1024;

        public static IEnumerable<ArMember> Members(IByteSource source)
        {
            // Big-endian for the symbol index's binary words; the headers themselves are ASCII.
            using var reader = new WindowedReader(source, HeaderWindowSize, true);
            long length = source.Length;
            long position = MagicSize;
            long longNamesOffset = -1;
            long longNamesSize = 0;
            ArMember? indexProblem = null;
            while (position < length)
            {
                if (length - position < HeaderSize)
                {
                    if (IsPadding(reader, position, length))
                    {
                        break;
                    }

                    yield return Broken(position, "truncated archive member header");
                    yield break;
                }

                int h = reader.Prepare(position, HeaderSize);
                byte[] w = reader.Window;
                if (w[h + 58] != (byte)'`' || w[h + 59] != (byte)'\n')
                {
                    yield return Broken(position, "bad archive member header");
                    yield break;
                }

                string rawName = Encoding.ASCII.GetString(w, h, 16).TrimEnd(' ');
                long size = ParseDecimal(w, h + 48, 10);
                long data = position + HeaderSize;
                if (size < 0 || size > length - data)
                {
                    yield return Broken(position, "archive member size field is invalid or runs past the end of the file");
                    yield break;
                }

                long next = data + size + (size & 1);
                ArMember? member = null;
                string? error = null;
                if (rawName == "//")
                {
                    longNamesOffset = data;
                    longNamesSize = size;
                }
                else if (rawName == "/" || rawName == "/SYM64/")
                {
                    string? problem = CheckSymbolIndex(reader, data, size, rawName == "/" ? 4 : 8, length);
                    if (problem != null && indexProblem == null)
                    {
                        indexProblem = Broken(position, problem);
                    }
                }
                else if (position == MagicSize && rawName.StartsWith("__.SYMDEF", System.StringComparison.Ordinal))
                {
                    // BSD symbol index: not a member. Only the first member can be one (binutils bfd_slurp_armap and
                    // LLVM's Archive look there only); a later "__.SYMDEF" is an ordinary member, ELF or not.
                }
                else if (rawName.StartsWith("#1/", System.StringComparison.Ordinal))
                {
                    long nameLength = ParseDecimal(Encoding.ASCII.GetBytes(rawName), 3, rawName.Length - 3);
                    if (nameLength < 0 || nameLength > size)
                    {
                        error = "BSD archive member name length is invalid";
                    }
                    else
                    {
                        string name = ReadBytes(reader, data, (int)nameLength).TrimEnd('\0');
                        if (position != MagicSize || !name.StartsWith("__.SYMDEF", System.StringComparison.Ordinal))
                        {
                            member = new ArMember(name, data + nameLength, size - nameLength, null);
                        }
                    }
                }
                else if (rawName.Length > 1 && rawName[0] == '/')
                {
                    long nameOffset = ParseDecimal(Encoding.ASCII.GetBytes(rawName), 1, rawName.Length - 1);
                    if (longNamesOffset < 0 || nameOffset < 0 || nameOffset >= longNamesSize)
                    {
                        error = "archive long name reference " + Printable(rawName) + " has no entry in the // table";
                    }
                    else
                    {
                        member = new ArMember(ReadLongName(reader, longNamesOffset + nameOffset, longNamesOffset + longNamesSize), data, size, null);
                    }
                }
                else
                {
                    member = new ArMember(rawName.EndsWith("/", System.StringComparison.Ordinal) ? rawName.Substring(0, rawName.Length - 1) : rawName, data, size, null);
                }

                if (error != null)
                {
                    yield return Broken(position, error);
                    yield break;
                }

                if (member != null)
                {
                    yield return member;
                }

                position = next;
            }

            if (indexProblem != null)
            {
                yield return indexProblem;
            }
        }

        /// <summary>A GNU symbol index: a big-endian count, then that many member header offsets.</summary>
        private static string? CheckSymbolIndex(WindowedReader reader, long data, long size, int word, long length)
        {
            if (size < word)
            {
                return "archive symbol index is truncated";
            }

            ulong count = reader.Word(data, word == 8);
            if (count > (ulong)(size / word) - 1)
            {
                return "archive symbol index claims " + count + " entries, more than it holds";
            }

            for (long i = 1; i <= (long)count; i++)
            {
                ulong memberHeader = reader.Word(data + i * word, word == 8);
                if (memberHeader > (ulong)(length - HeaderSize))
                {
                    return "archive symbol index points past the end of the file (offset " + memberHeader + "): the archive is truncated";
                }
            }

            return null;
        }

        /// <summary>Header bytes for a message: anything but printable ASCII becomes '?'.</summary>
        private static string Printable(string raw)
        {
            var sb = new StringBuilder(raw.Length);
            foreach (char c in raw)
            {
                sb.Append(c >= ' ' && c < (char)0x7f ? c : '?');
            }

            return sb.ToString();
        }

        private static ArMember Broken(long position, string error) =>
            new ArMember("(header at offset " + position + ")", position, 0, error);

        private static bool IsPadding(WindowedReader reader, long position, long length)
        {
            for (long p = position; p < length; p++)
            {
                if (reader.U8(p) != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A right-padded ASCII decimal field; -1 when it holds anything else or nothing.</summary>
        private static long ParseDecimal(byte[] bytes, int start, int width)
        {
            long value = 0;
            int digits = 0;
            int i = start;
            for (; i < start + width && bytes[i] >= (byte)'0' && bytes[i] <= (byte)'9'; i++)
            {
                value = value * 10 + (bytes[i] - '0');
                digits++;
            }

            for (; i < start + width; i++)
            {
                if (bytes[i] != (byte)' ')
                {
                    return -1;
                }
            }

            return digits == 0 || digits > 10 ? -1 : value;
        }

        private static string ReadBytes(WindowedReader reader, long offset, int count)
        {
            var sb = new StringBuilder(count);
            for (int n = 0; n < count; n++)
            {
                sb.Append((char)reader.U8(offset + n));
            }

            return sb.ToString();
        }

        /// <summary>GNU long names end with "/\n"; other writers use "\n" alone.</summary>
        private static string ReadLongName(WindowedReader reader, long offset, long limit)
        {
            var sb = new StringBuilder();
            for (long p = offset; p < limit; p++)
            {
                byte b = reader.U8(p);
                if (b == (byte)'\n' || b == 0)
                {
                    break;
                }

                sb.Append((char)b);
            }

            if (sb.Length > 0 && sb[sb.Length - 1] == '/')
            {
                sb.Length--;
            }

            return sb.ToString();
        }
    }
}
