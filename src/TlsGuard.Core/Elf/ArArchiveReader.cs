using System;
using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// Walks the members of a "!&lt;arch&gt;\n" archive: GNU names ("name/", "/123" into the "//" table) and BSD names
    /// ("#1/len" with the name in front of the data). Symbol tables ("/", "/SYM64/", "__.SYMDEF*") and the long-name
    /// table are not members, but a GNU symbol index is checked: its member offsets must lie inside the file, which is
    /// how an archive cut off exactly between two members is noticed (<see cref="IndexProblem"/>). Each header moves
    /// the walk forward by at least 60 bytes and reads at most one bounded name, so the walk is linear in the file.
    /// </summary>
    internal sealed class ArArchiveReader : IDisposable
    {
        private const int HeaderSize = 60;
        private const int MagicSize = 8;

        // Not a pooled size: the members scanned during the walk take the pooled windows.
        private const int HeaderWindowSize = 1024;

        private readonly WindowedReader reader;
        private readonly LongNameTable longNames;

        // One scratch buffer for every name the walk decodes (GNU long names, BSD names), PATH_MAX plus a terminator.
        private readonly byte[] nameBytes = new byte[StringPool.MaxPathBytes + 1];

        /// <summary><paramref name="budget"/> is charged for the long names read (an archive's members share one budget).</summary>
        public ArArchiveReader(IByteSource source, NameBudget budget)
        {
            // Big-endian for the symbol index's binary words; the headers themselves are ASCII.
            reader = new WindowedReader(source, HeaderWindowSize, ElfDecoder.ArchiveIndex);
            longNames = new LongNameTable(reader, budget, nameBytes);
        }

        /// <summary>The first problem found in a GNU symbol index ("/" or "/SYM64/"), once the walk has passed it.</summary>
        public string? IndexProblem { get; private set; }

        /// <summary>The data members in archive order; a header that cannot be read ends the walk with a member carrying the error.</summary>
        public IEnumerable<ArMember> Members()
        {
            long length = reader.Length;
            long position = MagicSize;
            while (position < length)
            {
                if (length - position < HeaderSize)
                {
                    if (!IsPadding(position, length))
                    {
                        yield return Broken(position, "truncated archive member header");
                    }

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

                ArMember? member;
                try
                {
                    member = Read(rawName, position, data, size);
                }
                catch (ElfFormatException e)
                {
                    member = Broken(position, e.Message);
                }

                if (member != null)
                {
                    yield return member;
                    if (member.Error != null)
                    {
                        yield break;
                    }
                }

                position = data + size + (size & 1);
            }
        }

        public void Dispose() => reader.Dispose();

        /// <summary>One header's member; null for the special members (symbol indexes, the long-name table).</summary>
        private ArMember? Read(string rawName, long position, long data, long size)
        {
            if (rawName == "//")
            {
                longNames.Locate(data, size);
                return null;
            }

            if (rawName == "/" || rawName == "/SYM64/")
            {
                string? problem = CheckSymbolIndex(data, size, rawName == "/" ? 4 : 8);
                IndexProblem ??= problem;
                return null;
            }

            if (position == MagicSize && rawName.StartsWith("__.SYMDEF", StringComparison.Ordinal))
            {
                // BSD symbol index: not a member. Only the first member can be one (binutils bfd_slurp_armap and LLVM's
                // Archive look there only); a later "__.SYMDEF" is an ordinary member, ELF or not.
                return null;
            }

            if (rawName.StartsWith("#1/", StringComparison.Ordinal))
            {
                return BsdMember(rawName, position, data, size);
            }

            if (rawName.Length > 1 && rawName[0] == '/')
            {
                long nameOffset = ParseDecimal(Encoding.ASCII.GetBytes(rawName), 1, rawName.Length - 1);
                return new ArMember(longNames.NameAt(nameOffset, rawName), data, size, null);
            }

            return new ArMember(rawName.EndsWith("/", StringComparison.Ordinal) ? rawName.Substring(0, rawName.Length - 1) : rawName, data, size, null);
        }

        /// <summary>"#1/len": the name is the first len bytes of the data, NUL-padded; bounded by the member and by PATH_MAX.</summary>
        private ArMember? BsdMember(string rawName, long position, long data, long size)
        {
            long nameLength = ParseDecimal(Encoding.ASCII.GetBytes(rawName), 3, rawName.Length - 3);
            if (nameLength < 0 || nameLength > size)
            {
                return Broken(position, "BSD archive member name length is invalid");
            }

            if (nameLength > StringPool.MaxPathBytes)
            {
                return Broken(position, "BSD archive member name length " + nameLength + " is longer than " + StringPool.MaxPathBytes + " bytes");
            }

            reader.CopyTo(data, (int)nameLength, nameBytes);
            string name = Encoding.UTF8.GetString(nameBytes, 0, (int)nameLength).TrimEnd('\0');
            if (position == MagicSize && name.StartsWith("__.SYMDEF", StringComparison.Ordinal))
            {
                return null;
            }

            return new ArMember(name, data + nameLength, size - nameLength, null);
        }

        /// <summary>A GNU symbol index: a big-endian count, then that many member header offsets.</summary>
        private string? CheckSymbolIndex(long data, long size, int word)
        {
            if (size < word)
            {
                return "archive symbol index is truncated";
            }

            ulong count = word == 8 ? reader.U64(data) : reader.U32(data);
            if (count > (ulong)(size / word) - 1)
            {
                return "archive symbol index claims " + count + " entries, more than it holds";
            }

            for (long i = 1; i <= (long)count; i++)
            {
                ulong memberHeader = word == 8 ? reader.U64(data + i * word) : reader.U32(data + i * word);
                if (memberHeader > (ulong)(reader.Length - HeaderSize))
                {
                    return "archive symbol index points past the end of the file (offset " + memberHeader + "): the archive is truncated";
                }
            }

            return null;
        }

        private static ArMember Broken(long position, string error) =>
            new ArMember("(header at offset " + position + ")", position, 0, error);

        private bool IsPadding(long position, long length)
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
    }
}
