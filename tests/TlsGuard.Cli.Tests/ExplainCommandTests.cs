using System.IO;
using System.Linq;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Cli.Tests
{
    public sealed class ExplainCommandTests
    {
        [Fact]
        public void ExplainPrintsTheCatalogEntryAndTheRulePage()
        {
            var page = File.ReadAllText(RepositoryRoot.Combine("docs", "rules", "TLS001.md")).TrimEnd();

            var run = CliRun.Of("explain", "tls001");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("TLS001: " + DiagnosticCatalog.LibraryFailsToLoad.Title + "\nDefault severity: warning\nHelp: "
                + DiagnosticCatalog.LibraryFailsToLoad.HelpUri + "\n\n" + DiagnosticCatalog.LibraryFailsToLoad.Description, run.Output);
            Assert.EndsWith(page + "\n", run.Output);
        }

        [Fact]
        public void EveryRulePageInTheRepositoryIsEmbedded()
        {
            var pages = Directory.GetFiles(RepositoryRoot.Combine("docs", "rules"), "TLS*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n);

            Assert.Equal(pages, RuleDocs.EmbeddedIds().OrderBy(n => n));
            Assert.Contains("TLS001", RuleDocs.EmbeddedIds());
        }

        [Fact]
        public void UnknownCodeExitsTwoAndListsTheKnownOnes()
        {
            var run = CliRun.Of("explain", "TLS999");

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("unknown diagnostic code 'TLS999'", run.Error);
            Assert.Contains("TLS001, TLS002", run.Error);
        }
    }
}
