using System.Diagnostics;

namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>A process's peak resident set, as GNU time reports it (`/usr/bin/time -f %M`, kilobytes).</summary>
    internal static class PeakMemory
    {
        public static long Bytes(ScannerCommand command, IEnumerable<string> files)
        {
            var start = new ProcessStartInfo("/usr/bin/time") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%M");
            start.ArgumentList.Add(command.Program);
            foreach (string argument in command.Arguments(files))
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/time did not start");
            Task<string> discarded = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            discarded.Wait();
            string last = errors.TrimEnd().Split('\n')[^1];
            if (process.ExitCode != 0 || !long.TryParse(last, out long kilobytes))
            {
                throw new InvalidOperationException(command.Name + " under /usr/bin/time failed (exit " + process.ExitCode + "): " + errors);
            }

            return kilobytes * 1024;
        }
    }
}
