using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.View;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>
    /// The inputs an archive or image holds, for the analysis to judge: every ELF file and ar archive of its view, each
    /// with what the archive says about where it runs: the RID from runtimes/RID/native/ (.nupkg), from lib/ABI/ (.apk,
    /// bionic), from the wheel's platform tag (with the glibc version or musl it promises), or from the image's own C
    /// library and the file's ELF machine, with the image's root as its sysroot.
    /// </summary>
    public static class ArchiveInputs
    {
        /// <summary>
        /// Opens <paramref name="archivePath"/> in <paramref name="fileSystem"/> (or uses what
        /// <see cref="ArchiveFileSystem.AddStream"/> read under that name) and lists its inputs. Never throws for bad
        /// archives: what cannot be read is in <see cref="ArchiveDiscovery.Problems"/> and among the inputs.
        /// </summary>
        public static ArchiveDiscovery Discover(ArchiveFileSystem fileSystem, string archivePath)
        {
            var view = fileSystem.ViewOf(archivePath);
            int maxHops = fileSystem.Limits.MaxLinkHops;
            var image = ImageProbe.Probe(view, archivePath, maxHops);
            var package = view.Kind == ArchiveKind.NuGetPackage ? PackageNuspec(fileSystem, view, archivePath) : null;
            var wheel = view.Kind == ArchiveKind.PythonWheel ? WheelName.Parse(archivePath) : null;
            var inputs = new List<LibraryInput>();
            var problems = new List<ArchiveProblem>();
            var broken = new List<LibraryInput>();
            foreach (var (inner, node) in Walk(view.Root))
            {
                var path = archivePath + ArchivePath.Separator + inner;
                if (node is BrokenNode failure)
                {
                    problems.Add(new ArchiveProblem(path, failure.Error));
                    broken.Add(Input(path, inner, ContentSniff.Unknown, view.Kind, package, wheel, image));
                    continue;
                }

                var sniff = ((FileNode)node).Content.Sniff;
                if (sniff.IsScannable)
                {
                    inputs.Add(Input(path, inner, sniff, view.Kind, package, wheel, image));
                }
                else if (sniff.Kind == ContentKind.Unknown)
                {
                    // Leading bytes that cannot be read (corrupt data, an unsupported method): scanning reports why.
                    var unknown = Input(path, inner, sniff, view.Kind, package, wheel, image);
                    fileSystem.OpenRead(path, out var error)?.Dispose();
                    problems.Add(new ArchiveProblem(path, error ?? "its first bytes cannot be read"));
                    broken.Add(unknown);
                }
            }

            inputs.AddRange(broken);
            if (view.Problems.Count > 0)
            {
                problems.Add(new ArchiveProblem(archivePath, string.Join("; ", view.Problems)));
                inputs.Add(new LibraryInput(archivePath) { RelativePath = Path.GetFileName(archivePath) });
            }

            bool unreadable = view.Root.Children.Count == 0 && view.Problems.Count > 0;
            return new ArchiveDiscovery(archivePath, view.Kind, inputs, problems, image, unreadable);
        }

        /// <summary>
        /// The C library facts of the image or root-file-system tar at <paramref name="archivePath"/> (the outer part of a
        /// <see cref="LibraryInput.Sysroot"/>), or null when it holds no C library and is not an image.
        /// </summary>
        public static ImageFacts? ImageOf(ArchiveFileSystem fileSystem, string archivePath) =>
            ImageProbe.Probe(fileSystem.ViewOf(archivePath), archivePath, fileSystem.Limits.MaxLinkHops);

        private static LibraryInput Input(string path, string inner, ContentSniff sniff, ArchiveKind kind, Nuspec? package, WheelName? wheel, ImageFacts? image)
        {
            string? rid = null;
            string? hint = null;
            switch (kind)
            {
                case ArchiveKind.NuGetPackage:
                    rid = AssetRids.NuGet(inner);
                    break;
                case ArchiveKind.AndroidPackage:
                    rid = AssetRids.Android(inner);
                    hint = "bionic";
                    break;
                case ArchiveKind.PythonWheel:
                    rid = wheel?.RuntimeIdentifier;
                    hint = wheel?.LibcHint;
                    break;
            }

            if (image != null)
            {
                rid = AssetRids.Image(image.Libc, RidArchitectures.Of(sniff.Machine, sniff.Class, sniff.ByteOrder));
                hint = image.Libc == ImageLibc.Musl ? "musl" : image.Libc == ImageLibc.Glibc ? "glibc" : null;
            }

            return new LibraryInput(path)
            {
                PackageId = package?.Id ?? wheel?.Distribution,
                PackageVersion = package?.Version ?? wheel?.Version,
                RuntimeIdentifier = rid,
                RelativePath = inner.TrimStart('/'),
                TargetLibcHint = hint,
                Sysroot = image?.Root,
            };
        }

        private static Nuspec? PackageNuspec(ArchiveFileSystem fileSystem, ArchiveView view, string archivePath)
        {
            var name = view.Root.Sorted().Select(child => child.Key).FirstOrDefault(key => key.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            return name == null ? null : Nuspec.Read(fileSystem, archivePath + ArchivePath.Separator + "/" + name, fileSystem.Limits.MaxMetadataBytes);
        }

        /// <summary>
        /// Files and unreadable entries in a stable order (folders in ordinal order, files before subfolders; links are
        /// not followed), each file once: a file with hard links is listed under the name it was written with.
        /// </summary>
        private static IEnumerable<(string Inner, ViewNode Node)> Walk(DirectoryNode root)
        {
            var all = new List<(string Inner, ViewNode Node)>();
            var pending = new Stack<(string, DirectoryNode)>();
            pending.Push(("", root));
            while (pending.Count > 0)
            {
                var (path, folder) = pending.Pop();
                var children = folder.Sorted().ToList();
                foreach (var child in children)
                {
                    if (child.Value is FileNode || child.Value is BrokenNode)
                    {
                        all.Add((path + "/" + child.Key, child.Value));
                    }
                }

                for (int i = children.Count - 1; i >= 0; i--)
                {
                    if (children[i].Value is DirectoryNode subfolder)
                    {
                        pending.Push((path + "/" + children[i].Key, subfolder));
                    }
                }
            }

            var listedAtOrigin = new HashSet<ViewNode>(all.Where(item => item.Node is FileNode file && file.Origin == item.Inner).Select(item => item.Node));
            var seen = new HashSet<ViewNode>();
            foreach (var item in all)
            {
                bool atOrigin = item.Node is FileNode file && file.Origin == item.Inner;
                if ((atOrigin || !listedAtOrigin.Contains(item.Node)) && seen.Add(item.Node))
                {
                    yield return item;
                }
            }
        }
    }
}
