using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The folders a system's loader searches after the object's own paths, under a root ("/" for this machine, a sysroot,
    /// or an image's "outer.tar!"). glibc: the folders ld.so.cache is built from (/etc/ld.so.conf and its includes, as
    /// elf/ldconfig.c parse_conf reads them), then its built-in default folders (SYSTEM_DIRS, elf/dl-load.c). musl: the
    /// lines of /etc/ld-musl-ARCH.path, else /lib:/usr/local/lib:/usr/lib (ldso/dynlink.c load_library).
    /// </summary>
    internal static class SystemFolders
    {
        private const int MaxIncludeDepth = 8;
        private const int MaxFolders = 256;

        /// <summary>musl's LDSO_ARCH per machine: the name in ld-musl-ARCH.so.1 and /etc/ld-musl-ARCH.path.</summary>
        private static readonly Dictionary<string, string> MuslArchitectures = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["x86_64"] = "x86_64",
            ["aarch64"] = "aarch64",
            ["arm"] = "armhf",
            ["i386"] = "i386",
            ["riscv64"] = "riscv64",
            ["s390x"] = "s390x",
            ["ppc64"] = "powerpc64le",
            ["mips64"] = "mips64el",
            ["loongarch64"] = "loongarch64",
        };

        public static IReadOnlyList<string> For(LibcKind family, IFileSystem fileSystem, string root, ElfPlatform platform)
        {
            return family == LibcKind.Musl ? Musl(fileSystem, root, platform) : Glibc(fileSystem, root, platform);
        }

        public static IReadOnlyList<string> Glibc(IFileSystem fileSystem, string root, ElfPlatform platform)
        {
            var folders = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            ReadConf(fileSystem, root, "/etc/ld.so.conf", folders, seen, depth: 0);
            foreach (var folder in LibraryFolders.InSysroot(root, platform))
            {
                Add(folders, seen, folder);
            }

            return folders;
        }

        public static IReadOnlyList<string> Musl(IFileSystem fileSystem, string root, ElfPlatform platform)
        {
            var folders = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var arch = MuslArchitectures.TryGetValue(platform.Name, out var name) ? name : platform.Name;
            var text = FileText.Read(fileSystem, Under(root, "/etc/ld-musl-" + arch + ".path"));
            var entries = text == null ? new[] { "/lib", "/usr/local/lib", "/usr/lib" } : text.Split(':', '\n');
            foreach (var entry in entries)
            {
                var folder = entry.Trim();
                if (folder.StartsWith("/", StringComparison.Ordinal))
                {
                    Add(folders, seen, Under(root, folder));
                }
            }

            return folders;
        }

        /// <summary>A path inside the root: "/" keeps it, a sysroot or image prefixes it.</summary>
        public static string Under(string root, string absolutePath)
        {
            var trimmed = root.TrimEnd('/');
            return trimmed.Length == 0 ? absolutePath : trimmed + absolutePath;
        }

        private static void ReadConf(IFileSystem fileSystem, string root, string confPath, List<string> folders, HashSet<string> seen, int depth)
        {
            if (depth > MaxIncludeDepth || folders.Count >= MaxFolders)
            {
                return;
            }

            var text = FileText.Read(fileSystem, Under(root, confPath));
            if (text == null)
            {
                return;
            }

            foreach (var rawLine in text.Split('\n'))
            {
                var hash = rawLine.IndexOf('#');
                var line = (hash >= 0 ? rawLine.Substring(0, hash) : rawLine).Trim();
                if (line.StartsWith("include", StringComparison.Ordinal) && line.Length > 7 && char.IsWhiteSpace(line[7]))
                {
                    foreach (var pattern in line.Substring(8).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        var absolute = pattern.StartsWith("/", StringComparison.Ordinal) ? pattern : Path.GetDirectoryName(confPath)!.Replace('\\', '/') + "/" + pattern;
                        foreach (var included in Expand(fileSystem, root, absolute))
                        {
                            ReadConf(fileSystem, root, included, folders, seen, depth + 1);
                        }
                    }
                }
                else if (line.StartsWith("/", StringComparison.Ordinal))
                {
                    // Old ldconfig syntax allows "folder=TYPE"; the folder is what counts.
                    var equals = line.IndexOf('=');
                    Add(folders, seen, Under(root, (equals > 0 ? line.Substring(0, equals) : line).TrimEnd('/')));
                }
            }
        }

        /// <summary>The files a glob in the last path segment names, ordinal order (what glob(3) returns for ldconfig).</summary>
        private static IEnumerable<string> Expand(IFileSystem fileSystem, string root, string absolutePattern)
        {
            var slash = absolutePattern.LastIndexOf('/');
            var folder = slash <= 0 ? "/" : absolutePattern.Substring(0, slash);
            var pattern = absolutePattern.Substring(slash + 1);
            if (pattern.IndexOf('*') < 0 && pattern.IndexOf('?') < 0)
            {
                yield return absolutePattern;
                yield break;
            }

            var rootedFolder = Under(root, folder);
            foreach (var entry in fileSystem.List(rootedFolder, out _))
            {
                var name = PathText.FileName(entry);
                if (NamePattern.Matches(pattern, name))
                {
                    yield return folder + "/" + name;
                }
            }
        }

        private static void Add(List<string> folders, HashSet<string> seen, string folder)
        {
            if (folders.Count < MaxFolders && seen.Add(folder))
            {
                folders.Add(folder);
            }
        }
    }
}
