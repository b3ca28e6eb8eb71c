using System;
using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Files.Archives.View;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>
    /// Finds an image's C library in its final view: musl's loader is /lib/ld-musl-ARCH.so.1 (the PT_INTERP musl's
    /// linker writes); glibc's libc.so.6 sits in lib, lib64, usr/lib or usr/lib64 or a multiarch folder below them
    /// (Debian's /usr/lib/x86_64-linux-gnu, reached through the /lib → usr/lib link of a merged /usr).
    /// </summary>
    internal static class ImageProbe
    {
        private static readonly string[] LibraryFolders = { "/lib", "/lib64", "/usr/lib", "/usr/lib64" };

        /// <summary>The facts, or null for a plain tar holding no C library (it is not a root file system).</summary>
        public static ImageFacts? Probe(ArchiveView view, string outer, int maxHops)
        {
            var musl = new List<string>();
            foreach (var name in Names(view, "/lib", maxHops).Where(name => name.StartsWith("ld-musl-", StringComparison.Ordinal) && name.EndsWith(".so.1", StringComparison.Ordinal)))
            {
                AddFile(view, "/lib/" + name, maxHops, musl);
            }

            var glibc = new List<string>();
            foreach (var folder in LibraryFolders)
            {
                AddFile(view, folder + "/libc.so.6", maxHops, glibc);
                foreach (var name in Names(view, folder, maxHops))
                {
                    AddFile(view, folder + "/" + name + "/libc.so.6", maxHops, glibc);
                }
            }

            var configuration = new List<string>();
            AddFile(view, "/etc/ld.so.conf", maxHops, configuration);
            foreach (var name in Names(view, "/etc/ld.so.conf.d", maxHops))
            {
                AddFile(view, "/etc/ld.so.conf.d/" + name, maxHops, configuration);
            }

            foreach (var name in Names(view, "/etc", maxHops).Where(name => name.StartsWith("ld-musl-", StringComparison.Ordinal) && name.EndsWith(".path", StringComparison.Ordinal)))
            {
                AddFile(view, "/etc/" + name, maxHops, configuration);
            }

            AddFile(view, "/etc/ld.so.cache", maxHops, configuration);
            var libc = glibc.Count > 0 ? ImageLibc.Glibc : musl.Count > 0 ? ImageLibc.Musl : ImageLibc.Unknown;
            if (libc == ImageLibc.Unknown && view.Kind != ArchiveKind.ContainerImage)
            {
                return null;
            }

            return new ImageFacts(
                ArchivePath.Root(outer),
                libc,
                glibc.Select(path => outer + ArchivePath.Separator + path).ToList(),
                musl.Select(path => outer + ArchivePath.Separator + path).ToList(),
                configuration.Select(path => outer + ArchivePath.Separator + path).ToList());
        }

        private static IEnumerable<string> Names(ArchiveView view, string folder, int maxHops) =>
            view.Resolve(folder, followLast: true, maxHops).Node is DirectoryNode directory
                ? directory.Sorted().Select(child => child.Key).ToList()
                : new List<string>();

        private static void AddFile(ArchiveView view, string path, int maxHops, List<string> found)
        {
            var lookup = view.Resolve(path, followLast: true, maxHops);
            if ((lookup.Node is FileNode || lookup.Node is BrokenNode) && !found.Contains(lookup.CanonicalPath))
            {
                found.Add(lookup.CanonicalPath);
            }
        }
    }
}
