using System;
using System.IO;
using System.Text;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Writes a file so that readers see either the old or the new content, never a torn one: parallel builds
    /// (`dotnet build -m`) may read a cache or results file while another node replaces it.
    /// </summary>
    public static class AtomicFile
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Replaces <paramref name="path"/> with <paramref name="content"/> (UTF-8, no BOM); creates the folder. A path
        /// that is a folder, or a folder that cannot be written, is an exception whose message says so about
        /// <paramref name="path"/> (not about the temporary file beside it).
        /// </summary>
        public static void WriteAllText(string path, string content)
        {
            var fullPath = Path.GetFullPath(path);
            if (Directory.Exists(fullPath))
            {
                throw new IOException(path + " is a folder; give the path of the file to write");
            }

            var directory = Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllText(temporary, content, Utf8NoBom);
                MoveOver(temporary, fullPath);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UnauthorizedAccessException("permission denied: cannot write " + path + " (the file or its folder is not writable)", e);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <summary>
        /// Writes only when the content differs, so the file's time stamp changes only with its content
        /// (the analyzer results file is a compiler input: touching it would defeat incremental builds).
        /// Returns true when the file was written.
        /// </summary>
        public static bool WriteAllTextIfChanged(string path, string content)
        {
            if (File.Exists(path))
            {
                try
                {
                    if (string.Equals(File.ReadAllText(path, Utf8NoBom), content, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
                catch (IOException)
                {
                    // Unreadable right now: write it again.
                }
            }

            WriteAllText(path, content);
            return true;
        }

        private static void MoveOver(string source, string destination)
        {
            if (!File.Exists(destination))
            {
                try
                {
                    File.Move(source, destination);
                    return;
                }
                catch (IOException) when (File.Exists(destination))
                {
                    // Another writer created it between the check and the move; replace theirs.
                }
            }

            File.Replace(source, destination, destinationBackupFileName: null);
        }
    }
}
