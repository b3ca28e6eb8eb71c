namespace TlsGuard.Fuzz.Harness
{
    /// <summary>Why an input counts as a defect.</summary>
    internal enum ViolationKind
    {
        /// <summary>A result error that is not a documented format error: an exception escaped a reader.</summary>
        UndocumentedError,

        /// <summary>More managed allocation than the budget for an input of this size.</summary>
        Allocation,

        /// <summary>More bytes read than k × size + c: work that grows faster than the input.</summary>
        Work,

        /// <summary>The file entry and the in-memory entry disagree on the same bytes.</summary>
        EntryMismatch,

        /// <summary>A mutator threw: the harness's own bug, not the scanner's.</summary>
        HarnessError,
    }

    internal sealed record Violation(ViolationKind Kind, string Detail)
    {
        public override string ToString() => Kind + ": " + Detail;
    }
}
