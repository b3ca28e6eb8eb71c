using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The assemblies inside the packed TlsGuard package. TlsGuard.Core also builds for net10.0 (the tool's native
    /// build); Visual Studio's MSBuild runs on .NET Framework and can load only the netstandard2.0 build beside the task.
    /// </summary>
    [Collection(PackageFeedCollection.Name)]
    public class PackageLayoutTests
    {
        private readonly PackageFeed _feed;

        public PackageLayoutTests(PackageFeed feed)
        {
            _feed = feed;
        }

        [Fact]
        public void The_task_folder_holds_the_netstandard2_0_builds_of_the_task_and_the_core()
        {
            using var package = ZipFile.OpenRead(_feed.TlsGuardPackage);

            Assert.Equal(
                new[] { "tasks/netstandard2.0/TlsGuard.Core.dll", "tasks/netstandard2.0/TlsGuard.Tasks.dll" },
                package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tasks/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(package, "tasks/netstandard2.0/TlsGuard.Core.dll"));
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(package, "tasks/netstandard2.0/TlsGuard.Tasks.dll"));
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(package, "analyzers/dotnet/cs/TlsGuard.Analyzers.dll"));
        }

        /// <summary>The assembly's TargetFrameworkAttribute, read from its metadata without loading it.</summary>
        private static string TargetFramework(ZipArchive package, string entry)
        {
            var bytes = new MemoryStream();
            using (var stream = package.GetEntry(entry)!.Open())
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new PEReader(bytes);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
                if (metadata.GetString(type.Name) == "TargetFrameworkAttribute")
                {
                    // Custom attribute blob: prolog 0x0001, then the constructor's string argument (ECMA-335 II.23.3).
                    var blob = metadata.GetBlobReader(attribute.Value);
                    blob.ReadUInt16();
                    return blob.ReadSerializedString()!;
                }
            }

            throw new InvalidOperationException(entry + " has no TargetFrameworkAttribute");
        }
    }
}
