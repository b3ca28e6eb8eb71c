using System;
using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>What a user asked to be reported and what fails the run; the task and the CLI fill the same record.</summary>
    public sealed record PolicySettings
    {
        /// <summary>The level of the "will it load" diagnostics (TLS001, TLS002, TLS003, TLS006, TLS009); the others keep the catalog's.</summary>
        public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Warning;

        /// <summary>Findings at or above this level fail the run; null: only errors fail (MSBuild's default).</summary>
        public FailOn? FailOn { get; init; }

        /// <summary>File-name patterns (* and ?, case-insensitive) whose findings are not reported.</summary>
        public IReadOnlyList<string> SuppressLibraries { get; init; } = new string[0];

        /// <summary>Accepted findings: reported as baselined, never failing.</summary>
        public Baseline? Baseline { get; init; }

        /// <summary>Report baseline entries that match nothing (TLS008); only a run that sees every library should.</summary>
        public bool ReportStaleBaselineEntries { get; init; } = true;

        /// <summary>MSBuild's TreatWarningsAsErrors: warnings become errors (MSBuild does not apply it to task warnings).</summary>
        public bool TreatWarningsAsErrors { get; init; }

        /// <summary>Codes TreatWarningsAsErrors leaves as warnings.</summary>
        public ISet<string> WarningsNotAsErrors { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Codes the user silenced (NoWarn): never raised to errors, so that NoWarn keeps silencing them.</summary>
        public ISet<string> NoWarn { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }
}
