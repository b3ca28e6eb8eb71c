using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Reporting
{
    /// <summary>One entry of the JSON report's "files" array: the ELF facts, then the verdict for the target C library.</summary>
    internal static class JsonLibraryWriter
    {
        public static void Write(JsonWriter json, LibraryVerdict library)
        {
            var scan = library.Scan;
            json.StartObject()
                .Property("path", scan.Path)
                .Property("archiveMember", scan.ArchiveMember)
                .Property("machine", scan.Platform.Name)
                .Property("elfClass", scan.Platform.Bits)
                .Property("endianness", scan.Platform.ByteOrderName)
                .Property("type", ElfTypeNames.ShortName(scan.FileType))
                .Property("soname", scan.Soname)
                .Property("interpreter", scan.Interpreter);
            json.StringArrayProperty("needed", scan.Needed).Property("neededTotal", scan.NeededTotal);
            json.StringArrayProperty("runpath", scan.Runpath).Property("runpathTotal", scan.RunpathTotal);
            json.StringArrayProperty("rpath", scan.Rpath).Property("rpathTotal", scan.RpathTotal);
            json.Property("dfStaticTls", scan.DfStaticTls);

            json.Name("tlsBlock");
            if (scan.TlsBlock == null)
            {
                json.Null();
            }
            else
            {
                json.StartObject()
                    .Property("size", scan.TlsBlock.Size)
                    .Property("align", scan.TlsBlock.Align)
                    .Name("virtualAddress").Number(scan.TlsBlock.VirtualAddress)
                    .Property("firstByteOffset", scan.TlsBlock.FirstByteOffset)
                    .EndObject();
            }

            json.NumberObjectProperty("staticTlsRelocations", scan.StaticTlsRelocations);
            json.NumberObjectProperty("dynamicTlsRelocations", scan.DynamicTlsRelocations);

            json.Name("staticTlsSymbols").StartArray();
            foreach (var symbol in scan.StaticTlsSymbols)
            {
                json.StartObject()
                    .Property("name", symbol.Name)
                    .Property("definedHere", symbol.DefinedHere)
                    .EndObject();
            }

            json.EndArray();
            json.Property("staticTlsSymbolsTotal", scan.StaticTlsSymbolsTotal);
            json.StringArrayProperty("definedTlsSymbols", scan.DefinedTlsSymbols).Property("definedTlsSymbolsTotal", scan.DefinedTlsSymbolsTotal);
            WriteVersions(json, scan);
            json.Property("error", scan.Error);

            json.Property("verdict", VerdictNames.ToName(library.Verdict))
                .Property("requiredStaticTlsBytes", library.RequiredStaticTlsBytes);
            json.StringArrayProperty("chain", library.Chain);
            json.Property("libc", library.Libc.Name);
            json.Property("libcVersion", library.Budget?.Judged == null ? null : LibcText.VersionField(library.Budget.Judged));
            WriteRemedy(json, library.Remedy);
            json.EndObject();
        }

        private static void WriteVersions(JsonWriter json, ElfScanResult scan)
        {
            json.Name("versionRequirements").StartArray();
            foreach (var requirement in scan.VersionRequirements)
            {
                json.StartObject().Property("file", requirement.File);
                json.StringArrayProperty("versions", requirement.Versions).Property("versionsTotal", requirement.VersionsTotal).EndObject();
            }

            json.EndArray().Property("versionRequirementsTotal", scan.VersionRequirementsTotal);
            json.StringArrayProperty("versionDefinitions", scan.VersionDefinitions).Property("versionDefinitionsTotal", scan.VersionDefinitionsTotal);
            json.Name("versionedImports").StartArray();
            foreach (var import in scan.VersionedImports)
            {
                json.StartObject()
                    .Property("symbol", import.Symbol)
                    .Property("version", import.Version)
                    .Property("file", import.File)
                    .Property("weak", import.Weak)
                    .EndObject();
            }

            json.EndArray().Property("versionedImportsTotal", scan.VersionedImportsTotal);
        }

        private static void WriteRemedy(JsonWriter json, Remedy? remedy)
        {
            json.Name("remedy");
            if (remedy == null)
            {
                json.Null();
                return;
            }

            json.StartObject()
                .Property("knownLibrary", remedy.Known?.Name)
                .Property("buildFix", RemedyText.BuildFix(remedy))
                .Property("runtimeWorkaround", RemedyText.RuntimeWorkaround(remedy))
                .Property("glibcTunables", remedy.GlibcTunables)
                .Property("tunableGuaranteed", remedy.GlibcTunables == null ? (bool?)null : remedy.Tunable!.Guaranteed)
                .Property("ldStaticTlsExtra", remedy.LdStaticTlsExtra)
                .Property("summary", RemedyText.Summary(remedy))
                .EndObject();
        }
    }
}
