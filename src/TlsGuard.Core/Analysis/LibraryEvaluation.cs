using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>One shared-object input's verdict with what the set budget needs from it.</summary>
    internal sealed class LibraryEvaluation
    {
        public LibraryEvaluation(InputLibrary library, LibraryAssessment assessment, IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly)
        {
            Library = library;
            Assessment = assessment;
            Consumers = consumers;
            FlagOnly = flagOnly;
        }

        public InputLibrary Library { get; }
        public LibraryAssessment Assessment { get; }
        public IReadOnlyList<StaticTlsConsumer> Consumers { get; }
        public IReadOnlyList<StaticTlsConsumer> FlagOnly { get; }

        /// <summary>Budgets group libraries that can load into one process: same C library, same machine.</summary>
        public (string Libc, ElfPlatform Platform) GroupKey => (Library.Libc.Name, Library.Scan.Platform);
    }
}
