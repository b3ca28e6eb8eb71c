using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Crafted
{
    /// <summary>
    /// One hostile shape from issue 12, built at <c>1/divisor</c> of the issue's size (divisor 1 is the issue's file).
    /// <see cref="Sound"/> states what a bounded scanner's answer must look like beyond the budgets (a table counted once
    /// however many headers name it); null when the budgets say it all.
    /// </summary>
    internal sealed record CraftedShape(
        string Name,
        string Issue,
        Func<int, IByteSource> Build,
        Func<IReadOnlyList<ElfScanResult>, int, string?>? Sound = null);
}
