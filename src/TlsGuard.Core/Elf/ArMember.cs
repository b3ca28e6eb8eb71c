namespace TlsGuard.Core.Elf
{
    /// <summary>One member of an ar archive: its resolved name and where its data lies in the archive.</summary>
    internal sealed class ArMember
    {
        public ArMember(string name, long dataOffset, long size, string? error)
        {
            Name = name;
            DataOffset = dataOffset;
            Size = size;
            Error = error;
        }

        public string Name { get; }
        public long DataOffset { get; }
        public long Size { get; }

        /// <summary>Set when this header could not be read; the walk stops after it.</summary>
        public string? Error { get; }
    }
}
