using System.Collections.Generic;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>
    /// What identifies the C library of an image (or a root-file-system tar), found in its final view. Every path is a
    /// full "outer!/inner" path, link-free, that <see cref="ArchiveFileSystem"/> opens.
    /// </summary>
    public sealed class ImageFacts
    {
        public ImageFacts(string root, ImageLibc libc, IReadOnlyList<string> glibcLibraries, IReadOnlyList<string> muslLoaders, IReadOnlyList<string> loaderConfiguration)
        {
            Root = root;
            Libc = libc;
            GlibcLibraries = glibcLibraries;
            MuslLoaders = muslLoaders;
            LoaderConfiguration = loaderConfiguration;
        }

        /// <summary>The image's root, the sysroot of its libraries: "/abs/img.tar!".</summary>
        public string Root { get; }

        public ImageLibc Libc { get; }

        /// <summary>Each libc.so.6 under lib, lib64, usr/lib, usr/lib64 or their multiarch folders: read its version definitions and PT_TLS.</summary>
        public IReadOnlyList<string> GlibcLibraries { get; }

        /// <summary>Each /lib/ld-musl-ARCH.so.1 (resolved: Debian's is a link to /lib/ARCH-linux-musl/libc.so).</summary>
        public IReadOnlyList<string> MuslLoaders { get; }

        /// <summary>The loader's search configuration present: /etc/ld.so.conf, /etc/ld.so.conf.d/*, /etc/ld-musl-ARCH.path, /etc/ld.so.cache.</summary>
        public IReadOnlyList<string> LoaderConfiguration { get; }
    }
}
