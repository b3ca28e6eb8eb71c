using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>The wording shared by the findings: library names, relocation summaries, block descriptions.</summary>
    internal static class FindingText
    {
        public static string Invariant(string format, params object[] args)
        {
            return string.Format(CultureInfo.InvariantCulture, format, args);
        }

        /// <summary>"runtimes/linux-x64/native/libfoo.so (package Foo 1.2.3)": where it is and where it came from.</summary>
        public static string Display(LibraryInput input)
        {
            var where = string.IsNullOrEmpty(input.RelativePath) ? input.Path : input.RelativePath!;
            if (string.IsNullOrEmpty(input.PackageId))
            {
                return where;
            }

            var version = string.IsNullOrEmpty(input.PackageVersion) ? "" : " " + input.PackageVersion;
            return where + " (package " + input.PackageId + version + ")";
        }

        /// <summary>"1 R_X86_64_TPOFF64 relocation", "2 R_X86_64_TPOFF64 relocations and 1 R_X86_64_TPOFF64/... relocation".</summary>
        public static string Relocations(IReadOnlyDictionary<string, int> relocations)
        {
            var parts = new List<string>();
            foreach (var pair in relocations)
            {
                parts.Add(Invariant("{0} {1} relocation{2}", pair.Value, pair.Key, pair.Value == 1 ? "" : "s"));
            }

            return parts.Count == 0 ? "DF_STATIC_TLS flag" : string.Join(" and ", parts);
        }

        /// <summary>"R_X86_64_TPOFF64=1,R_X86_64_TPOFF32=2": the machine-readable form for properties.</summary>
        public static string RelocationList(IReadOnlyDictionary<string, int> relocations)
        {
            var parts = new List<string>();
            foreach (var pair in relocations)
            {
                parts.Add(pair.Key + "=" + pair.Value.ToString(CultureInfo.InvariantCulture));
            }

            return string.Join(",", parts);
        }

        public static string Chain(IReadOnlyList<string> chain)
        {
            return string.Join(" -> ", chain);
        }

        /// <summary>"libfoo.so -> libjemalloc.so.2 needs 2632 bytes of static TLS (TLS block aligned to 8, 1 R_X86_64_TPOFF64 relocation)".</summary>
        public static string Consumer(StaticTlsConsumer consumer)
        {
            var text = new StringBuilder();
            text.Append(Chain(consumer.Chain));
            text.Append(Invariant(" needs {0} bytes of static TLS (TLS block aligned to {1}, ", consumer.Size, consumer.Align));
            text.Append(consumer.ByFlagOnly ? "DF_STATIC_TLS flag" : Relocations(consumer.Relocations));
            if (consumer.Symbols.Count > 0)
            {
                text.Append(" to ").Append(string.Join(", ", consumer.Symbols));
            }

            if (consumer.ReferencedFrom.Count > 0 && !(consumer.ReferencedFrom.Count == 1 && consumer.ReferencedFrom[0] == consumer.Name))
            {
                text.Append(" from ").Append(string.Join(", ", consumer.ReferencedFrom));
            }

            text.Append(')');
            if (consumer.Origin == ModuleOrigin.ThisMachine)
            {
                text.Append("; ").Append(consumer.Name).Append(" was found on this machine: ").Append(consumer.Path);
            }
            else if (consumer.Origin == ModuleOrigin.Sysroot)
            {
                text.Append("; ").Append(consumer.Name).Append(" was found in the sysroot: ").Append(consumer.Path);
            }

            return text.ToString();
        }

        /// <summary>All consumers, then the padded total when it differs from the single block.</summary>
        public static string Consumers(IReadOnlyList<StaticTlsConsumer> consumers, long requiredBytes)
        {
            var parts = new List<string>();
            long sum = 0;
            foreach (var consumer in consumers)
            {
                parts.Add(Consumer(consumer));
                sum += consumer.Size;
            }

            var text = string.Join("; ", parts);
            if (consumers.Count > 1)
            {
                text += Invariant("; {0} bytes together", requiredBytes);
            }
            else if (requiredBytes != sum)
            {
                text += Invariant(", {0} bytes with alignment padding", requiredBytes);
            }

            return text;
        }

        /// <summary>"a, b and c".</summary>
        public static string List(IReadOnlyList<string> items)
        {
            if (items.Count <= 1)
            {
                return items.Count == 0 ? "" : items[0];
            }

            var head = new List<string>(items);
            var last = head[head.Count - 1];
            head.RemoveAt(head.Count - 1);
            return string.Join(", ", head) + " and " + last;
        }

        public static string Target(TargetLibc libc, string machine)
        {
            return string.IsNullOrEmpty(machine) ? libc.DisplayName : libc.DisplayName + " (" + machine + ")";
        }

        /// <summary>"a, b and c", or "a, b, c and 12 more" past <paramref name="shown"/> items.</summary>
        public static string FirstFewAndCount(IReadOnlyList<string> items, int shown)
        {
            if (items.Count <= shown)
            {
                return List(items);
            }

            var head = new List<string>();
            for (var i = 0; i < shown; i++)
            {
                head.Add(items[i]);
            }

            return string.Join(", ", head) + Invariant(" and {0} more", items.Count - shown);
        }

        /// <summary>"a, b, c" for at most <paramref name="shown"/> items, then ", ...".</summary>
        public static string FirstFew(IReadOnlyList<string> items, int shown)
        {
            if (items.Count <= shown)
            {
                return string.Join(", ", items);
            }

            var head = new List<string>();
            for (var i = 0; i < shown; i++)
            {
                head.Add(items[i]);
            }

            return string.Join(", ", head) + ", ...";
        }
    }
}
