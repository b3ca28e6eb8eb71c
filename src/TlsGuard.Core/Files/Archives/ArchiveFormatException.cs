using System;

namespace TlsGuard.Core.Files.Archives
{
    /// <summary>Thrown inside the archive readers for broken structure or data; callers turn it into a reported problem.</summary>
    internal sealed class ArchiveFormatException : Exception
    {
        public ArchiveFormatException(string message)
            : base(message)
        {
        }
    }
}
