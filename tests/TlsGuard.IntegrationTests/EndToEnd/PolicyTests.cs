using System.IO;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Policy;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.EndToEnd
{
    /// <summary>NoWarn, WarningsAsErrors, TreatWarningsAsErrors and a baseline, on one consumer with its own library.</summary>
    [Collection(PackageFeedCollection.Name)]
    public class PolicyTests
    {
        private readonly PackageFeed _feed;

        public PolicyTests(PackageFeed feed)
        {
            _feed = feed;
        }

        [Fact]
        public void Standard_warning_properties_and_a_baseline_apply_to_TlsGuard()
        {
            using var folder = _feed.NewConsumer("policy");
            var library = folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var consumer = Consumer.Create(_feed, folder, """
                  <ItemGroup>
                    <None Include="native/libie_own.so" CopyToOutputDirectory="PreserveNewest" />
                  </ItemGroup>
                """);
            var restore = DotNet.Run(folder.Path, "restore", consumer.ProjectPath, "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var noWarn = consumer.Run("build", "--no-restore", "-p:NoWarn=TLS001");
            Assert.True(noWarn.Succeeded, noWarn.ToString());
            Assert.Empty(noWarn.Log.Tls("TLS001"));

            var warningsAsErrors = consumer.Run("build", "--no-restore", "-p:WarningsAsErrors=TLS001");
            Assert.False(warningsAsErrors.Succeeded, warningsAsErrors.ToString());
            Assert.Contains(warningsAsErrors.Log.Errors, e => e.Code == "TLS001" && e.File == library);

            var treatAsErrors = consumer.Run("build", "--no-restore", "-p:TreatWarningsAsErrors=true");
            Assert.False(treatAsErrors.Succeeded, treatAsErrors.ToString());
            Assert.Contains(treatAsErrors.Log.Errors, e => e.Code == "TLS001" && e.File == library);

            var baselineFile = folder.Combine("tlsguard.baseline.json");
            var analysis = LoadAnalyzer.Analyze(new[] { new LibraryInput(library) { RelativePath = "native/libie_own.so" } }, new AnalysisOptions());
            using (var writer = new StreamWriter(baselineFile))
            {
                Baseline.Write(writer, PolicyPipeline.Apply(analysis, new PolicySettings()).Findings);
            }

            var baselined = consumer.Run("build", "--no-restore", "-p:TlsGuardBaselineFile=" + baselineFile);
            Assert.True(baselined.Succeeded, baselined.ToString());
            Assert.Empty(baselined.Log.Tls("TLS001"));
            Assert.Empty(baselined.Log.Tls("TLS008"));
        }
    }
}
