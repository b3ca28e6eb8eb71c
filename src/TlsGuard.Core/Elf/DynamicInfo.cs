using System.Collections.Generic;

namespace TlsGuard.Core.Elf
{
    /// <summary>The dynamic entries with O(1) access to the single-valued tags; list-valued tags stay in order.</summary>
    internal sealed class DynamicInfo
    {
        private readonly Dictionary<DynamicTag, ulong> first = new Dictionary<DynamicTag, ulong>();

        public DynamicInfo(IReadOnlyList<DynamicEntry> entries)
        {
            Entries = entries;
            foreach (DynamicEntry e in entries)
            {
                if (!first.ContainsKey(e.Tag))
                {
                    first.Add(e.Tag, e.Value);
                }
            }
        }

        public IReadOnlyList<DynamicEntry> Entries { get; }

        public bool Has(DynamicTag tag) => first.ContainsKey(tag);

        public ulong? Get(DynamicTag tag) => first.TryGetValue(tag, out ulong v) ? v : (ulong?)null;

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
