using System;

namespace TlsGuard.Cli
{
    /// <summary>A problem the user must fix (missing path, unwritable output, bad baseline); reported on stderr with exit code 2.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
