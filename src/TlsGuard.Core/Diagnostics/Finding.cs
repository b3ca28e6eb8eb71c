using System.Collections.Generic;

namespace TlsGuard.Core.Diagnostics
{
    /// <summary>One diagnostic the core produced, ready for any face to print: MSBuild log, text, JSON, SARIF.</summary>
    public sealed class Finding
    {
        public Finding(DiagnosticDescriptor descriptor, string filePath, string message)
        {
            Descriptor = descriptor;
            FilePath = filePath;
            Message = message;
        }

        public DiagnosticDescriptor Descriptor { get; }
        public string Id => Descriptor.Id;

        private DiagnosticSeverity? _severity;

        /// <summary>The severity this finding is reported with: the descriptor's default unless the producer raised or lowered it.</summary>
        public DiagnosticSeverity Severity
        {
            get => _severity ?? Descriptor.DefaultSeverity;
            init => _severity = value;
        }

        /// <summary>The library (or object) the finding is about: the MSBuild diagnostic's file.</summary>
        public string FilePath { get; }

        /// <summary>The formatted message (the descriptor's format with its arguments).</summary>
        public string Message { get; }

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
