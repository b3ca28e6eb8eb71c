namespace TlsGuard.Core.Analysis
{
    /// <summary>Will the library load when dlopen'd on the target C library? Ordered by severity.</summary>
    public enum Verdict
    {
        /// <summary>No static TLS needed (or only into the startup set): nothing to say.</summary>
        None,

        /// <summary>Needs static TLS and fits with room to spare.</summary>
        Fits,

        /// <summary>Fits today but not in the guaranteed part of the reserve; load order decides.</summary>
        AtRisk,

        /// <summary>Will fail to load.</summary>
        Fails,
    }
}
