using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace TlsGuard.Cli.Tests
{
    /// <summary>Runs a program to completion with a time limit, capturing both streams.</summary>
    internal static class ChildProcess
    {
        public static (int ExitCode, string Output, string Error) Run(
            string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
            IReadOnlyDictionary<string, string?>? environment = null, int timeoutSeconds = 300, string? standardInput = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = standardInput != null,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            if (environment != null)
            {
                foreach (var pair in environment)
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
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (standardInput != null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }

            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(fileName + " " + string.Join(" ", arguments) + " did not finish in " + timeoutSeconds + " s");
            }

            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
