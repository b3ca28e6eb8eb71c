using System;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>LoadAnalyzer over the real scanner with files that are not libraries: findings, never exceptions.</summary>
    public sealed class RealScannerTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory("badfiles");

        [Fact]
        public void Text_missing_truncated_and_directory_inputs_become_tls004()
        {
            var text = _temp.Combine("libtext.so");
            File.WriteAllText(text, "INPUT(-lfoo)\n");
            var truncated = _temp.Combine("libtruncated.so");
            var jemalloc = File.ReadAllBytes("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
            File.WriteAllBytes(truncated, jemalloc.Take(200).ToArray());
            var missing = _temp.Combine("libmissing.so");
            var inputs = new[] { text, truncated, missing, _temp.Path }.Select(p => new LibraryInput(p)).ToList();

            var report = LoadAnalyzer.Analyze(inputs, new AnalysisOptions());
            Assert.Equal(4, report.Findings().Count(f => f.Id == "TLS004"));
            Assert.All(report.Libraries, l => Assert.Equal(Verdict.None, l.Verdict));
            Assert.Equal(new[] { text, truncated, missing, _temp.Path }, report.Findings().Select(f => f.FilePath));
        }

        [Fact]
        public void A_dependency_that_is_not_a_library_is_skipped_and_reported_missing()
        {
            var dependencyFolder = _temp.Combine("deps");
            Directory.CreateDirectory(dependencyFolder);
            File.WriteAllText(Path.Combine(dependencyFolder, "libjemalloc.so.2"), "not an ELF file");
            var user = Path.Combine(dependencyFolder, "libuser.so");
            Toolchain.Gcc.Compile(user, "int user_touch(void) { return 1; }\n", new[] { "-shared", "-fPIC", "-Wl,--no-as-needed", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2" });

            // The fake sits in a searched folder: the loader skips it (glibc's open_verify) and, with this machine's folders
            // turned off, nothing else answers.
            var searchedOnly = new AnalysisOptions { SearchPaths = new[] { dependencyFolder }, SystemLibraries = SystemLibraries.Off };
            var report = LoadAnalyzer.Analyze(new[] { new LibraryInput(user) }, searchedOnly);
            Assert.Equal(Verdict.None, report.Libraries.Single().Verdict);
            var missing = report.Findings().Single(f => f.Id == "TLS005");
            Assert.Contains("libjemalloc.so.2", missing.Message);

            // By default this machine stands in (glibc, x86-64): after the skipped fake, its own libjemalloc.so.2 answers.
            var byDefault = LoadAnalyzer.Analyze(new[] { new LibraryInput(user) }, new AnalysisOptions { SearchPaths = new[] { dependencyFolder } });
            Assert.Equal(Verdict.Fails, byDefault.Libraries.Single().Verdict);

            var withSysroot = LoadAnalyzer.Analyze(new[] { new LibraryInput(user) }, new AnalysisOptions { Sysroot = "/" });
            Assert.Equal(Verdict.Fails, withSysroot.Libraries.Single().Verdict);
        }

        public void Dispose() => _temp.Dispose();
    }
}
