using System;

namespace TlsGuard.Core.Elf
{
    /// <summary>DT_FLAGS bits (DF_*).</summary>
    [Flags]
    public enum DynamicFlags : ulong
    {
        None = 0,
        Origin = 0x1,
        Symbolic = 0x2,
        TextRel = 0x4,
        BindNow = 0x8,
        StaticTls = 0x10,
    }
}
