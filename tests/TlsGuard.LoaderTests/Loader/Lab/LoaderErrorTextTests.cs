using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>Libraries that fail for reasons other than static TLS, built for glibc, and the hosts that load them.</summary>
    public sealed class ErrorTextLab : IDisposable
    {
        public ErrorTextLab()
        {
            var absent = FixtureLibrary.WithSource("absent", "int absent_touch(void) { return 1; }\n");
            Glibc = new FixtureSet(
                Toolchain.Gcc,
                new[]
                {
                    FixtureLibrary.InitialExec("ie16", 16),
                    // -D_FORTIFY_SOURCE=2 turns printf into glibc's __printf_chk, which musl does not have.
                    FixtureLibrary.WithSource("fortified", "#include <stdio.h>\nint fortified_touch(const char *s) { return printf(\"%s %d\\n\", s, 3); }\n", "-O2", "-D_FORTIFY_SOURCE=2"),
                    // operator new/delete from libstdc++.so.6, which a musl root lacks.
                    FixtureLibrary.WithSource(
                        "needscxx",
                        "void *_Znwm(unsigned long size);\nvoid _ZdlPv(void *p);\nint needscxx_touch(void) { void *p = _Znwm(4); _ZdlPv(p); return 0; }\n",
                        "-Wl,--no-as-needed", "-lstdc++"),
                    FixtureLibrary.WithSource("undefined", "int missing_symbol_xyz(void);\nint undefined_touch(void) { return missing_symbol_xyz(); }\n"),
                    absent,
                    FixtureLibrary.Clean("needsabsent", absent),
                },
                "glibc-texts");
            File.Delete(Glibc.PathOf("absent"));
            Musl = new FixtureSet(Toolchain.Musl, Array.Empty<FixtureLibrary>(), "musl-texts");
            GlibcHost = CLoadHost.Native(Glibc);
            MuslHost = CLoadHost.Musl(Musl);
        }

        internal FixtureSet Glibc { get; }
        internal FixtureSet Musl { get; }
        internal CLoadHost GlibcHost { get; }
        internal CLoadHost MuslHost { get; }

        public void Dispose()
        {
            Glibc.Dispose();
            Musl.Dispose();
        }
    }

    /// <summary>
    /// The exact texts dlerror() gives, which diagnostics quote: musl 1.2.3 (ldso/dynlink.c, tag v1.2.3 7a43f6fea908:
    /// "Error relocating %s: %s: symbol not found", "Error relocating %s: %s: initial-exec TLS resolves to dynamic
    /// definition in %s", "Error loading shared library %s: %m (needed by %s)") and glibc 2.36 ("%s: undefined symbol: %s",
    /// "%s: cannot open shared object file: %m", "%s: cannot allocate memory in static TLS block").
    /// </summary>
    public sealed class LoaderErrorTextTests : IClassFixture<ErrorTextLab>
    {
        private readonly ErrorTextLab _lab;
        private readonly ITestOutputHelper _output;

        public LoaderErrorTextTests(ErrorTextLab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Theory]
        [InlineData("ie16", "Error relocating {0}: : initial-exec TLS resolves to dynamic definition in {0}")]
        [InlineData("fortified", "Error relocating {0}: __printf_chk: symbol not found")]
        [InlineData("needscxx", "Error loading shared library libstdc++.so.6: No such file or directory (needed by {0})")]
        [InlineData("undefined", "Error relocating {0}: missing_symbol_xyz: symbol not found")]
        [InlineData("needsabsent", "Error loading shared library libabsent.so: No such file or directory (needed by {0})")]
        public void Musl_texts(string name, string expected)
        {
            AssertText(_lab.MuslHost, name, expected);
        }

        [Theory]
        [InlineData("undefined", "{0}: undefined symbol: missing_symbol_xyz")]
        [InlineData("needsabsent", "libabsent.so: cannot open shared object file: No such file or directory")]
        public void Glibc_texts(string name, string expected)
        {
            AssertText(_lab.GlibcHost, name, expected);
        }

        [Theory]
        [InlineData("fortified")]
        [InlineData("needscxx")]
        [InlineData("ie16")]
        public void What_fails_on_musl_loads_on_glibc(string name)
        {
            var outcome = _lab.GlibcHost.Load(new[] { _lab.Glibc.PathOf(name) });
            Assert.True(outcome.AllLoaded, outcome.Transcript);
        }

        [Fact]
        public void A_missing_file_on_both()
        {
            var path = Path.Combine(_lab.Glibc.Folder, "libnothere.so");
            var musl = _lab.MuslHost.Load(new[] { path }).Steps.Single();
            var glibc = _lab.GlibcHost.Load(new[] { path }).Steps.Single();
            Assert.Equal("Error loading shared library " + path + ": No such file or directory", musl.Message);
            Assert.Equal(path + ": cannot open shared object file: No such file or directory", glibc.Message);
            _output.WriteLine("| musl | missing file | " + musl.Message + " |");
            _output.WriteLine("| glibc | missing file | " + glibc.Message + " |");
        }

        private void AssertText(CLoadHost host, string name, string expected)
        {
            var path = _lab.Glibc.PathOf(name);
            var step = host.Load(new List<string> { path }).Steps.Single();
            Assert.False(step.Loaded, name + " loaded in " + host.Name);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, path), step.Message);
            _output.WriteLine("| " + host.Name + " | " + name + " | " + step.Message + " |");
        }
    }
}
