using TlsGuard.Core.Analysis;

namespace TlsGuard.Tasks
{
    /// <summary>One file to check, with what the build said about it.</summary>
    internal sealed class LibraryCandidate
    {
        public LibraryCandidate(LibraryInput input, LibraryOrigin origin, bool suppressed)
        {
            Input = input;
            Origin = origin;
            Suppressed = suppressed;
        }

        public LibraryInput Input { get; }
        public LibraryOrigin Origin { get; }

        /// <summary>TlsGuardSuppress="true" on the item: still part of the load set, but its findings are not reported.</summary>
        public bool Suppressed { get; }
    }
}
