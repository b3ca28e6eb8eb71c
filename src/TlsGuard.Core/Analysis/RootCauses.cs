using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// One finding per module at fault: the shared objects whose static-TLS verdict comes from the same module (a bundled
    /// libgomp needed by thirty libraries, a system libjemalloc) are reported once, on that module when it is one of the
    /// analysed libraries, else on the first library that pulls it in. Libraries that fail for their C library are not
    /// grouped here: their mismatch is their headline.
    /// </summary>
    internal static class RootCauses
    {
        public static IReadOnlyList<StaticTlsRootCause> Group(IReadOnlyList<Decision> decisions)
        {
            var groups = new Dictionary<string, List<LibraryVerdict>>(StringComparer.Ordinal);
            var order = new List<string>();
            var byPath = new Dictionary<string, LibraryVerdict>(StringComparer.Ordinal);
            foreach (var decision in decisions)
            {
                if (!(decision is LibraryVerdict verdict) || !verdict.Scan.IsSharedObject)
                {
                    continue;
                }

                byPath[PathText.FullPath(verdict.Input.Path)] = verdict;
                if (verdict.Verdict < Verdict.AtRisk || verdict.Mismatch != null)
                {
                    continue;
                }

                var key = KeyOf(verdict);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = new List<LibraryVerdict>();
                    groups[key] = group;
                    order.Add(key);
                }

                group.Add(verdict);
            }

            var causes = new List<StaticTlsRootCause>();
            foreach (var key in order)
            {
                var group = groups[key];
                var filedOn = FiledOn(group, byPath);
                var others = new List<LibraryVerdict>();
                foreach (var verdict in group)
                {
                    if (!ReferenceEquals(verdict, filedOn))
                    {
                        others.Add(verdict);
                    }
                }

                causes.Add(new StaticTlsRootCause(filedOn.Input, filedOn, others));
            }

            return causes;
        }

        /// <summary>Same module at fault (by file), same target, same verdict; a verdict without one stands alone.</summary>
        private static string KeyOf(LibraryVerdict verdict)
        {
            var offender = verdict.Offender;
            var module = offender == null
                ? "self:" + PathText.FullPath(verdict.Input.Path)
                : offender.Path.Length > 0 ? PathText.FullPath(offender.Path) : "name:" + offender.Name;
            return string.Join("|", module, verdict.Libc.Name, verdict.Scan.Platform.Name, VerdictNames.ToName(verdict.Verdict));
        }

        /// <summary>The module at fault when it is itself analysed and in the group, else the first library of the group.</summary>
        private static LibraryVerdict FiledOn(List<LibraryVerdict> group, Dictionary<string, LibraryVerdict> byPath)
        {
            var offender = group[0].Offender;
            if (offender != null && offender.Path.Length > 0 && byPath.TryGetValue(PathText.FullPath(offender.Path), out var own) && group.Contains(own))
            {
                return own;
            }

            return group[0];
        }
    }
}
