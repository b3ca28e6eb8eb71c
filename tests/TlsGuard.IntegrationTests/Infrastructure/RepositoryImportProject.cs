using System.IO;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>
    /// A console project that imports the repository's build/TlsGuard.props and .targets the way NuGet would (props
    /// early through Directory.Build.props, targets late through Directory.Build.targets) with the freshly built task.
    /// </summary>
    internal static class RepositoryImportProject
    {
        public static string Create(TempDirectory scratch, string body, string outputType = "Exe")
        {
            var build = Repository.BuildDirectory;
            scratch.Write("Directory.Build.props", $"""
                <Project>
                  <PropertyGroup>
                    <TlsGuardTaskAssembly>{Repository.TasksAssembly}</TlsGuardTaskAssembly>
                  </PropertyGroup>
                  <Import Project="{Path.Combine(build, "TlsGuard.props")}" />
                </Project>
                """);
            scratch.Write("Directory.Build.targets", $"""
                <Project>
                  <Import Project="{Path.Combine(build, "TlsGuard.targets")}" />
                </Project>
                """);
            scratch.Write("Program.cs", "System.Console.WriteLine(\"hello\");\n");
            return scratch.Write("App.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                {body}
                </Project>
                """);
        }
    }
}
