using System;
using System.IO;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>Turns whatever stopped a scan into the one-line reason a result carries.</summary>
    internal static class ScanFailure
    {
        public static string Reason(Exception e)
        {
            switch (e)
            {
                case ElfFormatException _:
                    return e.Message;
                case EndOfStreamException _:
                    return "truncated: " + e.Message;
                case FileNotFoundException _:
                case DirectoryNotFoundException _:
                    return "file not found";
                case UnauthorizedAccessException _:
                    return "permission denied";
                case OutOfMemoryException _:
                    return "too large to scan";
                case IOException _:
                    return "read error: " + e.Message;
                default:
                    return "unreadable (" + e.GetType().Name + "): " + e.Message;
            }
        }
    }
}
