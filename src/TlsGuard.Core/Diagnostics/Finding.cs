using System.Collections.Generic;

namespace TlsGuard.Core.Diagnostics
{
    /// <summary>
    /// One diagnostic, ready for any face to print: MSBuild log, text, JSON, SARIF. Only the finding factory makes them;
    /// how loud each one is reported is the policy's decision (<see cref="Policy.ReportedFinding"/>).
    /// </summary>
    /// <param name="Descriptor">The catalog entry: id, title, default severity, help link.</param>
    /// <param name="FilePath">The library (or object, or baseline file) the finding is about: the MSBuild diagnostic's file.</param>
    /// <param name="Message">The descriptor's message format with its arguments.</param>
    public sealed record Finding(DiagnosticDescriptor Descriptor, string FilePath, string Message)
    {
        public string Id => Descriptor.Id;

        /// <summary>NuGet package the library came from, if known (MSBuild metadata).</summary>
        public string? PackageId { get; init; }
        public string? PackageVersion { get; init; }

        /// <summary>
        /// Stable identity used by baselines and SARIF fingerprints: the id, the library's file name and the TLS
        /// facts, never absolute paths or timestamps.
        /// </summary>
        public string Fingerprint { get; init; } = "";

        /// <summary>Extra key/value facts (requiredBytes, relocation, chain, tunable) for JSON/SARIF properties.</summary>
        public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    }
}
