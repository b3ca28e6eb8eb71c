using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace TlsGuard.LoaderTests.Loader
{
    internal sealed class ProcessResult
    {
        public ProcessResult(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }
        public string Output { get; }
        public string Error { get; }
    }

    /// <summary>Runs a program to completion with a timeout, capturing both streams.</summary>
    internal static class ChildProcess
    {
        public static ProcessResult Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, int timeoutMilliseconds = 120_000)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The parent's own tunables or preloads would change the budget being measured.
            start.Environment.Remove("GLIBC_TUNABLES");
            start.Environment.Remove("LD_PRELOAD");
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            var error = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (error) { error.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeoutMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(fileName + " " + string.Join(" ", start.ArgumentList) + " did not finish in " + timeoutMilliseconds + " ms");
            }

            process.WaitForExit();
            return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
        }
    }
}
