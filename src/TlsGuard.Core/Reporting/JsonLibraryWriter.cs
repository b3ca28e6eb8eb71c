using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Json;

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
                .Property("soname", scan.Soname);
            json.StringArrayProperty("needed", scan.Needed);
            json.StringArrayProperty("runpath", scan.Runpath);
            json.StringArrayProperty("rpath", scan.Rpath);
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
                    .Property("virtualAddress", (long)scan.TlsBlock.VirtualAddress)
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
            json.Property("error", scan.Error);

            json.Property("verdict", VerdictNames.ToName(library.Verdict))
                .Property("requiredStaticTlsBytes", library.RequiredStaticTlsBytes);
            json.StringArrayProperty("chain", library.Chain);
            json.Property("libc", library.Libc.Name);
            WriteRemedy(json, library.Remedy);
            json.EndObject();
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
