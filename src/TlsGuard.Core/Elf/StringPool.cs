using System;
using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// Every name one scan reads from string tables. A name is decoded once per offset (sixteen thousand DT_NEEDED
    /// entries naming one string cost one decode) and equal names are one string object. The bytes examined for names
    /// are charged to a budget linear in the file's length, so no arrangement of overlapping names (each entry pointing
    /// one byte further into one long string) makes the work or the memory grow faster than the file.
    /// </summary>
    internal sealed class StringPool
    {
        /// <summary>Longest file name, path or version name accepted (PATH_MAX): the loader cannot use a longer one.</summary>
        public const int MaxPathBytes = Scanning.ScanLimits.PathBytes;

        /// <summary>Longest symbol name accepted; the longest in Debian 12's libraries is about 1 KB (gRPC, LLVM).</summary>
        public const int MaxSymbolBytes = Scanning.ScanLimits.SymbolBytes;

        [ThreadStatic]
        private static StringPool? cached;

        private readonly Dictionary<long, Entry> byOffset = new Dictionary<long, Entry>();
        private readonly Dictionary<string, string> byContent = new Dictionary<string, string>(StringComparer.Ordinal);
        private NameBudget budget = new NameBudget(0);
        private byte[]? spill;

        private StringPool()
        {
        }

        /// <summary>
        /// An empty pool for one scan, charging <paramref name="budget"/>. Pools are reused per thread (<see cref="Return"/>),
        /// so thousands of scans do not regrow the dictionaries each time; the names handed out stay with the results.
        /// </summary>
        public static StringPool Rent(NameBudget budget)
        {
            StringPool pool = cached ?? new StringPool();
            cached = null;
            pool.budget = budget;
            return pool;
        }

        public static void Return(StringPool pool)
        {
            if (pool.byOffset.Count > 4096)
            {
                // Grown by an unusual file: let it go rather than keep its capacity for the thread's lifetime.
                return;
            }

            pool.byOffset.Clear();
            pool.byContent.Clear();
            cached = pool;
        }

        /// <summary>
        /// The NUL-terminated string at <paramref name="offset"/>, which must end before <paramref name="limit"/> (the end
        /// of its table) and be at most <paramref name="maxBytes"/> long.
        /// </summary>
        public string Read(WindowedReader reader, long offset, long limit, int maxBytes, string what)
        {
            if (byOffset.TryGetValue(offset, out Entry known))
            {
                if (offset + known.ByteLength >= limit)
                {
                    throw new ElfFormatException("unterminated " + what + " at offset " + offset);
                }

                if (known.ByteLength > maxBytes)
                {
                    throw TooLong(what, offset, maxBytes);
                }

                return known.Text;
            }

            long searchEnd = Math.Min(limit, offset + (long)maxBytes + 1);
            long end = reader.FindTerminator(offset, searchEnd);
            budget.Charge((end < 0 ? searchEnd : end + 1) - offset);
            if (end < 0)
            {
                if (searchEnd < limit)
                {
                    throw TooLong(what, offset, maxBytes);
                }

                throw new ElfFormatException("unterminated " + what + " at offset " + offset);
            }

            int length = (int)(end - offset);
            string text = Intern(Decode(reader, offset, length));
            byOffset.Add(offset, new Entry(text, length));
            return text;
        }

        /// <summary>The pool's instance of <paramref name="text"/> (for strings cut from names, such as search-path entries).</summary>
        public string Intern(string text)
        {
            if (byContent.TryGetValue(text, out string? same))
            {
                return same;
            }

            byContent.Add(text, text);
            return text;
        }

        private static ElfFormatException TooLong(string what, long offset, int maxBytes) =>
            new ElfFormatException(what + " at offset " + offset + " is longer than " + maxBytes + " bytes");

        private string Decode(WindowedReader reader, long offset, int length)
        {
            if (length <= reader.Capacity)
            {
                int index = reader.Prepare(offset, length);
                return SharedNames.Get(reader.Window, index, length);
            }

            if (spill == null || spill.Length < length)
            {
                spill = new byte[Math.Max(length, MaxPathBytes)];
            }

            reader.CopyTo(offset, length, spill);
            return Encoding.UTF8.GetString(spill, 0, length);
        }

        private readonly struct Entry
        {
            public Entry(string text, int byteLength)
            {
                Text = text;
                ByteLength = byteLength;
            }

            public string Text { get; }
            public int ByteLength { get; }
        }
    }
}
