using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.Images;
using TlsGuard.Core.Files.Archives.Tar;
using TlsGuard.Core.Files.Archives.View;
using TlsGuard.Core.Files.Archives.Zip;

namespace TlsGuard.Core.Files.Archives
{
    /// <summary>Opens one archive, image or stream by its content and builds its view; failures become the view's problems.</summary>
    internal sealed class ArchiveLoader
    {
        private readonly IFileSystem disk;
        private readonly ArchiveLimits limits;
        private readonly ContentStore store;
        private readonly List<IDisposable> owned;

        public ArchiveLoader(IFileSystem disk, ArchiveLimits limits, ContentStore store, List<IDisposable> owned)
        {
            this.disk = disk;
            this.limits = limits;
            this.store = store;
            this.owned = owned;
        }

        public ArchiveView Load(string path)
        {
            var indexer = new TarIndexer(limits, store);
            try
            {
                if (OciFolderReader.IsLayout(disk, path))
                {
                    return OciFolderReader.Read(path, disk, indexer, owned);
                }

                var source = disk.OpenRead(path, out var error);
                if (source == null)
                {
                    return Failed(KindByName(path), error ?? "cannot be read");
                }

                var shared = new SharedByteSource(source);
                owned.Add(shared);
                var head = new byte[TarHeader.BlockSize];
                int count = shared.ReadFully(0, head, 0, head.Length);
                switch (ArchiveFormats.Of(head, count, out var unsupported))
                {
                    case ArchiveFormat.Zip:
                        var merger = new LayerMerger(limits.MaxLinkHops);
                        merger.Apply(ZipLoader.Load(shared, limits, store), whiteouts: false);
                        var kind = KindByName(path);
                        return new ArchiveView(kind == ArchiveKind.Tar ? ArchiveKind.Zip : kind, merger.Root, new string[0]);
                    case ArchiveFormat.Tar:
                        return TarArchiveReader.Read(TarInput.Of(shared, 0, shared.Length), indexer);
                    case ArchiveFormat.GzipTar:
                        using (var inflater = new GZipStream(new ByteSourceStream(shared, 0, shared.Length), CompressionMode.Decompress))
                        {
                            return TarArchiveReader.Read(TarInput.Of(inflater), indexer);
                        }

                    case ArchiveFormat.Unsupported:
                        return Failed(ArchiveKind.Tar, unsupported + "-compressed archive: not supported; decompress it first");
                    default:
                        return Failed(KindByName(path), "not an archive this reader knows (zip, tar, gzip tar, docker save or OCI image layout)");
                }
            }
            catch (Exception e) when (TarIndexer.IsDataError(e) || e is UnauthorizedAccessException)
            {
                return Failed(KindByName(path), e.Message);
            }
        }

        /// <summary>Reads a tar (or gzip tar) stream to its end, once.</summary>
        public ArchiveView LoadStream(Stream stream)
        {
            var indexer = new TarIndexer(limits, store);
            try
            {
                var head = new byte[TarHeader.BlockSize];
                int count = 0;
                while (count < head.Length)
                {
                    int read = stream.Read(head, count, head.Length - count);
                    if (read <= 0)
                    {
                        break;
                    }

                    count += read;
                }

                var whole = new PrefixedStream(head, count, stream);
                switch (ArchiveFormats.Of(head, count, out var unsupported))
                {
                    case ArchiveFormat.Tar:
                        return TarArchiveReader.Read(TarInput.Of(whole), indexer);
                    case ArchiveFormat.GzipTar:
                        using (var inflater = new GZipStream(whole, CompressionMode.Decompress))
                        {
                            return TarArchiveReader.Read(TarInput.Of(inflater), indexer);
                        }

                    case ArchiveFormat.Zip:
                        return Failed(ArchiveKind.Zip, "a zip archive cannot be read from a stream (its directory is at the end): name the file instead");
                    case ArchiveFormat.Unsupported:
                        return Failed(ArchiveKind.Tar, unsupported + "-compressed stream: not supported; decompress it first");
                    default:
                        return Failed(ArchiveKind.Tar, count == 0 ? "the stream is empty" : "the stream is not a tar archive (nor a gzip tar)");
                }
            }
            catch (Exception e) when (TarIndexer.IsDataError(e))
            {
                return Failed(ArchiveKind.Tar, e.Message);
            }
        }

        internal static ArchiveKind KindByName(string path)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".nupkg":
                case ".snupkg":
                    return ArchiveKind.NuGetPackage;
                case ".whl":
                    return ArchiveKind.PythonWheel;
                case ".apk":
                case ".aab":
                case ".aar":
                    return ArchiveKind.AndroidPackage;
                case ".zip":
                case ".jar":
                    return ArchiveKind.Zip;
                default:
                    return ArchiveKind.Tar;
            }
        }

        private static ArchiveView Failed(ArchiveKind kind, string problem) => new ArchiveView(kind, new DirectoryNode(), new[] { problem });
    }
}
