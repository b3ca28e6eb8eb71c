using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace TlsGuard.Tests.Shared
{
    /// <summary>Runs a program to completion with a time limit, capturing both streams exactly as written.</summary>
    internal static class ChildProcess
    {
        private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>
        /// Starts <paramref name="fileName"/> with this process's environment plus <paramref name="environment"/>, where a
        /// null value removes the variable. A program that overruns <paramref name="timeout"/> is killed with its children
        /// and the call throws <see cref="TimeoutException"/>.
        /// </summary>
        public static CommandResult Run(
            string fileName,
            IEnumerable<string> arguments,
            string? workingDirectory = null,
            IReadOnlyDictionary<string, string?>? environment = null,
            TimeSpan? timeout = null)
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

            foreach (var pair in environment ?? new Dictionary<string, string?>())
            {
                if (pair.Value == null)
                {
                    start.Environment.Remove(pair.Key);
                }
                else
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            var limit = timeout ?? DefaultTimeout;
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(
                    fileName + " " + string.Join(" ", start.ArgumentList) + " did not finish in " + limit + ":\n" + SoFar(output) + SoFar(error));
            }

            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.Result, error.Result, watch.Elapsed);
        }

        /// <summary>What a killed program wrote; a stream some escaped grandchild still holds open is not waited for.</summary>
        private static string SoFar(Task<string> stream) => stream.Wait(TimeSpan.FromSeconds(5)) ? stream.Result : "(stream still open)\n";
    }
}
