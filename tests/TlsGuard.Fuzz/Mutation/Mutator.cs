namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>One kind of edit. It changes <paramref name="data"/> in place or returns a new array (resizing edits);
    /// it returns null when the input has nothing it can edit (no dynamic section, not an archive ...).</summary>
    internal delegate byte[]? Mutate(Random random, byte[] data);

    /// <summary>A named edit, so a campaign can report which kinds of edits found what.</summary>
    internal sealed record Mutator(string Name, Mutate Apply);
}
