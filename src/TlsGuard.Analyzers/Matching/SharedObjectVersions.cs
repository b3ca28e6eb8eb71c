using System.Collections.Generic;

namespace TlsGuard.Analyzers.Matching
{
    /// <summary>
    /// The less specific names of a versioned shared object: "libfoo.so.2.1" -> "libfoo.so.2", "libfoo.so". On Linux
    /// those names are symbolic links to the versioned file (the development link and the soname link), so a call site
    /// that asks for them binds to it.
    /// </summary>
    internal static class SharedObjectVersions
    {
        public static IReadOnlyList<string> LessSpecificNames(string name)
        {
            var names = new List<string>();
            var current = name;
            while (TryStripVersionGroup(current, out var shorter))
            {
                names.Add(shorter);
                current = shorter;
            }

            // Only names whose unversioned form is a shared object ("libfoo.so") count; "notes.1" is not a library.
            var unversioned = names.Count == 0 ? "" : names[names.Count - 1];
            var isSharedObject = unversioned.Length > 3 && unversioned.EndsWith(".so", System.StringComparison.Ordinal);
            return isSharedObject ? names : new string[0];
        }

        /// <summary>Removes one trailing ".&lt;digits&gt;" group.</summary>
        private static bool TryStripVersionGroup(string name, out string shorter)
        {
            var dot = name.LastIndexOf('.');
            shorter = "";
            if (dot <= 0 || dot == name.Length - 1)
            {
                return false;
            }

            for (var i = dot + 1; i < name.Length; i++)
            {
                if (name[i] < '0' || name[i] > '9')
                {
                    return false;
                }
            }

            shorter = name.Substring(0, dot);
            return true;
        }
    }
}
