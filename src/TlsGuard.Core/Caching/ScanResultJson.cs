using System;
using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Round-trips <see cref="ElfScanResult"/> through JSON for the scan cache. Field names mirror the properties.
    /// <see cref="Read"/> checks every field's type and range (enums known, counts and sizes non-negative);
    /// <see cref="ScanResultValidation"/> checks that the fields agree with each other.
    /// </summary>
    public static class ScanResultJson
    {
        public static void Write(JsonWriter writer, ElfScanResult result)
        {
            writer.StartObject();
            writer.Property("path", result.Path);
            writer.Property("archiveMember", result.ArchiveMember);
            writer.Property("machineCode", (int)result.Platform.Machine);
            writer.Property("elfClass", (int)result.Platform.Class);
            writer.Property("byteOrder", (int)result.Platform.ByteOrder);
            writer.Property("fileType", (int)result.FileType);
            writer.Property("soname", result.Soname);
            writer.Property("interpreter", result.Interpreter);
            writer.StringArrayProperty("needed", result.Needed);
            writer.Property("neededTotal", result.NeededTotal);
            writer.StringArrayProperty("runpath", result.Runpath);
            writer.Property("runpathTotal", result.RunpathTotal);
            writer.StringArrayProperty("rpath", result.Rpath);
            writer.Property("rpathTotal", result.RpathTotal);
            writer.Property("dfStaticTls", result.DfStaticTls);
            writer.Name("tlsBlock");
            if (result.TlsBlock == null)
            {
                writer.Null();
            }
            else
            {
                writer.StartObject()
                    .Property("size", result.TlsBlock.Size)
                    .Property("align", result.TlsBlock.Align)
                    .Property("initializedSize", result.TlsBlock.InitializedSize)
                    .Property("virtualAddress", result.TlsBlock.VirtualAddress.ToString(CultureInfo.InvariantCulture))
                    .EndObject();
            }

            writer.NumberObjectProperty("staticTlsRelocations", result.StaticTlsRelocations);
            writer.NumberObjectProperty("dynamicTlsRelocations", result.DynamicTlsRelocations);
            writer.Property("objectTlsModel", result.ObjectTlsModel?.ToString());
            writer.Name("staticTlsSymbols").StartArray();
            foreach (StaticTlsSymbol symbol in result.StaticTlsSymbols)
            {
                writer.StartObject()
                    .Property("name", symbol.Name)
                    .Property("definedHere", symbol.DefinedHere)
                    .Property("relocationCount", symbol.RelocationCount)
                    .EndObject();
            }

            writer.EndArray();
            writer.Property("staticTlsSymbolsTotal", result.StaticTlsSymbolsTotal);
            writer.StringArrayProperty("definedTlsSymbols", result.DefinedTlsSymbols);
            writer.Property("definedTlsSymbolsTotal", result.DefinedTlsSymbolsTotal);
            writer.Name("versionRequirements").StartArray();
            foreach (VersionRequirement requirement in result.VersionRequirements)
            {
                writer.StartObject().Property("file", requirement.File);
                writer.StringArrayProperty("versions", requirement.Versions);
                writer.Property("versionsTotal", requirement.VersionsTotal).EndObject();
            }

            writer.EndArray();
            writer.Property("versionRequirementsTotal", result.VersionRequirementsTotal);
            writer.StringArrayProperty("versionDefinitions", result.VersionDefinitions);
            writer.Property("versionDefinitionsTotal", result.VersionDefinitionsTotal);
            writer.Name("versionedImports").StartArray();
            foreach (VersionedImport import in result.VersionedImports)
            {
                writer.StartObject()
                    .Property("symbol", import.Symbol)
                    .Property("version", import.Version)
                    .Property("file", import.File)
                    .Property("weak", import.Weak)
                    .EndObject();
            }

            writer.EndArray();
            writer.Property("versionedImportsTotal", result.VersionedImportsTotal);
            writer.Property("error", result.Error);
            writer.EndObject();
        }

        /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="FormatException"/> for a field of the wrong type, range or enum.</summary>
        public static ElfScanResult Read(JsonValue value)
        {
            JsonFields.Object(value, "a scan result");
            string path = JsonFields.RequiredString(value, "path");
            if (path.Length == 0)
            {
                throw new FormatException("a scan result needs a path");
            }

            string[] needed = JsonFields.Strings(value, "needed");
            string[] runpath = JsonFields.Strings(value, "runpath");
            string[] rpath = JsonFields.Strings(value, "rpath");
            IReadOnlyList<StaticTlsSymbol> symbols = ReadSymbols(value);
            string[] defined = JsonFields.Strings(value, "definedTlsSymbols");
            IReadOnlyList<VersionRequirement> requirements = ReadRequirements(value);
            string[] definitions = JsonFields.Strings(value, "versionDefinitions");
            IReadOnlyList<VersionedImport> imports = ReadImports(value);
            return new ElfScanResult
            {
                Path = path,
                ArchiveMember = JsonFields.OptionalString(value, "archiveMember"),
                Platform = new ElfPlatform(
                    (ElfMachine)JsonFields.Integer(value, "machineCode", 0, ushort.MaxValue),
                    (ElfClass)JsonFields.Integer(value, "elfClass", (long)ElfClass.None, (long)ElfClass.Elf64),
                    (ElfData)JsonFields.Integer(value, "byteOrder", (long)ElfData.None, (long)ElfData.BigEndian)),
                FileType = (ElfType)JsonFields.Integer(value, "fileType", (long)ElfType.None, (long)ElfType.Core),
                Soname = JsonFields.OptionalString(value, "soname"),
                Interpreter = JsonFields.OptionalString(value, "interpreter"),
                Needed = needed,
                NeededTotal = Total(value, "neededTotal", needed.Length),
                Runpath = runpath,
                RunpathTotal = Total(value, "runpathTotal", runpath.Length),
                Rpath = rpath,
                RpathTotal = Total(value, "rpathTotal", rpath.Length),
                DfStaticTls = JsonFields.Bool(value, "dfStaticTls"),
                TlsBlock = ReadTlsBlock(value),
                StaticTlsRelocations = ReadCounts(value, "staticTlsRelocations"),
                DynamicTlsRelocations = ReadCounts(value, "dynamicTlsRelocations"),
                ObjectTlsModel = ReadModel(JsonFields.OptionalString(value, "objectTlsModel")),
                StaticTlsSymbols = symbols,
                StaticTlsSymbolsTotal = Total(value, "staticTlsSymbolsTotal", symbols.Count),
                DefinedTlsSymbols = defined,
                DefinedTlsSymbolsTotal = Total(value, "definedTlsSymbolsTotal", defined.Length),
                VersionRequirements = requirements,
                VersionRequirementsTotal = Total(value, "versionRequirementsTotal", requirements.Count),
                VersionDefinitions = definitions,
                VersionDefinitionsTotal = Total(value, "versionDefinitionsTotal", definitions.Length),
                VersionedImports = imports,
                VersionedImportsTotal = Total(value, "versionedImportsTotal", imports.Count),
                Error = JsonFields.OptionalString(value, "error"),
            };
        }

        /// <summary>A list's total: never below the length of the list it counts.</summary>
        private static int Total(JsonValue owner, string name, int listed) => (int)JsonFields.Integer(owner, name, listed, int.MaxValue);

        private static TlsBlock? ReadTlsBlock(JsonValue owner)
        {
            JsonValue? block = owner.Get("tlsBlock");
            if (block == null || block.Kind == JsonKind.Null)
            {
                return null;
            }

            JsonFields.Object(block, "'tlsBlock'");
            return new TlsBlock(
                JsonFields.Integer(block, "size", 0, long.MaxValue),
                JsonFields.Integer(block, "align", 0, long.MaxValue),
                JsonFields.Integer(block, "initializedSize", 0, long.MaxValue),
                JsonFields.UnsignedText(block, "virtualAddress"));
        }

        private static IReadOnlyDictionary<string, int> ReadCounts(JsonValue owner, string name)
        {
            JsonValue members = JsonFields.Object(owner.Get(name) ?? JsonValue.NullValue, "'" + name + "'");
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonValue> member in members.Members)
            {
                if (counts.ContainsKey(member.Key))
                {
                    throw new FormatException("'" + name + "' names " + member.Key + " twice");
                }

                counts.Add(member.Key, (int)JsonFields.IntegerValue(member.Value, name + "." + member.Key, 1, int.MaxValue));
            }

            return counts;
        }

        private static IReadOnlyList<StaticTlsSymbol> ReadSymbols(JsonValue owner)
        {
            var symbols = new List<StaticTlsSymbol>();
            foreach (JsonValue item in JsonFields.Array(owner, "staticTlsSymbols"))
            {
                JsonFields.Object(item, "a static TLS symbol");
                symbols.Add(new StaticTlsSymbol(
                    JsonFields.OptionalString(item, "name"),
                    JsonFields.Bool(item, "definedHere"),
                    (int)JsonFields.Integer(item, "relocationCount", 1, int.MaxValue)));
            }

            return symbols;
        }

        private static IReadOnlyList<VersionRequirement> ReadRequirements(JsonValue owner)
        {
            var requirements = new List<VersionRequirement>();
            foreach (JsonValue item in JsonFields.Array(owner, "versionRequirements"))
            {
                JsonFields.Object(item, "a version requirement");
                string[] versions = JsonFields.Strings(item, "versions");
                requirements.Add(new VersionRequirement(JsonFields.RequiredString(item, "file"), versions)
                {
                    VersionsTotal = Total(item, "versionsTotal", versions.Length),
                });
            }

            return requirements;
        }

        private static IReadOnlyList<VersionedImport> ReadImports(JsonValue owner)
        {
            var imports = new List<VersionedImport>();
            foreach (JsonValue item in JsonFields.Array(owner, "versionedImports"))
            {
                JsonFields.Object(item, "a versioned import");
                imports.Add(new VersionedImport(
                    JsonFields.RequiredString(item, "symbol"),
                    JsonFields.RequiredString(item, "version"),
                    JsonFields.RequiredString(item, "file"),
                    JsonFields.Bool(item, "weak")));
            }

            return imports;
        }

        private static TlsAccessModel? ReadModel(string? text)
        {
            if (text == null)
            {
                return null;
            }

            foreach (TlsAccessModel model in new[] { TlsAccessModel.GeneralDynamic, TlsAccessModel.Descriptor, TlsAccessModel.InitialExec, TlsAccessModel.LocalExec })
            {
                if (string.Equals(model.ToString(), text, StringComparison.Ordinal))
                {
                    return model;
                }
            }

            throw new FormatException("unknown TLS access model '" + text + "'");
        }
    }
}
