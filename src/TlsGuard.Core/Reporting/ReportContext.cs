using System.Collections.Generic;

namespace TlsGuard.Core.Reporting
{
    /// <summary>What a report writer needs besides the analysis itself: who wrote it, and where paths are relative to.</summary>
    public sealed class ReportContext
    {
        public string ToolName { get; init; } = "tlsguard";

        /// <summary>SemVer of the tool (no build metadata), for JSON tool.version and SARIF semanticVersion.</summary>
        public string ToolVersion { get; init; } = "";

        /// <summary>Files under this folder get repository-relative SARIF URIs (uriBaseId %SRCROOT%); null: absolute URIs only.</summary>
        public string? RepositoryRoot { get; init; }

        /// <summary>The project that brings packages in; SARIF places package-asset findings here, since the package cache is outside the repository.</summary>
        public string? ProjectFile { get; init; }

        /// <summary>The folder the tool ran in (SARIF invocations[0].workingDirectory); null: not recorded.</summary>
        public string? WorkingDirectory { get; init; }

        /// <summary>Rule documentation pages (Markdown) by diagnostic id, for SARIF help.markdown; a missing id gets a generated page.</summary>
        public IReadOnlyDictionary<string, string> RuleHelpMarkdown { get; init; } = new Dictionary<string, string>();

        /// <summary>Files of the folders walked that were passed over because they are not ELF (COFF .lib, Mach-O .a, data): counted, never warned about.</summary>
        public int SkippedNonElfFiles { get; init; }

        /// <summary>ANSI colours in the text report (only when writing to a terminal).</summary>
        public bool UseColor { get; init; }
    }
}
