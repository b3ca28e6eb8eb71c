using System;
using System.Collections.Generic;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Reads the inputs and the files the system folders hold for their DT_NEEDED names (and theirs, down the tree) on
    /// several threads before the analysis walks them one by one, so the closures find them read. Only a hint: a file
    /// read here that a closure's own search passes over (an RPATH folder answering first) costs time, never an answer;
    /// names the app provides or the host has at startup are never looked up here.
    /// </summary>
    internal static class DependencyReadAhead
    {
        public static void Run(IReadOnlyList<(LibraryInput Input, LoadTarget Target)> inputs, ScanMemo scans, SystemSearches systems, StartupSet startup, IFileSystem fileSystem, int threads)
        {
            if (threads <= 1)
            {
                return;
            }

            var appNames = new HashSet<string>(StringComparer.Ordinal);
            var first = new List<(string, LoadTarget)>(inputs.Count);
            foreach (var (input, target) in inputs)
            {
                appNames.Add(input.FileName);
                first.Add((input.Path, target));
            }

            var asked = new HashSet<(string Name, SystemFolderSearch System)>();
            scans.ReadAhead(first, threads, (results, target) =>
            {
                var found = new List<(string, LoadTarget)>();
                foreach (var result in results)
                {
                    if (!result.IsSharedObject)
                    {
                        continue;
                    }

                    var needed = result.Needed;
                    for (var n = 0; n < needed.Count; n++)
                    {
                        var name = needed[n];
                        if (string.IsNullOrEmpty(name) || name.IndexOf('/') >= 0 || appNames.Contains(name))
                        {
                            continue;
                        }

                        var system = startup.Contains(name) ? null : systems.For(target.Libc.Kind, result.Platform, target.Sysroot);
                        lock (asked)
                        {
                            if (system == null || !asked.Add((name, system)))
                            {
                                continue;
                            }
                        }

                        var path = FirstInFolders(name, system.Folders, fileSystem);
                        if (path != null)
                        {
                            found.Add((path, target));
                        }
                    }
                }

                return found;
            });
        }

        /// <summary>The first of <paramref name="folders"/> holding a file <paramref name="name"/>, by the path the resolver forms.</summary>
        private static string? FirstInFolders(string name, IReadOnlyList<string> folders, IFileSystem fileSystem)
        {
            for (var i = 0; i < folders.Count; i++)
            {
                var path = DependencyResolver.CandidatePath(folders[i], name);
                if (fileSystem.KindOf(path) == FileKind.RegularFile)
                {
                    return path;
                }
            }

            return null;
        }
    }
}
