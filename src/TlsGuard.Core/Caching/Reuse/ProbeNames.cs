using System;

namespace TlsGuard.Core.Caching
{
    /// <summary>The stored spelling of each <see cref="ProbeKind"/>.</summary>
    internal static class ProbeNames
    {
        public static string Name(ProbeKind kind) => kind switch
        {
            ProbeKind.Kind => "kind",
            ProbeKind.Status => "status",
            ProbeKind.Listing => "listing",
            ProbeKind.Content => "content",
            ProbeKind.Scan => "scan",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        public static ProbeKind Parse(string name) => name switch
        {
            "kind" => ProbeKind.Kind,
            "status" => ProbeKind.Status,
            "listing" => ProbeKind.Listing,
            "content" => ProbeKind.Content,
            "scan" => ProbeKind.Scan,
            _ => throw new FormatException("'" + name + "' is not a probe kind"),
        };
    }
}
