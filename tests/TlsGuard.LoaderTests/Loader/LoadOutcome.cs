using System;
using System.Collections.Generic;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>What a load host printed: one line per library, "ok PATH" or "fail PATH: MESSAGE".</summary>
    internal sealed class LoadOutcome
    {
        private LoadOutcome(IReadOnlyList<LoadStep> steps, string transcript)
        {
            Steps = steps;
            Transcript = transcript;
        }

        public IReadOnlyList<LoadStep> Steps { get; }
        public string Transcript { get; }
        public bool AllLoaded => Steps.All(s => s.Loaded);
        public LoadStep? FirstFailure => Steps.FirstOrDefault(s => !s.Loaded);

        public bool StaticTlsFailure => Steps.Any(s => !s.Loaded && s.Message.Contains("static TLS", StringComparison.Ordinal)
            || s.Message.Contains("initial-exec TLS", StringComparison.Ordinal));

        public static LoadOutcome Parse(CommandResult result, int expectedSteps)
        {
            var steps = new List<LoadStep>();
            foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var text = line.TrimEnd('\r');
                if (text.StartsWith("ok ", StringComparison.Ordinal))
                {
                    steps.Add(new LoadStep(text.Substring(3), true, ""));
                }
                else if (text.StartsWith("fail ", StringComparison.Ordinal))
                {
                    var rest = text.Substring(5);
                    var colon = rest.IndexOf(": ", StringComparison.Ordinal);
                    steps.Add(new LoadStep(colon < 0 ? rest : rest.Substring(0, colon), false, colon < 0 ? "" : rest.Substring(colon + 2)));
                }
            }

            var transcript = "exit " + result.ExitCode + "\n" + result.Output + result.Error;
            if (steps.Count != expectedSteps)
            {
                throw new InvalidOperationException("the load host reported " + steps.Count + " of " + expectedSteps + " libraries:\n" + transcript);
            }

            return new LoadOutcome(steps, transcript);
        }
    }

    internal sealed class LoadStep
    {
        public LoadStep(string path, bool loaded, string message)
        {
            Path = path;
            Loaded = loaded;
            Message = message;
        }

        public string Path { get; }
        public bool Loaded { get; }
        public string Message { get; }
    }
}
