using System;
using System.IO;
using System.Text;

namespace TlsGuard.Cli
{
    /// <summary>Writes a whole report or baseline to --output, turning any failure into a usage error (exit 2).</summary>
    internal static class OutputFile
    {
        public static void Write(string path, string content)
        {
            if (Directory.Exists(path))
            {
                throw new UsageException("cannot write " + path + ": it is a folder; give the path of the file to write");
            }

            try
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllText(path, content, new UTF8Encoding(false));
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UsageException("cannot write " + path + ": permission denied (the file or its folder is not writable)", e);
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is NotSupportedException)
            {
                throw new UsageException("cannot write " + path + ": " + e.Message, e);
            }
        }
    }
}
