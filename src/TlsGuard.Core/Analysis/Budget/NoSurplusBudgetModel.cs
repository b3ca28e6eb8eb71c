using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// musl (ldso/dynlink.c do_relocs, since 1.1.20) and bionic (linker_relocate.cpp) keep no surplus: an initial-exec
    /// relocation that resolves to a module loaded after startup fails the dlopen, whatever the block's size. Bionic
    /// before API level 29 has no ELF TLS at all (bionic android-changes-for-ndk-developers.md, "ELF TLS (Available for
    /// API level >= 29)"): a dlopen'd module with a PT_TLS block fails whatever its TLS model, TLS descriptors included.
    /// </summary>
    internal sealed class NoSurplusBudgetModel : LibcBudgetModel
    {
        /// <summary>The first Android API level whose linker supports ELF TLS.</summary>
        public const int FirstElfTlsApiLevel = 29;

        /// <summary>The lowest API level .NET 10 apps target on Android (dotnet/core release-notes/10.0/supported-os.md: "API 21 is used as the minimum SDK target").</summary>
        public const int OldestDotnetApiLevel = 21;

        public NoSurplusBudgetModel(TargetLibc libc, BudgetContext context)
            : base(libc, context)
        {
        }

        public override BudgetOutcome Evaluate(BudgetInput input)
        {
            var machine = input.Platform.Name;
            if (Libc.Kind == LibcKind.Bionic && ApiLevel < FirstElfTlsApiLevel && input.TlsModules.Count > 0)
            {
                var blocks = new List<StaticTlsConsumer>();
                foreach (var module in input.TlsModules)
                {
                    blocks.Add(new StaticTlsConsumer
                    {
                        Name = module.Name,
                        Path = module.Path,
                        Size = module.Block.Size,
                        Align = module.Block.Align,
                        FirstByteOffset = module.Block.FirstByteOffset,
                        Chain = module.Chain,
                        Relocations = module.Relocations,
                        ReferencedFrom = new[] { module.Name },
                    });
                }

                return new BudgetOutcome
                {
                    Verdict = Verdict.Fails,
                    Rule = BudgetRule.NoElfTls,
                    Machine = machine,
                    Judged = new JudgedLibc(LibcKind.Bionic, new Version(ApiLevel, 0), new Version(FirstElfTlsApiLevel - 1, 0), Source),
                    RequiredBytes = Packed(blocks),
                    Counted = blocks,
                    Culprit = blocks[0],
                };
            }

            var judged = Libc.Kind == LibcKind.Bionic && Libc.Version != null
                ? new JudgedLibc(LibcKind.Bionic, Libc.Version, Libc.Version, LibcVersionSource.Given)
                : JudgedLibc.Unversioned(Libc.Kind);
            if (input.Consumers.Count == 0)
            {
                return new BudgetOutcome { Verdict = Verdict.None, Rule = BudgetRule.NoStaticTls, Machine = machine, Judged = judged };
            }

            return new BudgetOutcome
            {
                Verdict = Verdict.Fails,
                Rule = BudgetRule.NoSurplus,
                Machine = machine,
                Judged = judged,
                RequiredBytes = Packed(input.Consumers),
                Counted = input.Consumers,
                Culprit = input.Consumers[0],
            };
        }

        /// <summary>The API level judged: the given one, else the lowest .NET supports (the worst case).</summary>
        private int ApiLevel => Libc.Version?.Major ?? OldestDotnetApiLevel;

        private LibcVersionSource Source => Libc.Version != null ? LibcVersionSource.Given : LibcVersionSource.SupportedRange;

        private static long Packed(IEnumerable<StaticTlsConsumer> blocks)
        {
            long used = 0;
            foreach (var block in blocks)
            {
                used = StaticTlsMath.RoundUp(used, block.Align) + block.Size;
            }

            return used;
        }
    }
}
