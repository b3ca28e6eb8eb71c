using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging.StructuredLogger;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>What a build logged, read back from its binary log (or collected in process).</summary>
    internal sealed class BuildLog
    {
        public List<Diagnostic> Warnings { get; } = new List<Diagnostic>();
        public List<Diagnostic> Errors { get; } = new List<Diagnostic>();
        public List<string> Messages { get; } = new List<string>();
        public List<string> TasksRun { get; } = new List<string>();

        public static BuildLog Read(string binaryLogPath)
        {
            var log = new BuildLog();
            foreach (var record in BinaryLog.ReadRecords(binaryLogPath))
            {
                log.Add(record.Args);
            }

            return log;
        }

        public IEnumerable<Diagnostic> Tls(string code) => Warnings.Concat(Errors).Where(diagnostic => diagnostic.Code == code);

        /// <summary>The "TlsGuard: N libraries, M read, K from cache[, analysis reused]" lines, one per scan.</summary>
        public IEnumerable<string> CacheStatistics => Messages.Where(message => message.StartsWith("TlsGuard: ", System.StringComparison.Ordinal)
            && (message.EndsWith(" from cache", System.StringComparison.Ordinal) || message.EndsWith(" from cache, analysis reused", System.StringComparison.Ordinal)));

        public void Add(BuildEventArgs? args)
        {
            switch (args)
            {
                case BuildWarningEventArgs warning:
                    Warnings.Add(new Diagnostic(warning.Code, warning.File, warning.Message ?? "", warning.HelpLink, warning.LineNumber, warning.ColumnNumber));
                    break;
                case BuildErrorEventArgs error:
                    Errors.Add(new Diagnostic(error.Code, error.File, error.Message ?? "", error.HelpLink, error.LineNumber, error.ColumnNumber));
                    break;
                case BuildMessageEventArgs message when message.Message != null:
                    Messages.Add(message.Message);
                    break;
                case TaskStartedEventArgs task:
                    TasksRun.Add(task.TaskName);
                    break;
            }
        }

        public override string ToString() =>
            string.Join("\n", Errors.Select(e => "error " + e).Concat(Warnings.Select(w => "warning " + w)));
    }

    internal sealed record Diagnostic(string? Code, string? File, string Message, string? HelpLink, int Line = 0, int Column = 0)
    {
        public override string ToString() => Code + " " + File + ": " + Message;
    }
}
