using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// `dotnet tool install --tool-path` of TlsGuard.Tool from the shared <see cref="ToolFeed"/>, with a private NuGet
    /// config and packages folder (a cached package of the same version could otherwise stand in for the fresh one).
    /// </summary>
    internal sealed class InstalledTool
    {
        private InstalledTool(string command, string runtimePackageFolder, IReadOnlyDictionary<string, string?> environment)
        {
            Command = command;
            RuntimePackageFolder = runtimePackageFolder;
            Environment = environment;
        }

        /// <summary>The installed `tlsguard` command (a link to the native executable, or the apphost shim of a framework-dependent tool).</summary>
        public string Command { get; }

        /// <summary>The folder of the RID-specific package the CLI chose, as it lies in the tool store.</summary>
        public string RuntimePackageFolder { get; }

        /// <summary>The package id the CLI chose (lower case, as the store spells it), e.g. tlsguard.tool.linux-x64.</summary>
        public string RuntimePackageId => Path.GetFileName(Path.GetDirectoryName(RuntimePackageFolder))!;

        /// <summary>What the command runs: the executable the link points to, or the shim itself.</summary>
        public string Program => new FileInfo(Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Command;

        /// <summary>Every file of the chosen package's tools folder, relative to it.</summary>
        public IReadOnlyList<string> ToolFiles
        {
            get
            {
                var tools = Path.Combine(RuntimePackageFolder, "tools");
                return Directory.EnumerateFiles(tools, "*", SearchOption.AllDirectories)
                    .Select(file => Path.GetRelativePath(tools, file).Replace('\\', '/'))
                    .OrderBy(file => file, StringComparer.Ordinal)
                    .ToList();
            }
        }

        public IReadOnlyDictionary<string, string?> Environment { get; }

        /// <param name="runtimeIdentifier">
        /// Installs as on a machine of that RID: the dotnet host reports DOTNET_RUNTIME_ID as the runtime identifier
        /// (dotnet docs, "Environment variables": "Overrides the detected RID"), and the SDK's ToolPackageDownloader
        /// matches RuntimeInformation.RuntimeIdentifier against the pointer package's list through the RID graph.
        /// Null: this machine's own RID.
        /// </param>
        public static InstalledTool Install(TempDirectory temp, string? runtimeIdentifier = null)
        {
            var label = runtimeIdentifier ?? "machine";
            var tools = temp.Combine("tools-" + label);
            var config = temp.Write("nuget-" + label + ".config",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
                "    <add key=\"local\" value=\"" + ToolFeed.Directory + "\" />\n  </packageSources>\n</configuration>\n");
            var environment = new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = temp.Combine("packages-" + label),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            var installEnvironment = new Dictionary<string, string?>(environment) { ["DOTNET_RUNTIME_ID"] = runtimeIdentifier };

            var install = ChildProcess.Run("dotnet", new[] { "tool", "install", "--tool-path", tools, "--configfile", config, ToolFeed.PointerPackageId }, temp.Path, installEnvironment);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet tool install failed:\n" + install);
            }

            // .store/<pointer id>/<version>/<rid package id>/<version>: the pointer sits beside the package it chose.
            var versionFolder = Path.Combine(tools, ".store", ToolFeed.PointerPackageId.ToLowerInvariant(), ToolInfo.Version);
            var chosen = Directory.GetDirectories(versionFolder)
                .Where(folder => Path.GetFileName(folder).StartsWith(ToolFeed.PointerPackageId.ToLowerInvariant() + ".", StringComparison.Ordinal))
                .ToList();
            if (chosen.Count != 1)
            {
                throw new InvalidOperationException("expected one RID-specific package in " + versionFolder + ", found: " + string.Join(", ", chosen));
            }

            return new InstalledTool(Path.Combine(tools, "tlsguard"), Path.Combine(chosen[0], ToolInfo.Version), environment);
        }

        public CommandResult Run(params string[] arguments) => ChildProcess.Run(Command, arguments, Path.GetDirectoryName(Command), Environment);
    }
}
