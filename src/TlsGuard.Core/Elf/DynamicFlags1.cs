using System;

namespace TlsGuard.Core.Elf
{
    /// <summary>DT_FLAGS_1 bits (DF_1_*) the scanner reports.</summary>
    [Flags]
    public enum DynamicFlags1 : ulong
    {
        None = 0,
        Now = 0x1,
        Global = 0x2,
        NoDelete = 0x8,
        NoOpen = 0x40,
        Pie = 0x8000000,
    }
}
