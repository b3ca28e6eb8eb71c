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
        private readonly Memo<(Elf.ElfPlatform Platform, Version Release), GlibcProcess> _processes = new Memo<(Elf.ElfPlatform, Version), GlibcProcess>();
        private readonly Memo<Elf.ElfPlatform, (IReadOnlyList<GlibcRelease>, LibcVersionSource)> _releases = new Memo<Elf.ElfPlatform, (IReadOnlyList<GlibcRelease>, LibcVersionSource)>();
        private readonly Memo<(Elf.ElfPlatform, Version, GlibcTunables), GlibcProcess> _swept = new Memo<(Elf.ElfPlatform, Version, GlibcTunables), GlibcProcess>();
        private readonly Memo<Elf.ElfPlatform, BudgetOutcome> _withoutStaticTls = new Memo<Elf.ElfPlatform, BudgetOutcome>();

        public GlibcBudgetModel(TargetLibc libc, BudgetContext context)
            : base(libc, context)
        {
        }

        public override BudgetOutcome Evaluate(BudgetInput input)
        {
            // Most libraries bring no static TLS: their outcome depends on nothing but the machine, so it is worked out
            // once per machine instead of once per library and release.
            return input.Consumers.Count == 0
                ? _withoutStaticTls.Get(input.Platform, (Model: this, Input: input), static (_, asked) => asked.Model.EvaluateReleases(asked.Input))
                : EvaluateReleases(input);
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

            var process = _swept.Get((input.Platform, release.Version, tunables), (Model: this, Input: input, Release: release), static (key, asked) =>
                asked.Model.Start(asked.Input, asked.Release, key.Item3));
            return GlibcReleaseBudget.Judge(process, input).Verdict;
        }

        /// <summary>The process under the application's own tunables, started once per machine and release (the search's are not kept).</summary>
        private GlibcProcess Process(BudgetInput input, GlibcRelease release, GlibcTunables tunables)
        {
            return _processes.Get((input.Platform, release.Version), (Model: this, Input: input, Release: release, Tunables: tunables), static (_, asked) =>
                asked.Model.Start(asked.Input, asked.Release, asked.Tunables));
        }

        private GlibcProcess Start(BudgetInput input, GlibcRelease release, GlibcTunables tunables) => GlibcProcess.Start(
            MachineTlsLayout.For(input.Platform), release, Context.Host(input.Platform), tunables, Context.Sysroot(input.Platform), Context.Options.StartupStaticTlsBytes);

        /// <summary>The given version, else the sysroot's libc.so.6 version, else every release from the oldest .NET supports to the newest known.</summary>
        private (IReadOnlyList<GlibcRelease> Releases, LibcVersionSource Source) Releases(Elf.ElfPlatform platform)
        {
            return _releases.Get(platform, this, static (machine, model) => model.ReleasesOf(machine));
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
