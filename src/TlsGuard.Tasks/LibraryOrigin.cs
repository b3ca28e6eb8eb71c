namespace TlsGuard.Tasks
{
    /// <summary>Where a candidate came from (item metadata TlsGuardOrigin, set by TlsGuard.targets); it decides what is skipped.</summary>
    internal enum LibraryOrigin
    {
        /// <summary>TlsGuardLibrary items, or items without an origin: always checked, since someone asked for them.</summary>
        User,

        /// <summary>Native assets of NuGet packages.</summary>
        Package,

        /// <summary>The project's own None/Content items that are copied to the output.</summary>
        Project,

        /// <summary>Files found in the output directory after the build (native build steps).</summary>
        Output,

        /// <summary>The publish set (ResolvedFileToPublish).</summary>
        Publish,

        /// <summary>Files `dotnet pack` puts in the package (PackagePath metadata); judged at their path in the package.</summary>
        Pack,
    }
}
