namespace TlsGuard.Core.Analysis
{
    /// <summary>DF_STATIC_TLS set on a library with a TLS block but no static-TLS relocation: TLS007.</summary>
    public sealed record FlagWithoutRelocation(LibraryInput Input, long TlsBlockBytes) : Decision(Input);
}
