using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Finds the file the target's loader would map for a DT_NEEDED name, in that loader's own order, and says which step
    /// answered. A file found in a folder counts when it is a shared object of the requester's machine, class and byte
    /// order, whatever C library it was built for: the loader maps it (and it then loads or fails on its own terms). A
    /// library found by name among the app's others must also be built for the target's C library family (or for none):
    /// another RID's asset is never in the process.
    /// <list type="bullet">
    /// <item>glibc (elf/dl-load.c _dl_map_object): DT_RPATH of the requester and of each object that loaded it, when the
    /// requester has no DT_RUNPATH; LD_LIBRARY_PATH (here: the configured search folders); the requester's DT_RUNPATH only;
    /// ld.so.cache (the ld.so.conf folders); the default folders.</item>
    /// <item>musl (ldso/dynlink.c load_library): LD_LIBRARY_PATH; DT_RUNPATH, else DT_RPATH, of the requester and of each
    /// object that loaded it; /etc/ld-musl-ARCH.path, else /lib:/usr/local/lib:/usr/lib.</item>
    /// </list>
    /// Before the system folders, another library of the same app answers by file name: .NET loads the app's libraries from
    /// its probing folders (the app folder, runtimes/RID/native) by that name, so such a library is the one the process has.
    /// </summary>
    internal sealed class DependencyResolver
    {
        public const string InputsLabel = "the app's other libraries";

        private readonly AnalysisOptions _options;
        private readonly ScanMemo _scans;
        private readonly Dictionary<string, List<ScannedLibrary>> _inputsByFileName = new Dictionary<string, List<ScannedLibrary>>(StringComparer.Ordinal);
        private readonly Memo<(string Folder, string Name), (string FullPath, FileKind Kind)> _candidates = new Memo<(string, string), (string, FileKind)>();
        private readonly Memo<ElfScanResult, LibcKind?> _builtFor = new Memo<ElfScanResult, LibcKind?>(ByReference<ElfScanResult>.Comparer);
        private readonly Memo<string, string> _folders = new Memo<string, string>(StringComparer.Ordinal);
        private static readonly (string, ModuleOrigin)[] NoFolders = new (string, ModuleOrigin)[0];

        private readonly Memo<SearchKey, (ResolvedModule? Found, IReadOnlyList<string> Searched)> _answers = new Memo<SearchKey, (ResolvedModule?, IReadOnlyList<string>)>();
        private readonly SystemSearches _systems;

        public DependencyResolver(AnalysisOptions options, ScanMemo scans, SystemSearches systems, IReadOnlyList<ScannedLibrary> inputs)
        {
            _options = options;
            _scans = scans;
            _systems = systems;

            // Looked up for every DT_NEEDED name of every closure: by name, not by a walk over all inputs.
            foreach (var input in inputs)
            {
                if (!_inputsByFileName.TryGetValue(input.FileName, out var sameName))
                {
                    sameName = new List<ScannedLibrary>();
                    _inputsByFileName.Add(input.FileName, sameName);
                }

                sameName.Add(input);
            }
        }

        /// <summary>Returns the resolved module, or null with the places searched in <paramref name="searched"/>.</summary>
        public ResolvedModule? Resolve(ModuleNode requester, string needed, LoadTarget target, out IReadOnlyList<string> searched)
        {
            var scan = requester.Scan!;
            if (needed.IndexOf('/') >= 0)
            {
                searched = new[] { needed };
                return Path.IsPathRooted(needed) ? TryFile("", needed, scan, target, ModuleOrigin.Path) : null;
            }

            var family = target.Libc.Kind;
            var folders = ObjectFolders(requester, family);
            if (folders.Count > 0)
            {
                var steps = new List<string>();
                var found = Search(folders, requester, needed, target, steps);
                searched = steps;
                return found;
            }

            // Without folders of its own or of the objects that loaded it, the answer depends on the requester's file and the
            // target only, and every closure that reaches libc.so.6 asks it again: each question is answered once.
            var key = new SearchKey(needed, requester.Path, family, scan.Platform, target.Platform, target.Sysroot);
            var answer = _answers.Get(key, (Resolver: this, Requester: requester, Target: target), static (question, asked) =>
            {
                var steps = new List<string>();
                return (asked.Resolver.Search(NoFolders, asked.Requester, question.Needed, asked.Target, steps), (IReadOnlyList<string>)steps);
            });

            searched = answer.Searched;
            return answer.Found;
        }

        private ResolvedModule? Search(IReadOnlyList<(string Folder, ModuleOrigin Origin)> folders, ModuleNode requester, string needed, LoadTarget target, List<string> searched)
        {
            var scan = requester.Scan!;
            foreach (var (folder, origin) in folders)
            {
                searched.Add(folder);
                var found = TryFile(folder, needed, scan, target, origin);
                if (found != null)
                {
                    return found;
                }
            }

            searched.Add(InputsLabel);
            var fromApp = FromApp(needed, scan, target, requester.Path, searched);
            if (fromApp != null)
            {
                return fromApp;
            }

            var system = _systems.For(target.Libc.Kind, scan.Platform, target.Sysroot);
            if (system == null)
            {
                return null;
            }

            foreach (var folder in system.Folders)
            {
                searched.Add(folder);
                var found = TryFile(folder, needed, scan, target, system.Origin);
                if (found != null)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>Whether the system folders take part in searches for a family and machine, and if not why.</summary>
        public SystemSearchState SystemSearch(LoadTarget target, Elf.ElfPlatform platform)
        {
            if (_systems.For(target.Libc.Kind, platform, target.Sysroot) != null)
            {
                return SystemSearchState.Searched;
            }

            return _options.SystemLibraries == SystemLibraries.Off ? SystemSearchState.TurnedOff : SystemSearchState.NoStandIn;
        }

        /// <summary>The requester's own search folders in the family's order, each once.</summary>
        private IReadOnlyList<(string Folder, ModuleOrigin Origin)> ObjectFolders(ModuleNode requester, LibcKind family)
        {
            if (_options.SearchPaths.Count == 0 && !HasOwnFolders(requester))
            {
                return NoFolders;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var steps = new List<(string, ModuleOrigin)>();
            void Add(IEnumerable<string> folders, ModuleOrigin origin)
            {
                foreach (var folder in folders)
                {
                    if (seen.Add(folder))
                    {
                        steps.Add((folder, origin));
                    }
                }
            }

            var scan = requester.Scan!;
            if (family == LibcKind.Musl)
            {
                Add(_options.SearchPaths, ModuleOrigin.SearchPath);
                for (var node = requester; node != null; node = node.Parent)
                {
                    if (node.Scan != null && node.Path != null)
                    {
                        var own = node.Scan.Runpath.Count > 0 ? node.Scan.Runpath : node.Scan.Rpath;
                        Add(Expand(own, FolderOf(node.Path)), node.Scan.Runpath.Count > 0 ? ModuleOrigin.Runpath : ModuleOrigin.Rpath);
                    }
                }

                return steps;
            }

            if (scan.Runpath.Count == 0)
            {
                // ld.so walks DT_RPATH of the requester and then of each object that loaded it; an object with
                // DT_RUNPATH contributes no DT_RPATH.
                for (var node = requester; node != null; node = node.Parent)
                {
                    if (node.Scan != null && node.Path != null && node.Scan.Runpath.Count == 0)
                    {
                        Add(Expand(node.Scan.Rpath, FolderOf(node.Path)), ModuleOrigin.Rpath);
                    }
                }
            }

            Add(_options.SearchPaths, ModuleOrigin.SearchPath);
            if (requester.Path != null)
            {
                Add(Expand(scan.Runpath, FolderOf(requester.Path)), ModuleOrigin.Runpath);
            }

            return steps;
        }

        /// <summary>No object on the chain from the closure's root names a folder (DT_RPATH or DT_RUNPATH).</summary>
        private static bool HasOwnFolders(ModuleNode requester)
        {
            for (var node = requester; node != null; node = node.Parent)
            {
                if (node.Scan != null && node.Path != null && (node.Scan.Runpath.Count > 0 || node.Scan.Rpath.Count > 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>$ORIGIN and ${ORIGIN} become the object's folder; entries left relative or with other tokens ($LIB, $PLATFORM) are skipped.</summary>
        private static IEnumerable<string> Expand(IReadOnlyList<string> entries, string origin)
        {
            foreach (var entry in entries)
            {
                if (string.IsNullOrEmpty(entry))
                {
                    continue;
                }

                var expanded = entry.Replace("${ORIGIN}", origin).Replace("$ORIGIN", origin);
                if (expanded.IndexOf('$') >= 0 || !Path.IsPathRooted(expanded))
                {
                    continue;
                }

                yield return expanded.Length > 1 ? expanded.TrimEnd('/') : expanded;
            }
        }

        /// <summary>An object's folder ($ORIGIN), worked out once per object however many of its names are resolved.</summary>
        private string FolderOf(string objectPath)
        {
            return _folders.Get(objectPath, 0, static (path, _) => PathText.Folder(path));
        }

        /// <summary>Another library of the app by file name, preferring one of the same RID; never one of another target.</summary>
        private ResolvedModule? FromApp(string needed, ElfScanResult requester, LoadTarget target, string? requesterPath, List<string> searched)
        {
            if (!_inputsByFileName.TryGetValue(needed, out var sameName))
            {
                return null;
            }

            ScannedLibrary? fallback = null;
            foreach (var candidate in sameName)
            {
                if (SamePath(candidate.Input.Path, requesterPath)
                    || !candidate.Target.Libc.Kind.Equals(target.Libc.Kind))
                {
                    continue;
                }

                if (!Compatible(candidate.Scan, requester, target.Libc.Kind))
                {
                    NoteMismatch(candidate.Input.Path, candidate.Scan, requester, searched);
                    continue;
                }

                if (candidate.Target.Platform == target.Platform)
                {
                    return new ResolvedModule(candidate.Input.Path, candidate.Scan, ModuleOrigin.App);
                }

                fallback ??= candidate;
            }

            return fallback == null ? null : new ResolvedModule(fallback.Input.Path, fallback.Scan, ModuleOrigin.App);
        }

        private static bool SamePath(string a, string? b)
        {
            return b != null && string.Equals(PathText.FullPath(a), PathText.FullPath(b), StringComparison.Ordinal);
        }

        /// <summary>The file <paramref name="name"/> in <paramref name="folder"/> ("" for a path named whole) if the target's loader would take it.</summary>
        private ResolvedModule? TryFile(string folder, string name, ElfScanResult requester, LoadTarget target, ModuleOrigin origin)
        {
            var (path, kind) = Probe(folder, name);
            if (kind != FileKind.RegularFile)
            {
                return null;
            }

            foreach (var result in _scans.Scan(path))
            {
                if (Mappable(result, requester))
                {
                    return new ResolvedModule(path, result, origin);
                }
            }

            return null;
        }

        /// <summary>
        /// The full path and kind of a candidate, looked at once per analysis: every closure asks for libc.so.6 and its
        /// like in the same folders, and the files do not change while one analysis runs (scans are memoised alike).
        /// </summary>
        private (string FullPath, FileKind Kind) Probe(string folder, string name)
        {
            return _candidates.Get((folder, name), _options.FileSystem, static (candidate, fileSystem) =>
            {
                var path = CandidatePath(candidate.Folder, candidate.Name);
                return (path, fileSystem.KindOf(path));
            });
        }

        /// <summary>A candidate's path as every search forms it, so the run's file system answers it once.</summary>
        internal static string CandidatePath(string folder, string name) => PathText.FullPath(folder.Length == 0 ? name : Path.Combine(folder, name));

        /// <summary>
        /// A file that answers to the name but is built for another C library is skipped (it is not the library the target's
        /// loader would use there), and the skip is said, so "not found" does not hide a glibc build sitting in a musl app.
        /// </summary>
        private static void NoteMismatch(string path, ElfScanResult candidate, ElfScanResult requester, List<string> searched)
        {
            var builtFor = BuiltFor.Of(candidate).Family;
            if (candidate.IsSharedObject && candidate.Platform == requester.Platform && builtFor != null)
            {
                searched.Add(path + " (built for " + Describe.LibcText.Family(builtFor) + ")");
            }
        }

        /// <summary>
        /// A file the loader maps when it finds it in a folder it searches: glibc's open_verify (elf/dl-load.c) checks the ELF
        /// header (class, byte order, machine, type) and moves on to the next folder otherwise; neither it nor musl's
        /// load_library (ldso/dynlink.c) asks which C library the file was linked against. A glibc build beside a musl
        /// library is mapped by musl's loader, and musl loads it when it imports nothing glibc-only.
        /// </summary>
        private static bool Mappable(ElfScanResult candidate, ElfScanResult requester) =>
            candidate.IsSharedObject && candidate.Platform == requester.Platform;

        /// <summary>A shared object the requester's loader can map: same machine, class and byte order, and not built for another C library.</summary>
        private bool Compatible(ElfScanResult candidate, ElfScanResult requester, LibcKind family)
        {
            if (!candidate.IsSharedObject || candidate.Platform != requester.Platform)
            {
                return false;
            }

            // Read once per file: every closure that reaches libc.so.6 asks again.
            var builtFor = _builtFor.Get(candidate, 0, static (scan, _) => BuiltFor.Of(scan).Family);
            return builtFor == null || builtFor == family;
        }

        /// <summary>What a search without the chain's folders depends on.</summary>
        private readonly record struct SearchKey(string Needed, string? RequesterPath, LibcKind Family, Elf.ElfPlatform Machine, Elf.ElfPlatform? TargetMachine, string? Sysroot);
    }

    internal sealed record ResolvedModule(string Path, ElfScanResult Scan, ModuleOrigin Origin)
    {
        /// <summary>The normalised path that tells two names of one file apart from two files (worked out once per answer).</summary>
        public string FullPath { get; } = PathText.FullPath(Path);
    }
}
