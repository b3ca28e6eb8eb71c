using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>Runs CheckNativeLibraries against a fake engine.</summary>
    internal sealed class TaskRunner
    {
        public TaskRunner(Action<CheckNativeLibraries>? configure, params ITaskItem[] libraries)
        {
            Task = new CheckNativeLibraries { BuildEngine = Engine, Libraries = libraries };
            configure?.Invoke(Task);
            Succeeded = Task.Execute();
        }

        public FakeBuildEngine Engine { get; } = new FakeBuildEngine();
        public CheckNativeLibraries Task { get; }
        public bool Succeeded { get; }

        public static TaskRunner Run(params ITaskItem[] libraries) => new TaskRunner(null, libraries);

        public static TaskRunner Run(Action<CheckNativeLibraries> configure, params ITaskItem[] libraries) => new TaskRunner(configure, libraries);

        public static ITaskItem Item(string path, params (string Name, string Value)[] metadata)
        {
            var item = new TaskItem(path);
            foreach (var (name, value) in metadata)
            {
                item.SetMetadata(name, value);
            }

            return item;
        }
    }
}
