using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using TlsGuard.Analyzers.CallSites;
using TlsGuard.Analyzers.Matching;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Analyzers.Rules
{
    /// <summary>Turns a call site that binds to a flagged library into TLS100 (fails) or TLS101 (at risk).</summary>
    internal static class CallSiteDiagnostics
    {
        private const string GenericRemedy = "rebuild the library without initial-exec TLS, or load it at process start with LD_PRELOAD";

        public static Diagnostic Create(NativeCallSite site, LibraryMatch match)
        {
            var library = match.Library;
            var descriptor = library.Verdict == FlaggedVerdict.Fails
                ? RuleDescriptors.PInvokeToFailingLibrary
                : RuleDescriptors.PInvokeToAtRiskLibrary;
            return Diagnostic.Create(
                descriptor,
                site.Location,
                Properties(library),
                site.LibraryName,
                match.DisplayName,
                VerdictText(library),
                RemedyText(library));
        }

        /// <summary>"will fail to load on glibc 2.36: needs 2632 bytes of static TLS", "will fail to load on musl: is built for glibc (needs libc.so.6)".</summary>
        public static string VerdictText(FlaggedLibrary library)
        {
            var text = library.Verdict == FlaggedVerdict.Fails ? "will fail to load" : "may fail to load";
            if (library.Libc.Length > 0)
            {
                text += " on " + library.Libc;
            }

            if (library.Cause.Length > 0)
            {
                text += ": " + library.Cause;
            }

            return text;
        }

        /// <summary>The message format ends the sentence itself, so a summary's own final period is dropped.</summary>
        private static string RemedyText(FlaggedLibrary library)
        {
            var remedy = library.RemedySummary.TrimEnd(' ', '.');
            return remedy.Length > 0 ? remedy : GenericRemedy;
        }

        /// <summary>Machine-readable facts for code fixes and SARIF result properties.</summary>
        private static ImmutableDictionary<string, string?> Properties(FlaggedLibrary library) =>
            ImmutableDictionary<string, string?>.Empty
                .Add("fileName", library.FileName)
                .Add("relativePath", library.RelativePath)
                .Add("verdict", AnalyzerResultsFormat.VerdictName(library.Verdict))
                .Add("requiredBytes", library.RequiredBytes.ToString(CultureInfo.InvariantCulture))
                .Add("libc", library.Libc);
    }
}
