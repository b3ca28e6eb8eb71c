using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

public sealed class NativeLibraryLoadTests
{
    private static readonly ResultsFile Jemalloc = new ResultsFile()
        .Fails("libjemalloc.so.2", "runtimes/linux-x64/native/libjemalloc.so.2", 2632, "glibc", "rebuild jemalloc with --disable-initial-exec-tls");

    [Theory]
    [InlineData("{|#0:NativeLibrary.Load(\"libjemalloc.so.2\")|}", "libjemalloc.so.2")]
    [InlineData("{|#0:NativeLibrary.TryLoad(\"libjemalloc.so.2\", out _)|} ? 1 : 0", "libjemalloc.so.2")]
    [InlineData("{|#0:NativeLibrary.Load(\"jemalloc\", typeof(Loader).Assembly, null)|}", "jemalloc")]
    [InlineData("{|#0:NativeLibrary.Load(\"jemalloc\", typeof(Loader).Assembly, DllImportSearchPath.AssemblyDirectory)|}", "jemalloc")]
    [InlineData("{|#0:NativeLibrary.TryLoad(\"jemalloc\", typeof(Loader).Assembly, DllImportSearchPath.SafeDirectories, out _)|} ? 1 : 0", "jemalloc")]
    [InlineData("{|#0:NativeLibrary.TryLoad(handle: out _, libraryPath: \"libjemalloc.so.2\")|} ? 1 : 0", "libjemalloc.so.2")]
    [InlineData("{|#0:NativeLibrary.Load(Name)|}", "libjemalloc.so.2")]
    [InlineData("{|#0:NativeLibrary.Load($\"libjemalloc.so.{Version}\")|}", "libjemalloc.so.2")]
    [InlineData("{|#0:System.Runtime.InteropServices.NativeLibrary.Load(\"/usr/lib/x86_64-linux-gnu/libjemalloc.so.2\")|}", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")]
    public async Task Reports_the_invocation(string expression, string calledName)
    {
        await Run(expression, CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(0).WithMessage(
            "'" + calledName + "' binds to libjemalloc.so.2, which will fail to load on glibc: needs 2632 bytes of static TLS. Fix: rebuild jemalloc with --disable-initial-exec-tls."));
    }

    [Theory]
    // dlopen("jemalloc") looks for a file literally called "jemalloc".
    [InlineData("NativeLibrary.Load(\"jemalloc\")")]
    [InlineData("NativeLibrary.TryLoad(\"jemalloc\", out _) ? 1 : 0")]
    // Names only known at run time.
    [InlineData("NativeLibrary.Load(args[0])")]
    [InlineData("NativeLibrary.Load(System.IO.Path.Combine(System.AppContext.BaseDirectory, Name))")]
    [InlineData("NativeLibrary.Load(\"\")")]
    [InlineData("NativeLibrary.Load(\"\", typeof(Loader).Assembly, null)")]
    [InlineData("NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), \"libjemalloc.so.2\")")]
    [InlineData("Fake.NativeLibrary.Load(\"libjemalloc.so.2\")")]
    public async Task Does_not_report(string expression)
    {
        await Run(expression);
    }

    /// <summary>Passes only if the analyzer reports exactly <paramref name="expected"/>; no more.</summary>
    private static Task Run(string expression, params DiagnosticResult[] expected)
    {
        var source = $$"""
            using System.Runtime.InteropServices;

            static class Loader
            {
                const string Name = "libjemalloc.so.2";
                const string Version = "2";

                static nint Open(string[] args)
                {
                    return {{expression}};
                }
            }

            namespace Fake
            {
                static class NativeLibrary { public static nint Load(string path) => 0; }
            }
            """;
        return CallSiteAnalyzerTest.ForSource(source).WithResults(Jemalloc).Expect(expected).RunAsync();
    }
}
