using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// glibc: the blocks are placed one by one in the host's static TLS area as user code finds it (see
    /// <see cref="GlibcProcess"/>, <see cref="GlibcReleaseBudget"/>). A target of known version is judged by that
    /// release's rules (<see cref="GlibcRelease"/>); the version comes from --libc glibc-X.Y, else from the sysroot's
    /// libc.so.6; without either, every release the .NET runtime supports on the machine is judged and the worst outcome
    /// is reported with the range of releases it comes from. Failing or at-risk sets get the GLIBC_TUNABLES setting that
    /// makes them fit on every judged release that has tunables (<see cref="TunableSearch"/>).
    /// </summary>
    internal sealed class GlibcBudgetModel : LibcBudgetModel
    {
        private readonly Dictionary<(Elf.ElfPlatform Platform, Version Release), GlibcProcess> _processes = new Dictionary<(Elf.ElfPlatform, Version), GlibcProcess>();
        private readonly Dictionary<Elf.ElfPlatform, (IReadOnlyList<GlibcRelease>, LibcVersionSource)> _releases = new Dictionary<Elf.ElfPlatform, (IReadOnlyList<GlibcRelease>, LibcVersionSource)>();
        private readonly Dictionary<(Elf.ElfPlatform, Version, GlibcTunables), GlibcProcess> _swept = new Dictionary<(Elf.ElfPlatform, Version, GlibcTunables), GlibcProcess>();
        private readonly Dictionary<Elf.ElfPlatform, BudgetOutcome> _withoutStaticTls = new Dictionary<Elf.ElfPlatform, BudgetOutcome>();

        public GlibcBudgetModel(TargetLibc libc, BudgetContext context)
            : base(libc, context)
        {
        }

        public override BudgetOutcome Evaluate(BudgetInput input)
        {
            // Most libraries bring no static TLS: their outcome depends on nothing but the machine, so it is worked out
            // once per machine instead of once per library and release.
            if (input.Consumers.Count == 0 && _withoutStaticTls.TryGetValue(input.Platform, out var known))
            {
                return known;
            }

            var outcome = EvaluateReleases(input);
            if (input.Consumers.Count == 0)
            {
                _withoutStaticTls.Add(input.Platform, outcome);
            }

            return outcome;
        }

        private BudgetOutcome EvaluateReleases(BudgetInput input)
        {
            var (releases, source) = Releases(input.Platform);
            var outcomes = new List<BudgetOutcome>(releases.Count);
            foreach (var release in releases)
            {
                outcomes.Add(GlibcReleaseBudget.Evaluate(Process(input, release, Context.Tunables), input));
            }

            var worst = Worst(outcomes);
            var outcome = outcomes[worst] with { Judged = Judged(releases, outcomes, worst, source) };
            if (outcome.Verdict >= Verdict.AtRisk && outcome.Rule != BudgetRule.OverAligned && outcome.Rule != BudgetRule.DtvSurplusExceeded)
            {
                outcome = outcome with { Tunable = TunableSearch.Find(this, input, releases, Context.Tunables) };
            }

            return outcome;
        }

        /// <summary>
        /// The verdict of one release under other tunables (for the remedy search). The processes of the namespace sweep are
        /// kept, since every library's search tries the same counts; the reserve sizes of the bisection differ per set.
        /// </summary>
        internal Verdict VerdictUnder(BudgetInput input, GlibcRelease release, GlibcTunables tunables)
        {
            if (tunables.OptionalStaticTls != Context.Tunables.OptionalStaticTls)
            {
                return GlibcReleaseBudget.Judge(Start(input, release, tunables), input).Verdict;
            }

            var key = (input.Platform, release.Version, tunables);
            if (!_swept.TryGetValue(key, out var process))
            {
                process = Start(input, release, tunables);
                _swept.Add(key, process);
            }

            return GlibcReleaseBudget.Judge(process, input).Verdict;
        }

        /// <summary>The process under the application's own tunables, started once per machine and release (the search's are not kept).</summary>
        private GlibcProcess Process(BudgetInput input, GlibcRelease release, GlibcTunables tunables)
        {
            var key = (input.Platform, release.Version);
            if (!_processes.TryGetValue(key, out var process))
            {
                process = Start(input, release, tunables);
                _processes.Add(key, process);
            }

            return process;
        }

        private GlibcProcess Start(BudgetInput input, GlibcRelease release, GlibcTunables tunables) => GlibcProcess.Start(
            MachineTlsLayout.For(input.Platform), release, Context.Host(input.Platform), tunables, Context.Sysroot(input.Platform), Context.Options.StartupStaticTlsBytes);

        /// <summary>The given version, else the sysroot's libc.so.6 version, else every release from the oldest .NET supports to the newest known.</summary>
        private (IReadOnlyList<GlibcRelease> Releases, LibcVersionSource Source) Releases(Elf.ElfPlatform platform)
        {
            if (!_releases.TryGetValue(platform, out var releases))
            {
                releases = ReleasesOf(platform);
                _releases.Add(platform, releases);
            }

            return releases;
        }

        private (IReadOnlyList<GlibcRelease> Releases, LibcVersionSource Source) ReleasesOf(Elf.ElfPlatform platform)
        {
            if (Libc.Version != null)
            {
                return (new[] { new GlibcRelease(Libc.Version) }, LibcVersionSource.Given);
            }

            var read = Context.Sysroot(platform).Version;
            if (read != null)
            {
                return (new[] { new GlibcRelease(read) }, LibcVersionSource.Sysroot);
            }

            var releases = new List<GlibcRelease>();
            var oldest = GlibcRelease.OldestSupportedByDotnet(platform);
            for (var minor = oldest.Minor; minor <= GlibcRelease.NewestKnown.Minor; minor++)
            {
                releases.Add(new GlibcRelease(new Version(2, minor)));
            }

            return (releases, LibcVersionSource.SupportedRange);
        }

        /// <summary>
        /// The worst outcome: the highest verdict, then the smallest margin (free minus needed for failures, guaranteed
        /// minus needed otherwise), then the oldest release (it has the fewest remedies).
        /// </summary>
        private static int Worst(IReadOnlyList<BudgetOutcome> outcomes)
        {
            var worst = 0;
            for (var i = 1; i < outcomes.Count; i++)
            {
                var candidate = outcomes[i];
                var current = outcomes[worst];
                if (candidate.Verdict > current.Verdict || (candidate.Verdict == current.Verdict && Margin(candidate) < Margin(current)))
                {
                    worst = i;
                }
            }

            return worst;
        }

        private static long Margin(BudgetOutcome outcome) =>
            outcome.Verdict == Verdict.Fails ? outcome.ReserveBytes - outcome.RequiredBytes : outcome.GuaranteedBytes - outcome.RequiredBytes;

        /// <summary>The releases next to the worst one whose outcome is the same in every figure the report shows.</summary>
        private static JudgedLibc Judged(IReadOnlyList<GlibcRelease> releases, IReadOnlyList<BudgetOutcome> outcomes, int worst, LibcVersionSource source)
        {
            var first = worst;
            while (first > 0 && Same(outcomes[first - 1], outcomes[worst]))
            {
                first--;
            }

            var last = worst;
            while (last < outcomes.Count - 1 && Same(outcomes[last + 1], outcomes[worst]))
            {
                last++;
            }

            var open = source == LibcVersionSource.SupportedRange && last == outcomes.Count - 1;
            return new JudgedLibc(LibcKind.Glibc, releases[first].Version, open ? null : releases[last].Version, source)
            {
                RangeStart = source == LibcVersionSource.SupportedRange ? releases[0].Version : null,
            };
        }

        private static bool Same(BudgetOutcome a, BudgetOutcome b) =>
            a.Verdict == b.Verdict && a.Rule == b.Rule && a.ReserveBytes == b.ReserveBytes && a.GuaranteedBytes == b.GuaranteedBytes
            && a.RequiredBytes == b.RequiredBytes && a.StartupBytes == b.StartupBytes && a.SurplusBytes == b.SurplusBytes;
    }
}
