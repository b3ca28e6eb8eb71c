using System.Linq;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>Issue 12: a folder or an unwritable path as TlsGuardSarifFile or TlsGuardBaselineFile is an error that says so.</summary>
    public class OutputPathTests
    {
        [Fact]
        public void A_folder_as_the_sarif_file_is_named_as_a_folder()
        {
            using var temp = new TempDirectory();

            var run = TaskRunner.Run(task => task.SarifFile = temp.Path, TaskRunner.Item(Fixtures.GdX64));

            Assert.False(run.Succeeded);
            Assert.Contains(temp.Path + " is a folder; give the path of the file to write", run.Engine.Errors.Single().Message);
        }

        [Fact]
        public void An_unwritable_sarif_file_says_permission_denied()
        {
            // /sys refuses new files even to root, which the tests run as.
            var run = TaskRunner.Run(task => task.SarifFile = "/sys/tlsguard-test.sarif", TaskRunner.Item(Fixtures.GdX64));

            Assert.False(run.Succeeded);
            Assert.Contains("permission denied: cannot write /sys/tlsguard-test.sarif", run.Engine.Errors.Single().Message);
        }

        [Fact]
        public void A_folder_as_the_baseline_file_is_named_as_a_folder()
        {
            using var temp = new TempDirectory();

            var run = TaskRunner.Run(task => task.BaselineFile = temp.Path, TaskRunner.Item(Fixtures.GdX64));

            Assert.False(run.Succeeded);
            Assert.Contains("not a TlsGuard baseline: it is a folder", run.Engine.Errors.Single().Message);
        }
    }
}
