namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The GLIBC_TUNABLES setting the model computed for a set of blocks, checked against the model itself: with it the
    /// set fits (<see cref="Guaranteed"/>), or, when no setting can guarantee it, loads as long as TLS descriptor users
    /// do not take the optional pool first. The user's own settings are kept.
    /// </summary>
    public sealed record TunableRemedy(GlibcTunables Setting, bool Guaranteed)
    {
        /// <summary>What GLIBC_TUNABLES must be set to, the variable name included.</summary>
        public string Environment => "GLIBC_TUNABLES=" + Setting.Text;
    }
}
