using System;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Shell-style patterns ('*' any run, '?' one character) for library and symbol names.</summary>
    internal static class NamePattern
    {
        public static bool Matches(string pattern, string name, bool ignoreCase = false)
        {
            return Match(pattern, 0, name, 0, ignoreCase);
        }

        private static bool Match(string pattern, int p, string name, int n, bool ignoreCase)
        {
            while (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    while (p < pattern.Length && pattern[p] == '*')
                    {
                        p++;
                    }

                    if (p == pattern.Length)
                    {
                        return true;
                    }

                    for (var start = n; start <= name.Length; start++)
                    {
                        if (Match(pattern, p, name, start, ignoreCase))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (n == name.Length || (c != '?' && !Same(c, name[n], ignoreCase)))
                {
                    return false;
                }

                p++;
                n++;
            }

            return n == name.Length;
        }

        private static bool Same(char a, char b, bool ignoreCase)
        {
            return ignoreCase ? char.ToUpperInvariant(a) == char.ToUpperInvariant(b) : a == b;
        }
    }
}
