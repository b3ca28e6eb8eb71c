using System;
using System.Collections.Generic;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Analyzers.Matching
{
    /// <summary>Finds the flagged library a call-site name binds to, following the loader's probing order.</summary>
    internal static class LibraryMatcher
    {
        /// <summary>
        /// The first probed name that names a flagged file wins, as the first file found is the one the runtime loads.
        /// For each probed name an exact file beats a more specific version of it ("libfoo.so" vs "libfoo.so.2").
        /// </summary>
        public static LibraryMatch? Match(FlaggedLibraryIndex index, string name, NameResolution resolution)
        {
            var candidates = ProbeCandidates.For(name, resolution);
            foreach (var candidate in candidates.Names)
            {
                var library = MostSevere(index.Exact(candidates.Field, candidate))
                    ?? MostSevere(index.MoreSpecificVersions(candidates.Field, candidate));
                if (library != null)
                {
                    return new LibraryMatch(library, candidates.Field);
                }
            }

            return null;
        }

        /// <summary>Several files can share a name (one per RID); report the worst, deterministically.</summary>
        private static FlaggedLibrary? MostSevere(IReadOnlyList<FlaggedLibrary> libraries)
        {
            FlaggedLibrary? best = null;
            foreach (var library in libraries)
            {
                if (best == null || Compare(library, best) < 0)
                {
                    best = library;
                }
            }

            return best;
        }

        private static int Compare(FlaggedLibrary left, FlaggedLibrary right)
        {
            if (left.Verdict != right.Verdict)
            {
                return left.Verdict == FlaggedVerdict.Fails ? -1 : 1;
            }

            if (left.RequiredBytes != right.RequiredBytes)
            {
                return left.RequiredBytes > right.RequiredBytes ? -1 : 1;
            }

            var byPath = string.CompareOrdinal(left.RelativePath, right.RelativePath);
            return byPath != 0 ? byPath : string.CompareOrdinal(left.Libc, right.Libc);
        }
    }
}
