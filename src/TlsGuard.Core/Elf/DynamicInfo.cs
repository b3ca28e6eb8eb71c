using System.Collections.Generic;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The dynamic entries with O(1) access to the single-valued tags; list-valued tags stay in order. A single-valued
    /// tag that appears twice takes its last value, as both loaders do: glibc's elf_get_dynamic_info and musl's
    /// decode_vec store each entry over the previous one.
    /// </summary>
    internal sealed class DynamicInfo
    {
        private readonly Dictionary<DynamicTag, ulong> loaderValue = new Dictionary<DynamicTag, ulong>();

        public DynamicInfo(IReadOnlyList<DynamicEntry> entries)
        {
            Entries = entries;
            foreach (DynamicEntry e in entries)
            {
                loaderValue[e.Tag] = e.Value;
            }
        }

        public IReadOnlyList<DynamicEntry> Entries { get; }

        public bool Has(DynamicTag tag) => loaderValue.ContainsKey(tag);

        public ulong? Get(DynamicTag tag) => loaderValue.TryGetValue(tag, out ulong v) ? v : (ulong?)null;

        public IEnumerable<ulong> All(DynamicTag tag)
        {
            foreach (DynamicEntry e in Entries)
            {
                if (e.Tag == tag)
                {
                    yield return e.Value;
                }
            }
        }
    }
}
