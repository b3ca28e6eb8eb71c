using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>A module the loader created a link map for, in creation (module id) order.</summary>
    internal sealed record TracedModule(string Name, string Path, bool AtStartup, string LoadedBy);

    /// <summary>
    /// Reads glibc's LD_DEBUG=files transcript: "file=NAME [ns];  needed by X" (startup closure and dependencies),
    /// "file=NAME [ns];  dynamically loaded by X" (dlopen), and "file=NAME [ns];  generating link map" once the file is
    /// found. Link maps are created in that order, which is the TLS module id order _dl_determine_tlsoffset walks.
    /// </summary>
    internal static class LoaderTrace
    {
        public static IReadOnlyList<TracedModule> Parse(string transcript, string executable, IReadOnlyList<string> searchFolders, string stopBefore)
        {
            var modules = new List<TracedModule> { new TracedModule(System.IO.Path.GetFileName(executable), executable, true, "") };
            var requestedBy = new Dictionary<string, (bool Dynamic, string By)>(StringComparer.Ordinal);
            var sawDlopen = false;
            foreach (var raw in transcript.Split('\n'))
            {
                var marker = raw.IndexOf("file=", StringComparison.Ordinal);
                if (marker < 0)
                {
                    continue;
                }

                var line = raw.Substring(marker + "file=".Length);
                var nameEnd = line.IndexOf(" [", StringComparison.Ordinal);
                if (nameEnd < 0)
                {
                    continue;
                }

                var name = line.Substring(0, nameEnd);
                var rest = line.Substring(nameEnd);
                if (rest.Contains("dynamically loaded by ", StringComparison.Ordinal))
                {
                    if (name == stopBefore)
                    {
                        break;
                    }

                    sawDlopen = true;
                    requestedBy[name] = (true, By(rest, "dynamically loaded by "));
                }
                else if (rest.Contains("needed by ", StringComparison.Ordinal))
                {
                    requestedBy[name] = (false, By(rest, "needed by "));
                }
                else if (rest.Contains("generating link map", StringComparison.Ordinal))
                {
                    var origin = requestedBy.TryGetValue(name, out var found) ? found : (false, "");
                    modules.Add(new TracedModule(System.IO.Path.GetFileName(name), Resolve(name, searchFolders), !sawDlopen, origin.Item2));
                }
            }

            return modules;
        }

        private static string By(string rest, string label)
        {
            var start = rest.IndexOf(label, StringComparison.Ordinal) + label.Length;
            var end = rest.IndexOf(" [", start, StringComparison.Ordinal);
            return System.IO.Path.GetFileName(end < 0 ? rest.Substring(start) : rest.Substring(start, end - start));
        }

        private static string Resolve(string name, IReadOnlyList<string> searchFolders)
        {
            if (name.Contains('/'))
            {
                return name;
            }

            return searchFolders.Select(folder => System.IO.Path.Combine(folder, name)).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException(name + " (from the loader trace) is in none of " + string.Join(", ", searchFolders));
        }
    }
}
