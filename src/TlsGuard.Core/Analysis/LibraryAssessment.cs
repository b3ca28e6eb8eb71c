using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The verdict for one input file, with the facts that justify it.</summary>
    public sealed class LibraryAssessment
    {
        public LibraryAssessment(LibraryInput input, ElfScanResult scan)
        {
            Input = input;
            Scan = scan;
        }

        public LibraryInput Input { get; }
        public ElfScanResult Scan { get; }
        public Verdict Verdict { get; init; }

        /// <summary>Static TLS this library (with its dependency closure outside the startup set) takes from the reserve.</summary>
        public long RequiredStaticTlsBytes { get; init; }

        /// <summary>The sonames from this library to the module that needs static TLS ("libfoo.so", "libjemalloc.so.2"); empty when the library itself is the cause or there is none.</summary>
        public IReadOnlyList<string> Chain { get; init; } = new string[0];

        /// <summary>The C library the verdict is for, e.g. "glibc-2.32+" or "musl".</summary>
        public string Libc { get; init; } = "";

        public Remedy? Remedy { get; init; }

        /// <summary>Static TLS free for dlopen'd modules on the target (glibc: after the host's startup TLS; 0 on musl/bionic).</summary>
        public long ReserveBytes { get; init; }

        /// <summary>The modules (this library or its dependencies) whose TLS blocks must be placed in static TLS, in load order.</summary>
        public IReadOnlyList<StaticTlsConsumer> Consumers { get; init; } = new StaticTlsConsumer[0];

        /// <summary>Why the verdict is what it is, one or more sentences (empty for None).</summary>
        public string Reason { get; init; } = "";
    }
}
