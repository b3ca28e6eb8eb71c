using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.Discovery;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Benchmarks
{
    /// <summary>
    /// (c) A container image made of a system library folder (one gzip layer holding all of it, a small top layer with a
    /// whiteout), saved as `docker save` does, read three ways: the gzip image file, the same piped as a stream (read
    /// once), and an uncompressed image (read in place); each run discovers every ELF file and scans all of them.
    /// Reference: GNU tar extracting the layer to disk, then the same discovery and scans on the extracted folder.
    /// Memory: bytes this thread allocated, bytes kept, and the process's peak resident set (VmHWM, runtime included).
    /// </summary>
    internal static class ArchiveBenchmark
    {
        public static void Run(string libdir, string work)
        {
            Console.WriteLine("== (c) a docker save image of " + libdir);
            Directory.CreateDirectory(work);
            var compressed = Path.Combine(work, "image-gzip.tar");
            var plain = Path.Combine(work, "image-plain.tar");
            var layer = Path.Combine(work, "base-layer.tar.gz");
            var build = Stopwatch.StartNew();
            WriteLayer(libdir, layer, gzip: true);
            SaveImage(compressed, layer);
            var plainLayer = Path.Combine(work, "base-layer.tar");
            WriteLayer(libdir, plainLayer, gzip: false);
            SaveImage(plain, plainLayer);
            Console.WriteLine("images:  gzip " + Measurement.Megabytes(new FileInfo(compressed).Length) + ", uncompressed " + Measurement.Megabytes(new FileInfo(plain).Length)
                + " (built in " + Measurement.Milliseconds(build.Elapsed) + ")");

            Report("gzip image file", compressed, null, new ArchiveLimits());
            Report("gzip image, stdin-like stream", compressed, () => new ForwardOnlyStream(File.OpenRead(compressed)), new ArchiveLimits());
            Report("gzip image, 64 MiB memory budget", compressed, null, new ArchiveLimits { MemoryBytes = 64L * 1024 * 1024 });
            Report("uncompressed image, read in place", plain, null, new ArchiveLimits());
            Extracted(layer, Path.Combine(work, "extracted"));
        }

        private static void Report(string label, string image, Func<Stream>? stream, ArchiveLimits limits)
        {
            int inputs = 0;
            int withStaticTls = 0;
            long kept = 0;
            long spilled = 0;
            Measurement measured = Measurement.Of(() =>
            {
                using var files = new ArchiveFileSystem(limits);
                string root = image;
                if (stream != null)
                {
                    using var input = stream();
                    files.AddStream(input);
                    root = ArchiveFileSystem.StandardInputPath;
                }

                var found = ArchiveInputs.Discover(files, root);
                inputs = found.Inputs.Count;
                foreach (var input in found.Inputs)
                {
                    withStaticTls += ElfScanner.Scan(files, input.Path).Count(result => result.HasStaticTls);
                }

                kept = files.KeptInMemoryBytes;
                spilled = files.SpilledBytes;
            });
            Console.WriteLine(label + ": " + Measurement.Milliseconds(measured.Elapsed) + ", " + inputs + " inputs (" + withStaticTls + " with static TLS), allocated "
                + Measurement.Megabytes(measured.Allocated) + ", kept " + Measurement.Megabytes(kept) + " in memory + " + Measurement.Megabytes(spilled)
                + " spilled, peak RSS so far " + Measurement.Megabytes(PeakResident()));
        }

        private static void Extracted(string layer, string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            var watch = Stopwatch.StartNew();
            var tar = Process.Start("tar", new[] { "-xzf", layer, "-C", folder })!;
            tar.WaitForExit();
            var extract = watch.Elapsed;
            int files = 0;
            int withStaticTls = 0;
            Measurement scan = Measurement.Of(() =>
            {
                foreach (var file in FileDiscovery.Discover(new[] { folder }).Files.Where(f => f.Error == null && new FileInfo(f.Path).LinkTarget == null).Select(f => f.Path))
                {
                    files++;
                    withStaticTls += ElfScanner.Scan(file).Count(result => result.HasStaticTls);
                }
            });
            Console.WriteLine("reference, tar -xzf then scan the folder: " + Measurement.Milliseconds(extract) + " extracting (exit " + tar.ExitCode + ") + "
                + Measurement.Milliseconds(scan.Elapsed) + " scanning " + files + " files (" + withStaticTls + " with static TLS)");
            Directory.Delete(folder, recursive: true);
        }

        /// <summary>
        /// Every folder, regular file and symbolic link of <paramref name="libdir"/> under usr/lib/x86_64-linux-gnu; links to
        /// folders are written as links and not walked into, so the layer extracts as the folder is.
        /// </summary>
        private static void WriteLayer(string libdir, string path, bool gzip)
        {
            using var file = File.Create(path);
            using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
            using var writer = new TarWriter(output, TarEntryFormat.Pax);
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(libdir));
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                foreach (var entry in folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    var name = "usr/lib/x86_64-linux-gnu/" + Path.GetRelativePath(libdir, entry.FullName);
                    if (entry.LinkTarget != null)
                    {
                        writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = entry.LinkTarget });
                    }
                    else if (entry is DirectoryInfo subfolder)
                    {
                        writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name + "/"));
                        pending.Push(subfolder);
                    }
                    else if (entry is FileInfo regular && regular.Length > 0)
                    {
                        try
                        {
                            writer.WriteEntry(entry.FullName, name);
                        }
                        catch (UnauthorizedAccessException)
                        {
                            // A file this user cannot read is not part of the image.
                        }
                    }
                }
            }
        }

        /// <summary>The legacy `docker save` layout: base/layer.tar, top/layer.tar (a whiteout), manifest.json last.</summary>
        private static void SaveImage(string path, string baseLayer)
        {
            var top = new MemoryStream();
            using (var writer = new TarWriter(top, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "usr/lib/x86_64-linux-gnu/.wh.libjemalloc.so.2") { DataStream = new MemoryStream() });
            }

            var manifest = JsonSerializer.SerializeToUtf8Bytes(new[] { new { Config = "config.json", RepoTags = new[] { "bench:latest" }, Layers = new[] { "base/layer.tar", "top/layer.tar" } } });
            using var file = File.Create(path);
            using var image = new TarWriter(file, TarEntryFormat.Pax);
            image.WriteEntry(baseLayer, "base/layer.tar");
            top.Position = 0;
            image.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "top/layer.tar") { DataStream = top });
            image.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "config.json") { DataStream = new MemoryStream("{}"u8.ToArray()) });
            image.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(manifest) });
        }

        private static long PeakResident()
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
    }
}
