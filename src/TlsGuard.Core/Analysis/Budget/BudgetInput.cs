using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>What a loader's budget model judges: the blocks a set of dlopen'd modules brings, in load order.</summary>
    /// <param name="Consumers">Blocks that relocations force into static TLS.</param>
    /// <param name="FlagOnly">Blocks of DF_STATIC_TLS modules without such relocations (only FreeBSD places these).</param>
    /// <param name="TlsModules">Every mapped module with a PT_TLS block, in mapping order (TLS module ids; bionic before API 29).</param>
    /// <param name="Platform">The ELF machine, class and byte order of the modules.</param>
    internal sealed record BudgetInput(
        IReadOnlyList<StaticTlsConsumer> Consumers,
        IReadOnlyList<StaticTlsConsumer> FlagOnly,
        IReadOnlyList<TlsModule> TlsModules,
        ElfPlatform Platform);
}
