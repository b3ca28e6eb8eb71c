using System;
using System.IO;
using System.Text;

namespace TlsGuard.Cli
{
    internal static class Program
    {
        /// <summary>
        /// A scan keeps what it reads until the report is written, so a collection during the run finds nearly everything
        /// alive and only copies it (8 ms of a 40 ms scan of 300 libraries). The first this many bytes are allocated
        /// without one; a larger run leaves the region at its first collection and goes on as usual.
        /// </summary>
        private const long AllocatedWithoutCollection = 64L * 1024 * 1024;

        /// <summary>Console.Out writes a report of 300 libraries in 180 system calls of 256 bytes; this buffer writes it in one.</summary>
        private const int OutputBufferSize = 64 * 1024;

        private static int Main(string[] args)
        {
            try
            {
                GC.TryStartNoGCRegion(AllocatedWithoutCollection);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException || e is InvalidOperationException)
            {
                // More than this runtime's ephemeral space allows, or a region already open (Main called twice in one
                // process): collections run as usual.
            }

            using (var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), OutputBufferSize))
            {
                return TlsGuardApp.Run(args, new CliConsole(output, Console.Error, !Console.IsOutputRedirected));
            }
        }
    }
}
