namespace TlsGuard.Core.Elf
{
    /// <summary>One entry of the dynamic section (Elf32_Dyn / Elf64_Dyn).</summary>
    public readonly struct DynamicEntry
    {
        public DynamicEntry(DynamicTag tag, ulong value)
        {
            Tag = tag;
            Value = value;
        }

        public DynamicTag Tag { get; }

        /// <summary>d_val or d_ptr (an address for pointer tags).</summary>
        public ulong Value { get; }
    }
}
