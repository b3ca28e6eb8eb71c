using TlsGuard.Core.Reporting;

namespace TlsGuard.Analyzers.Matching
{
    /// <summary>The flagged library a call site binds to, and how it was found.</summary>
    internal sealed class LibraryMatch
    {
        public LibraryMatch(FlaggedLibrary library, MatchField field)
        {
            Library = library;
            Field = field;
        }

        public FlaggedLibrary Library { get; }
        public MatchField Field { get; }

        /// <summary>What to call the library in a message: the path when the call site named one, else the file name.</summary>
        public string DisplayName => Field == MatchField.RelativePath ? Library.RelativePath : Library.FileName;
    }
}
