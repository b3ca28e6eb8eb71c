using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// One initial-exec rung per process, each predicted by the product's model (LoadAnalyzer with the host's options),
    /// loaded for real (two processes at a time), and compared: the model says "fails" exactly when the loader refuses it.
    /// </summary>
    internal static class LadderAgreement
    {
        public static IReadOnlyList<string> Check(
            ModeledLoadHost host, LadderLibraries libraries, IEnumerable<long> sizes, AnalysisOptions? options = null, IReadOnlyDictionary<string, string>? environment = null)
        {
            var rungs = sizes.Distinct().OrderBy(s => s).ToList();
            var outcomes = Ladder.Climb(host, libraries, rungs, environment: environment);
            var rows = new List<string>();
            foreach (var size in rungs)
            {
                var path = libraries.PathOf(size);
                var report = Agreement.Predict(host, new[] { path }, options);
                var library = report.Libraries.Single();
                var outcome = outcomes[size];
                var loaded = outcome.AllLoaded;
                rows.Add("| " + host.Name + " | " + size + " | " + VerdictNames.ToName(library.Verdict) + " (" + library.ReserveBytes + " free) | " + (loaded ? "loads" : "fails") + " |");
                Assert.True(
                    (library.Verdict == Verdict.Fails) == !loaded,
                    host.Name + ": " + size + " bytes predicted " + VerdictNames.ToName(library.Verdict) + " with " + library.ReserveBytes + " free, but the loader "
                        + (loaded ? "loaded it" : "refused it") + "\n" + outcome.Transcript);
                if (!loaded)
                {
                    Assert.True(outcome.StaticTlsFailure, outcome.Transcript);
                }
            }

            return rows;
        }
    }
}
