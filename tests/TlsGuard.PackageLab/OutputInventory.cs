using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.PackageLab
{
    /// <summary>One native file in an app's output folder.</summary>
    public sealed record OutputFile(string RelativePath, string Kind, long Size)
    {
        /// <summary>The RID folder the file sits under (runtimes/&lt;rid&gt;/... or bin/.../&lt;rid&gt;/ of another build), if any.</summary>
        public string? RuntimesRid
        {
            get
            {
                var parts = RelativePath.Split('/');
                var index = Array.IndexOf(parts, "runtimes");
                return index >= 0 && index + 1 < parts.Length - 1 ? parts[index + 1] : null;
            }
        }
    }

    /// <summary>
    /// What landed in a build or publish folder: every ELF, Mach-O and ar file and every PE file below the top level
    /// (the top level's PE files are the app's managed assemblies), by relative path.
    /// </summary>
    public static class OutputInventory
    {
        public static IReadOnlyList<OutputFile> Of(string folder)
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(path => new OutputFile(Path.GetRelativePath(folder, path).Replace('\\', '/'), Kind(path), new FileInfo(path).Length))
                .Where(file => file.Kind != "other" && !(file.Kind == "pe" && !file.RelativePath.Contains('/', StringComparison.Ordinal)))
                .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>"elf", "pe", "macho", "ar" or "other", from the file's magic bytes.</summary>
        public static string Kind(string path)
        {
            Span<byte> magic = stackalloc byte[8];
            using var stream = File.OpenRead(path);
            var read = stream.Read(magic);
            if (read >= 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F')
            {
                return "elf";
            }

            if (read == 8 && magic.SequenceEqual("!<arch>\n"u8))
            {
                return "ar";
            }

            if (read >= 2 && magic[0] == (byte)'M' && magic[1] == (byte)'Z')
            {
                return "pe";
            }

            if (read >= 4 && (BitConverter.ToUInt32(magic) is 0xfeedfacf or 0xfeedface or 0xbebafeca or 0xcffaedfe))
            {
                return "macho";
            }

            return "other";
        }

    }
}
