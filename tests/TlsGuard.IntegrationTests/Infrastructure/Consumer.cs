using System;
using System.Collections.Generic;
using System.IO;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>A project outside the repository that references the packed TlsGuard from the local feed.</summary>
    internal sealed class Consumer
    {
        private int _logCount;

        private Consumer(TempDirectory folder, string projectPath)
        {
            Folder = folder;
            ProjectPath = projectPath;
        }

        public TempDirectory Folder { get; }
        public string ProjectPath { get; }
        public string Directory => Folder.Path;

        /// <summary>Writes a project (Consumer.csproj, or <paramref name="relativeProjectPath"/>) and one source file beside it.</summary>
        public static Consumer Create(
            PackageFeed feed,
            TempDirectory folder,
            string body,
            string outputType = "Exe",
            string source = "System.Console.WriteLine(\"hello\");\n",
            string relativeProjectPath = "Consumer.csproj")
        {
            var projectDirectory = Path.GetDirectoryName(relativeProjectPath) ?? "";
            folder.Write(Path.Combine(projectDirectory, outputType == "Exe" ? "Program.cs" : "Library.cs"), source);
            var projectPath = folder.Write(relativeProjectPath, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{feed.PackagesDirectory}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="TlsGuard" Version="{feed.Version}" PrivateAssets="all" />
                  </ItemGroup>
                {body}
                </Project>
                """);
            return new Consumer(folder, projectPath);
        }

        /// <summary>Runs `dotnet &lt;verb&gt;` with a binary log and returns what it logged.</summary>
        public ConsumerBuild Run(string verb, params string[] arguments)
        {
            var binaryLog = Path.Combine(Directory, "logs", verb + "-" + (++_logCount) + ".binlog");
            var all = new List<string> { verb, ProjectPath, "-nologo", "-bl:" + binaryLog };
            all.AddRange(arguments);
            var result = DotNet.Run(Directory, all.ToArray());
            if (!File.Exists(binaryLog))
            {
                throw new InvalidOperationException("no binary log from dotnet " + string.Join(" ", all) + ":\n" + result);
            }

            return new ConsumerBuild(result, BuildLog.Read(binaryLog));
        }
    }

    internal sealed record ConsumerBuild(CommandResult Command, BuildLog Log)
    {
        public bool Succeeded => Command.ExitCode == 0;

        public override string ToString() => Log + "\n" + Command;
    }
}
