using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TlsGuard.Tasks
{
    /// <summary>TlsGuardSuppressLibraries: a ;-list of file-name patterns with * and ?, matched case-insensitively.</summary>
    internal sealed class LibraryNamePatterns
    {
        private readonly List<Regex> _patterns = new List<Regex>();

        public LibraryNamePatterns(string? list)
        {
            foreach (var pattern in ListSplitter.Split(list, ';'))
            {
                var expression = "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
                _patterns.Add(new Regex(expression, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline));
            }
        }

        public bool IsEmpty => _patterns.Count == 0;

        public bool Matches(string fileName)
        {
            foreach (var pattern in _patterns)
            {
                if (pattern.IsMatch(fileName))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
