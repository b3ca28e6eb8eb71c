using System;
using System.IO;
using System.Xml;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>The id and version in a package's .nuspec (package/metadata/id, .../version), read without DTDs or external entities.</summary>
    internal sealed class Nuspec
    {
        private Nuspec(string? id, string? version)
        {
            Id = id;
            Version = version;
        }

        public string? Id { get; }
        public string? Version { get; }

        /// <summary>Null when the file cannot be read or is not XML; a package without a readable nuspec still has its files scanned.</summary>
        public static Nuspec? Read(IFileSystem files, string path, int maxBytes)
        {
            try
            {
                using (IByteSource? source = files.OpenRead(path, out _))
                {
                    if (source == null || source.Length > maxBytes)
                    {
                        return null;
                    }

                    var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                    using (var reader = XmlReader.Create(new ByteSourceStream(source, 0, source.Length), settings))
                    {
                        string? id = null;
                        string? version = null;
                        int depth = -1;
                        bool positioned = false;

                        // ReadElementContentAsString leaves the reader on the next node already: do not Read past it.
                        while (positioned ? !reader.EOF : reader.Read())
                        {
                            positioned = false;
                            if (reader.NodeType != XmlNodeType.Element)
                            {
                                continue;
                            }

                            if (reader.LocalName == "metadata" && depth < 0)
                            {
                                depth = reader.Depth;
                            }
                            else if (depth >= 0 && reader.Depth == depth + 1 && reader.LocalName == "id" && id == null)
                            {
                                id = reader.ReadElementContentAsString().Trim();
                                positioned = true;
                            }
                            else if (depth >= 0 && reader.Depth == depth + 1 && reader.LocalName == "version" && version == null)
                            {
                                version = reader.ReadElementContentAsString().Trim();
                                positioned = true;
                            }
                        }

                        return new Nuspec(id, version);
                    }
                }
            }
            catch (Exception e) when (e is XmlException || e is IOException || e is ArchiveFormatException || e is InvalidOperationException)
            {
                return null;
            }
        }
    }
}
