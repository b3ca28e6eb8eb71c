using System;
using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>Decides which findings count toward failure. A finding raised to error severity always counts (except with never).</summary>
    public sealed class FailOnPolicy
    {
        private static readonly string[] FailsIds = { DiagnosticIds.LibraryFailsToLoad, DiagnosticIds.LoadSetOverflows, DiagnosticIds.BuiltForOtherLibc };

        private static readonly string[] AtRiskIds =
        {
            DiagnosticIds.LibraryFailsToLoad, DiagnosticIds.LoadSetOverflows,
            DiagnosticIds.LibraryAtRisk, DiagnosticIds.ObjectUsesStaticTlsModel, DiagnosticIds.BuiltForOtherLibc, DiagnosticIds.MayNeedOtherLibc,
        };

        public FailOnPolicy(FailOn level)
        {
            Level = level;
        }

        /// <summary>The accepted spellings, in order of strictness.</summary>
        public static IReadOnlyList<string> Names { get; } = new[] { "fails", "at-risk", "any", "never" };

        public FailOn Level { get; }

        public static string ToName(FailOn level) => level switch
        {
            FailOn.AtRisk => "at-risk",
            FailOn.Any => "any",
            FailOn.Never => "never",
            _ => "fails",
        };

        public static bool TryParse(string? text, out FailOn level)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "fails": level = FailOn.Fails; return true;
                case "at-risk": level = FailOn.AtRisk; return true;
                case "any": level = FailOn.Any; return true;
                case "never": level = FailOn.Never; return true;
                default: level = FailOn.Fails; return false;
            }
        }

        public static FailOnPolicy Parse(string text)
        {
            if (!TryParse(text, out var level))
            {
                throw new ArgumentException("'" + text + "' is not a fail-on level; use one of: " + string.Join(", ", Names), nameof(text));
            }

            return new FailOnPolicy(level);
        }

        /// <summary>Whether a finding of <paramref name="id"/> reported at <paramref name="level"/> fails the run; an error always does (except with never).</summary>
        public bool ShouldFail(string id, DiagnosticSeverity level)
        {
            if (Level == FailOn.Never || level == DiagnosticSeverity.None)
            {
                return false;
            }

            if (level == DiagnosticSeverity.Error)
            {
                return true;
            }

            return Level switch
            {
                FailOn.Fails => Contains(FailsIds, id),
                FailOn.AtRisk => Contains(AtRiskIds, id),
                _ => level >= DiagnosticSeverity.Warning,
            };
        }

        private static bool Contains(string[] ids, string id) => Array.IndexOf(ids, id) >= 0;
    }
}
