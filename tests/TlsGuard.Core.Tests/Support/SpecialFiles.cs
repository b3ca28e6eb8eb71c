using System.Net.Sockets;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>Real special files for scanner tests: FIFOs, Unix sockets, symbolic links to them, link loops and paths past PATH_MAX.</summary>
    internal static class SpecialFiles
    {
        /// <summary>A listening-free Unix domain socket file; the returned socket keeps it alive until disposed.</summary>
        public static Socket MakeSocket(this TempDirectory temp, string relativePath)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(temp.Combine(relativePath)));
            return socket;
        }

        public static string Link(this TempDirectory temp, string relativePath, string target)
        {
            string path = temp.Combine(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, target);
            return path;
        }

        /// <summary>
        /// A copy of <paramref name="source"/> below folders nested until the full path is longer than PATH_MAX (4096),
        /// made with relative steps (mkdir and cp with a short path each), as no call taking the full path could.
        /// Returns the deep file's full path and the top folder of the chain.
        /// </summary>
        public static (string File, string Top) MakeTooLongPath(this TempDirectory temp, string source, string fileName)
        {
            string segment = new string('d', 200);
            int depth = 4200 / (segment.Length + 1) + 1;
            string script = "set -e; mkdir -p deep; cd deep; for i in $(seq " + depth + "); do mkdir " + segment + "; cd " + segment + "; done; cp \"$1\" " + fileName;
            CommandResult made = ChildProcess.Run("bash", new[] { "-c", script, "bash", source }, workingDirectory: temp.Path);
            Assert.True(made.ExitCode == 0, made.Error);
            string file = temp.Combine(new[] { "deep" }.Concat(Enumerable.Repeat(segment, depth)).Append(fileName).ToArray());
            Assert.True(file.Length > 4096);
            return (file, temp.Combine("deep"));
        }

        /// <summary>Removes a tree whose paths exceed PATH_MAX (rm walks it relative to each folder; Directory.Delete cannot).</summary>
        public static void RemoveTree(string folder) => ChildProcess.Run("rm", new[] { "-rf", folder });
    }
}
