namespace TlsGuard.Cli
{
    public static class ExitCodes
    {
        /// <summary>No finding reaches the --fail-on level.</summary>
        public const int Success = 0;

        /// <summary>At least one (non-baselined) finding reaches the --fail-on level.</summary>
        public const int FindingsFailed = 1;

        /// <summary>Bad command line, unreadable input, unwritable output, malformed baseline.</summary>
        public const int UsageOrIoError = 2;
    }
}
