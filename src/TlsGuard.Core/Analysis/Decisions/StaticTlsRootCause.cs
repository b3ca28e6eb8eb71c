using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// One static-TLS failure or risk, reported once (TLS001/TLS002): the verdict of the library the finding is filed on
    /// (the module at fault when it is itself one of the analysed libraries, else the first library that pulls it in), and
    /// every other analysed library whose verdict has the same module at fault.
    /// </summary>
    public sealed record StaticTlsRootCause(LibraryInput Input, LibraryVerdict Verdict, IReadOnlyList<LibraryVerdict> AlsoPulledInBy) : Decision(Input);
}
