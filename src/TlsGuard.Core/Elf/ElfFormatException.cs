using System;

namespace TlsGuard.Core.Elf
{
    /// <summary>The file is not the ELF/ar data it claims to be; the message is the one-line reason a result carries.</summary>
    internal sealed class ElfFormatException : Exception
    {
        public ElfFormatException(string message)
            : base(message)
        {
        }
    }
}
