namespace TlsGuard.Core.Files.Archives
{
    /// <summary>What an archive is, which decides how inputs inside it get their RID, package and C library.</summary>
    public enum ArchiveKind
    {
        /// <summary>A zip with no better-known layout (.zip, .jar ...).</summary>
        Zip,

        /// <summary>A .nupkg: runtimes/&lt;rid&gt;/native/ names the RID, the .nuspec the package.</summary>
        NuGetPackage,

        /// <summary>A Python wheel (.whl): its file name's platform tag names the machine and the C library.</summary>
        PythonWheel,

        /// <summary>An Android .apk or .aar: lib/&lt;abi&gt;/ (jni/&lt;abi&gt;/ in an .aar) names the ABI; bionic.</summary>
        AndroidPackage,

        /// <summary>A .tar or compressed tar that is not an image.</summary>
        Tar,

        /// <summary>A `docker save` tarball or an OCI image layout (folder or tar): the view is the image's final file system.</summary>
        ContainerImage,
    }
}
