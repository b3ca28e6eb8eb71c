using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// Issue 12: a TlsGuardLibrary item that is a symbolic link to a FIFO hung `dotnet build`. It is now a TLS004
    /// warning and the task completes; so do items naming a device or a folder the build cannot read from.
    /// </summary>
    public class SpecialFileItemTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        [Fact]
        public async Task A_library_item_linking_to_a_fifo_is_a_tls004_and_the_task_completes()
        {
            using var temp = new TempDirectory();
            var fifo = temp.Combine("pipe");
            Assert.Equal(0, ChildProcess.Run("mkfifo", new[] { fifo }).ExitCode);
            var link = temp.Combine("libfifo.so");
            File.CreateSymbolicLink(link, fifo);

            var run = await System.Threading.Tasks.Task.Run(() => TaskRunner.Run(TaskRunner.Item(link))).WaitAsync(Patience);

            Assert.True(run.Succeeded);
            var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "TLS004");
            Assert.Contains("not a regular file: a FIFO (named pipe) (through a symbolic link)", warning.Message);
        }

        [Fact]
        public async Task A_library_item_naming_a_device_is_a_tls004()
        {
            using var temp = new TempDirectory();
            var link = temp.Combine("libzero.so");
            File.CreateSymbolicLink(link, "/dev/zero");

            var run = await System.Threading.Tasks.Task.Run(() => TaskRunner.Run(TaskRunner.Item(link))).WaitAsync(Patience);

            Assert.True(run.Succeeded);
            Assert.Contains("not a regular file: a character device", Assert.Single(run.Engine.Warnings, w => w.Code == "TLS004").Message);
        }
    }
}
