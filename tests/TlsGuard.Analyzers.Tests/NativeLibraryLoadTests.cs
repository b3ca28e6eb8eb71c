using System.Threading.Tasks;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

public sealed class NativeLibraryLoadTests
{
    private static readonly ResultsFile Jemalloc = new ResultsFile()
        .Fails("libjemalloc.so.2", "runtimes/linux-x64/native/libjemalloc.so.2", 2632, "glibc", "rebuild jemalloc with --disable-initial-exec-tls");

    [Theory]
    [InlineData("NativeLibrary.Load(\"libjemalloc.so.2\")")]
    [InlineData("NativeLibrary.TryLoad(\"libjemalloc.so.2\", out _) ? 1 : 0")]
    [InlineData("NativeLibrary.Load(\"jemalloc\", typeof(Loader).Assembly, null)")]
    [InlineData("NativeLibrary.Load(\"jemalloc\", typeof(Loader).Assembly, DllImportSearchPath.AssemblyDirectory)")]
    [InlineData("NativeLibrary.TryLoad(\"jemalloc\", typeof(Loader).Assembly, DllImportSearchPath.SafeDirectories, out _) ? 1 : 0")]
    [InlineData("NativeLibrary.TryLoad(handle: out _, libraryPath: \"libjemalloc.so.2\") ? 1 : 0")]
    [InlineData("NativeLibrary.Load(Name)")]
    [InlineData("NativeLibrary.Load($\"libjemalloc.so.{Version}\")")]
    [InlineData("System.Runtime.InteropServices.NativeLibrary.Load(\"/usr/lib/x86_64-linux-gnu/libjemalloc.so.2\")")]
    public async Task Reports_the_invocation(string expression)
    {
        var diagnostic = Assert.Single(await Run(expression));

        Assert.Equal("TLS100", diagnostic.Id);
        Assert.Equal(10, diagnostic.Line());
        var invocation = expression.EndsWith(" ? 1 : 0") ? expression[..^" ? 1 : 0".Length] : expression;
        Assert.Equal(invocation, diagnostic.Spanned());
        Assert.Contains("binds to libjemalloc.so.2, which will fail to load on glibc: needs 2632 bytes of static TLS", diagnostic.GetMessage());
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
        Assert.Empty(await Run(expression));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Run(string expression)
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
        return AnalyzerRun.ForSource(source).WithResults(Jemalloc).RunAsync();
    }
}
