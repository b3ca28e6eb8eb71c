using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Names the NuGet package a file lies in when its item carries no NuGetPackageId: files a package's own props or
    /// targets add as None/Content (LLamaSharp.Backend.Cpu links its LLamaSharpRuntimes/** that way). Packages folders
    /// (global, fallback, RestorePackagesPath) lay a package out as &lt;id&gt;/&lt;version&gt;/ with &lt;id&gt;.nuspec in the version
    /// folder, id and version lowercased (NuGet.Client src/NuGet.Core/NuGet.Packaging/VersionFolderPathResolver.cs,
    /// GetPackageDirectory and GetManifestFileName). The nuspec's &lt;id&gt; gives the id as its author spelled it.
    /// One lookup per task run: answers are kept per folder, so each folder costs one probe.
    /// </summary>
    internal sealed class PackageFolderLookup
    {
        private const long LargestNuspec = 1 << 20;

        private readonly Dictionary<string, PackageName?> _byFolder = new Dictionary<string, PackageName?>(StringComparer.Ordinal);

        public PackageName? Find(string fullPath)
        {
            string? folder;
            try
            {
                folder = Path.GetDirectoryName(fullPath);
            }
            catch (Exception exception) when (exception is ArgumentException || exception is PathTooLongException)
            {
                return null;
            }

            var walked = new List<string>();
            PackageName? found = null;
            while (!string.IsNullOrEmpty(folder))
            {
                if (_byFolder.TryGetValue(folder!, out found))
                {
                    break;
                }

                walked.Add(folder!);
                found = PackageIn(folder!);
                if (found != null)
                {
                    break;
                }

                folder = Path.GetDirectoryName(folder);
            }

            foreach (var below in walked)
            {
                _byFolder[below] = found;
            }

            return found;
        }

        /// <summary>The package whose version folder this is, if it is one.</summary>
        private static PackageName? PackageIn(string versionFolder)
        {
            var idFolder = Path.GetDirectoryName(versionFolder);
            if (string.IsNullOrEmpty(idFolder))
            {
                return null;
            }

            var lowercaseId = Path.GetFileName(idFolder);
            var nuspec = Path.Combine(versionFolder, lowercaseId + ".nuspec");
            if (lowercaseId.Length == 0 || !File.Exists(nuspec))
            {
                return null;
            }

            var id = IdInNuspec(nuspec);
            return new PackageName(
                id != null && string.Equals(id, lowercaseId, StringComparison.OrdinalIgnoreCase) ? id : lowercaseId,
                Path.GetFileName(versionFolder));
        }

        private static string? IdInNuspec(string nuspec)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = LargestNuspec,
                IgnoreComments = true,
            };
            try
            {
                using (var reader = XmlReader.Create(nuspec, settings))
                {
                    while (reader.Read())
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "id")
                        {
                            return reader.ReadElementContentAsString().Trim();
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is XmlException || exception is IOException || exception is UnauthorizedAccessException)
            {
                // The folder name still names the package.
            }

            return null;
        }
    }
}
