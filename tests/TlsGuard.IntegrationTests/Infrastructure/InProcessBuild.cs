using System;
using System.Collections.Generic;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>Builds a project inside the test process with the SDK's MSBuild (registered through the Locator).</summary>
    internal static class InProcessBuild
    {
        public static Project Evaluate(string projectPath, IDictionary<string, string>? globalProperties = null)
        {
            var collection = new ProjectCollection(globalProperties ?? new Dictionary<string, string>());
            return collection.LoadProject(projectPath);
        }

        /// <summary>Restores, then builds <paramref name="targets"/> in a fresh evaluation that sees the restore outputs.</summary>
        public static InProcessResult RestoreAndBuild(string projectPath, IDictionary<string, string>? globalProperties, params string[] targets)
        {
            var restoreProperties = new Dictionary<string, string>(globalProperties ?? new Dictionary<string, string>())
            {
                ["MSBuildRestoreSessionId"] = Guid.NewGuid().ToString("D"),
            };
            var restore = Build(projectPath, restoreProperties, "Restore");
            Assert.True(restore.Succeeded, "restore failed:\n" + restore.Log);
            return Build(projectPath, globalProperties, targets);
        }

        public static InProcessResult Build(string projectPath, IDictionary<string, string>? globalProperties, params string[] targets)
        {
            using var collection = new ProjectCollection(globalProperties ?? new Dictionary<string, string>());
            var instance = new ProjectInstance(projectPath, globalProperties ?? new Dictionary<string, string>(), null, collection);
            var logger = new CollectingLogger();
            var parameters = new BuildParameters(collection)
            {
                Loggers = new ILogger[] { logger },
                MaxNodeCount = 1,
                EnableNodeReuse = false,
            };
            var request = new BuildRequestData(instance, targets, null, BuildRequestDataFlags.ProvideProjectStateAfterBuild);
            var result = BuildManager.DefaultBuildManager.Build(parameters, request);
            return new InProcessResult(result.OverallResult == BuildResultCode.Success, logger.Log, result.ProjectStateAfterBuild ?? instance);
        }

        private sealed class CollectingLogger : ILogger
        {
            public BuildLog Log { get; } = new BuildLog();
            public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;
            public string? Parameters { get; set; }

            public void Initialize(IEventSource eventSource) => eventSource.AnyEventRaised += (_, e) => Log.Add(e);

            public void Shutdown()
            {
            }
        }
    }

    internal sealed record InProcessResult(bool Succeeded, BuildLog Log, ProjectInstance Project);
}
