using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>Predicts with LoadAnalyzer, loads for real, and asserts both agree.</summary>
    internal static class Agreement
    {
        public static AnalysisReport Predict(ModeledLoadHost host, IReadOnlyList<string> steps, AnalysisOptions? options = null)
        {
            var inputs = steps.Where(s => !s.StartsWith("--call=", StringComparison.Ordinal)).Select(p => new LibraryInput(p)).ToList();
            return LoadAnalyzer.Analyze(inputs, options ?? host.Options);
        }

        /// <summary>
        /// Loads <paramref name="steps"/> in order in a fresh process. The set budget predicts Fails exactly when some
        /// library fails with a static-TLS error; anything else (fits, at risk) must load in a fresh process.
        /// </summary>
        public static (AnalysisReport Report, LoadOutcome Outcome) Check(
            ModeledLoadHost host, ITestOutputHelper output, IReadOnlyList<string> steps, IReadOnlyDictionary<string, string>? environment = null, AnalysisOptions? options = null)
        {
            var report = Predict(host, steps, options);
            var budget = report.Budgets.Single();
            var outcome = host.Load(steps, environment);
            var predictedFailure = budget.Verdict == Verdict.Fails;
            var observed = outcome.AllLoaded ? "loads" : "fails: " + outcome.FirstFailure!.Message;
            var row = string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1} | {2} | {3}/{4} | {5} | {6} |",
                host.Name,
                string.Join(" + ", steps.Select(Label)),
                environment == null ? "" : string.Join(" ", environment.Select(e => e.Key + "=" + e.Value)),
                budget.RequiredBytes,
                budget.ReserveBytes,
                VerdictNames.ToName(budget.Verdict),
                outcome.AllLoaded ? "loads" : "fails");
            output.WriteLine(row);
            Assert.True(
                predictedFailure == !outcome.AllLoaded,
                "prediction " + VerdictNames.ToName(budget.Verdict) + " (" + budget.RequiredBytes + " of " + budget.ReserveBytes + " bytes) but the loader " + observed + "\n" + outcome.Transcript);
            if (predictedFailure)
            {
                Assert.True(outcome.StaticTlsFailure, "expected a static TLS error:\n" + outcome.Transcript);
            }

            return (report, outcome);
        }

        /// <summary>GLIBC_TUNABLES for the child process, exactly as the remedy spells it.</summary>
        public static IReadOnlyDictionary<string, string> Tunables(GlibcTunables setting)
        {
            return new Dictionary<string, string> { ["GLIBC_TUNABLES"] = setting.Text };
        }

        /// <summary>The host's options with the tunables the child process runs with.</summary>
        public static AnalysisOptions With(ModeledLoadHost host, GlibcTunables setting)
        {
            var options = host.Options;
            return new AnalysisOptions
            {
                TargetLibc = options.TargetLibc,
                RuntimeIdentifier = options.RuntimeIdentifier,
                Sysroot = options.Sysroot,
                StartupLibraries = options.StartupLibraries,
                Host = options.Host,
                GlibcTunables = setting.Text,
            };
        }

        private static string Label(string step)
        {
            return step.StartsWith("--call=", StringComparison.Ordinal) ? step : System.IO.Path.GetFileName(step);
        }
    }
}
