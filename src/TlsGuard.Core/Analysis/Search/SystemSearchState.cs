namespace TlsGuard.Core.Analysis
{
    /// <summary>Whether a system's library folders took part in a search, and if not why.</summary>
    public enum SystemSearchState
    {
        /// <summary>The sysroot's, or this machine's, folders were searched.</summary>
        Searched,

        /// <summary>This machine's folders were turned off (TlsGuardSystemLibraries=false, --system-libraries off).</summary>
        TurnedOff,

        /// <summary>This machine cannot stand in for the target (another OS, machine or C library) and no sysroot was given.</summary>
        NoStandIn,
    }
}
