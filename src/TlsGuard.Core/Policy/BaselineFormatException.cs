using System;

namespace TlsGuard.Core.Policy
{
    /// <summary>The baseline file is not a TlsGuard baseline (bad JSON, wrong version, malformed entries).</summary>
    public sealed class BaselineFormatException : Exception
    {
        public BaselineFormatException(string path, string reason, Exception? inner = null)
            : base(path + ": not a TlsGuard baseline: " + reason, inner)
        {
        }
    }
}
