using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.EndToEnd
{
    /// <summary>Package authors: `dotnet pack` of a class library that ships native libraries under runtimes/&lt;rid&gt;/native/.</summary>
    [Collection(PackageFeedCollection.Name)]
    public class PackTests
    {
        private const string ClassLibrarySource = "namespace Lib { public static class Api { } }\n";

        private readonly PackageFeed _feed;

        public PackTests(PackageFeed feed)
        {
            _feed = feed;
        }

        [Fact]
        public void Pack_judges_the_libraries_it_puts_under_runtimes_rid_native_for_that_rid()
        {
            using var folder = _feed.NewConsumer("pack");
            // Beside the project: a file the default None glob found in a subfolder keeps it as RecursiveDir, which
            // NuGet appends to a folder PackagePath (native/libfoo.so would land in runtimes/linux-x64/native/native/).
            var initialExec = folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "lib/libie_own.so");
            folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libgd.so"), "lib/libgd.so");
            folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "lib/ie_own.dll");
            // Packed, not copied to the output: only the pack-time check can see them.
            var consumer = Consumer.Create(_feed, folder, """
                  <PropertyGroup>
                    <NativeFolder Condition="'$(NativeFolder)' == ''">runtimes/linux-x64/native/</NativeFolder>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Update="libie_own.so" Pack="true" PackagePath="$(NativeFolder)" />
                    <!-- A quote in a package path once broke the pack target's item condition. -->
                    <None Update="libgd.so" Pack="true" PackagePath="$(NativeFolder)it's-clean/" />
                    <None Update="ie_own.dll" Pack="true" PackagePath="runtimes/win-x64/native/" />
                  </ItemGroup>
                """, outputType: "Library", source: ClassLibrarySource, relativeProjectPath: "lib/Lib.csproj");

            var glibc = consumer.Run("pack", "-o", folder.Combine("out-glibc"));

            Assert.True(glibc.Succeeded, glibc.ToString());
            var warning = Assert.Single(glibc.Log.Warnings.Concat(glibc.Log.Errors), d => d.Code != null && d.Code.StartsWith("TLS", StringComparison.Ordinal));
            Assert.Equal("TLS001", warning.Code);
            Assert.Equal(initialExec, warning.File);
            Assert.StartsWith("runtimes/linux-x64/native/libie_own.so will fail to load", warning.Message);
            Assert.Contains("on glibc", warning.Message);
            Assert.False(File.Exists(folder.Combine("lib/bin/Release/net10.0/libie_own.so")));
            Assert.Contains(glibc.Log.Messages, m => m.StartsWith("TlsGuard: not checking " + folder.Combine("lib/ie_own.dll") + ": packed for win-x64", StringComparison.Ordinal));
            Assert.Equal("TlsGuard: 2 libraries, 2 read, 0 from cache", glibc.Log.CacheStatistics.Last());
            var entries = PackageEntries(folder.Combine("out-glibc"));
            Assert.Contains("runtimes/linux-x64/native/libie_own.so", entries);
            Assert.Contains("runtimes/linux-x64/native/it's-clean/libgd.so", entries);

            var musl = consumer.Run("pack", "--no-build", "-o", folder.Combine("out-musl"), "-p:NativeFolder=runtimes/linux-musl-x64/native/");

            Assert.True(musl.Succeeded, musl.ToString());
            var muslWarning = Assert.Single(musl.Log.Tls("TLS001"));
            Assert.StartsWith("runtimes/linux-musl-x64/native/libie_own.so will fail to load", muslWarning.Message);
            Assert.Contains("musl", muslWarning.Message);
            Assert.DoesNotContain("glibc", muslWarning.Message);
            // libgd.so has no static TLS but was linked against glibc: musl's loader cannot map its ld-linux-x86-64.so.2.
            var glibcBuilt = Assert.Single(musl.Log.Tls("TLS009"));
            Assert.StartsWith("runtimes/linux-musl-x64/native/it's-clean/libgd.so was built for glibc", glibcBuilt.Message);
            Assert.DoesNotContain(musl.Log.Warnings, d => d.Code != null && d.Code.StartsWith("TLS", StringComparison.Ordinal) && d.Code != "TLS001" && d.Code != "TLS009");

            var failed = consumer.Run("pack", "--no-build", "-o", folder.Combine("out-failed"), "-p:TlsGuardFailOn=fails");

            Assert.False(failed.Succeeded, failed.ToString());
            var error = Assert.Single(failed.Log.Errors);
            Assert.Equal("TLS001", error.Code);
            Assert.StartsWith("runtimes/linux-x64/native/libie_own.so will fail to load", error.Message);
            Assert.Empty(Directory.Exists(folder.Combine("out-failed")) ? Directory.GetFiles(folder.Combine("out-failed"), "*.nupkg") : Array.Empty<string>());
        }

        [Fact]
        public void A_multi_targeting_library_is_checked_in_its_outer_build_and_a_library_its_builds_reported_is_not_repeated()
        {
            using var folder = _feed.NewConsumer("pack-multi");
            var x64 = folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var arm64 = folder.Copy(RepositoryRoot.Fixture("aarch64-gcc", "libie_own.so"), "lib/arm64/libie_own.so");
            // The x64 library (from outside the project folder: default None items exist in the inner builds only, so
            // an Update there would not pack it) is copied to the output, where each framework's build reports it, and
            // packed with a backslash in its PackagePath; the arm64 one comes from a TargetsForTfmSpecificContentInPackage
            // target, with a doubled '/'.
            var consumer = Consumer.Create(_feed, folder, """
                  <PropertyGroup>
                    <TargetFramework></TargetFramework>
                    <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
                    <Nullable>disable</Nullable>
                    <TargetsForTfmSpecificContentInPackage>$(TargetsForTfmSpecificContentInPackage);AddArm64Library</TargetsForTfmSpecificContentInPackage>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Include="../native/libie_own.so" CopyToOutputDirectory="PreserveNewest" Pack="true" PackagePath="runtimes\linux-x64/native/" />
                  </ItemGroup>
                  <Target Name="AddArm64Library" Condition="'$(TargetFramework)' == 'net10.0'">
                    <ItemGroup>
                      <TfmSpecificPackageFile Include="arm64/libie_own.so" PackagePath="runtimes//linux-arm64/native/" />
                    </ItemGroup>
                  </Target>
                """, outputType: "Library", source: ClassLibrarySource, relativeProjectPath: "lib/Lib.csproj");

            var pack = consumer.Run("pack", "-o", folder.Combine("out"));

            Assert.True(pack.Succeeded, pack.ToString());
            var findings = pack.Log.Tls("TLS001").ToList();
            Assert.Equal(2, findings.Count(w => w.File == x64 && w.Message.StartsWith("libie_own.so will fail to load", StringComparison.Ordinal)));
            Assert.DoesNotContain(findings, w => w.Message.StartsWith("runtimes/linux-x64/", StringComparison.Ordinal));
            var packed = Assert.Single(findings, w => w.File == arm64);
            Assert.StartsWith("runtimes/linux-arm64/native/libie_own.so will fail to load", packed.Message);
            Assert.Contains("(aarch64;", packed.Message);
            Assert.Equal(3, findings.Count);
            // The outer build's pack scan judged both packed files (its own cache: nothing from the inner builds' caches).
            Assert.Equal("TlsGuard: 2 libraries, 2 read, 0 from cache", pack.Log.CacheStatistics.Last());
            var entries = PackageEntries(folder.Combine("out"));
            Assert.Contains("runtimes/linux-x64/native/libie_own.so", entries);
            // NuGet keeps the doubled '/' in the entry name; restore reads it as runtimes/linux-arm64/native/ all the same.
            Assert.Contains("runtimes//linux-arm64/native/libie_own.so", entries);
        }

        private static string[] PackageEntries(string outputFolder)
        {
            var package = Assert.Single(Directory.GetFiles(outputFolder, "*.nupkg"));
            using var archive = ZipFile.OpenRead(package);
            return archive.Entries.Select(entry => entry.FullName).ToArray();
        }
    }
}
