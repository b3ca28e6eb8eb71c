using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>A C compiler the fixtures are built with at test time.</summary>
    internal sealed class Toolchain
    {
        private Toolchain(string compiler, string installHint)
        {
            Compiler = compiler;
            InstallHint = installHint;
        }

        public static Toolchain Gcc { get; } = new Toolchain("gcc", "apt-get install gcc");
        public static Toolchain Aarch64 { get; } = new Toolchain("aarch64-linux-gnu-gcc", "scripts/install-test-deps.sh");
        public static Toolchain Musl { get; } = new Toolchain("musl-gcc", "scripts/install-test-deps.sh");

        public string Compiler { get; }
        public string InstallHint { get; }

        /// <summary>Fails the calling test (never skips) when the compiler is missing.</summary>
        public void Require()
        {
            if (Which(Compiler) == null)
            {
                throw new InvalidOperationException(Compiler + " is not installed; run " + InstallHint);
            }
        }

        public void Compile(string output, string source, IEnumerable<string> arguments)
        {
            var sourcePath = output + ".c";
            File.WriteAllText(sourcePath, source);
            var args = new List<string> { "-O1", "-o", output, sourcePath };
            args.AddRange(arguments);
            var result = ChildProcess.Run(Compiler, args, workingDirectory: Path.GetDirectoryName(output));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(Compiler + " " + string.Join(" ", args) + " failed:\n" + result.Error + result.Output);
            }
        }

        public static string? Which(string program)
        {
            if (program.Contains('/'))
            {
                return File.Exists(program) ? program : null;
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, program))
                .FirstOrDefault(File.Exists);
        }
    }
}
