using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The smallest GLIBC_TUNABLES change, checked against the model, under which a set fits on every judged release
    /// that has tunables (2.32+). glibc.rtld.nns adds 288 bytes per namespace that TLS descriptor users cannot take
    /// (elf/dl-tls.c tls_static_surplus), up to DL_NNS = 16 (elf/dl-tunables.list: values above are ignored, not
    /// clamped); glibc.rtld.optional_static_tls grows the reserve and the descriptor pool by the same amount, so it never
    /// makes anything guaranteed. When nns = 16 is not enough, the smallest optional_static_tls on top of it that makes
    /// the set load is returned, marked as not guaranteed. The user's own settings are kept.
    /// </summary>
    internal static class TunableSearch
    {
        /// <summary>Beyond this a "remedy" would reserve absurd amounts of memory per thread: none is offered.</summary>
        private const long LargestOptionalStaticTls = 1L << 24;

        public static TunableRemedy? Find(GlibcBudgetModel model, BudgetInput input, IReadOnlyList<GlibcRelease> judged, GlibcTunables user)
        {
            var releases = new List<GlibcRelease>();
            foreach (var release in judged)
            {
                if (release.HasTunables)
                {
                    releases.Add(release);
                }
            }

            if (releases.Count == 0)
            {
                return null;
            }

            var from = user.Namespaces ?? StaticTlsMath.DefaultNamespaces;
            for (var namespaces = from; namespaces <= GlibcTunables.MaxNamespaces; namespaces++)
            {
                var setting = user with { Namespaces = namespaces };
                if (WorstVerdict(model, input, releases, setting) <= Verdict.Fits)
                {
                    // Nothing to change where tunables exist: the risk is on releases without them.
                    return namespaces == from ? null : new TunableRemedy(setting, Guaranteed: true);
                }
            }

            var widest = user with { Namespaces = GlibcTunables.MaxNamespaces };
            var low = user.OptionalStaticTls ?? StaticTlsMath.DefaultOptionalStaticTls;
            if (!Loads(model, input, releases, widest with { OptionalStaticTls = LargestOptionalStaticTls }))
            {
                return null;
            }

            var high = LargestOptionalStaticTls;
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                if (Loads(model, input, releases, widest with { OptionalStaticTls = middle }))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return new TunableRemedy(widest with { OptionalStaticTls = low }, Guaranteed: false);
        }

        private static bool Loads(GlibcBudgetModel model, BudgetInput input, IReadOnlyList<GlibcRelease> releases, GlibcTunables setting) =>
            WorstVerdict(model, input, releases, setting) < Verdict.Fails;

        private static Verdict WorstVerdict(GlibcBudgetModel model, BudgetInput input, IReadOnlyList<GlibcRelease> releases, GlibcTunables setting)
        {
            var worst = Verdict.None;
            for (var i = 0; i < releases.Count; i++)
            {
                var release = releases[i];
                var verdict = model.VerdictUnder(input, release, setting);
                if (verdict > worst)
                {
                    worst = verdict;
                }
            }

            return worst;
        }
    }
}
