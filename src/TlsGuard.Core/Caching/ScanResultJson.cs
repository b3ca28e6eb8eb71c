using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>Round-trips <see cref="ElfScanResult"/> through JSON for the scan cache. Field names mirror the properties.</summary>
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
            writer.StringArrayProperty("needed", result.Needed);
            writer.StringArrayProperty("runpath", result.Runpath);
            writer.StringArrayProperty("rpath", result.Rpath);
            writer.Property("dfStaticTls", result.DfStaticTls);
            if (result.TlsBlock != null)
            {
                writer.Name("tlsBlock").StartObject()
                    .Property("size", result.TlsBlock.Size)
                    .Property("align", result.TlsBlock.Align)
                    .Property("initializedSize", result.TlsBlock.InitializedSize)
                    .EndObject();
            }

            writer.NumberObjectProperty("staticTlsRelocations", result.StaticTlsRelocations);
            writer.NumberObjectProperty("dynamicTlsRelocations", result.DynamicTlsRelocations);
            if (result.ObjectTlsModel.HasValue)
            {
                writer.Property("objectTlsModel", result.ObjectTlsModel.Value.ToString());
            }

            writer.Name("staticTlsSymbols").StartArray();
            foreach (var symbol in result.StaticTlsSymbols)
            {
                writer.StartObject()
                    .Property("name", symbol.Name)
                    .Property("definedHere", symbol.DefinedHere)
                    .Property("relocationCount", symbol.RelocationCount)
                    .EndObject();
            }

            writer.EndArray();
            writer.StringArrayProperty("definedTlsSymbols", result.DefinedTlsSymbols);
            writer.Property("error", result.Error);
            writer.EndObject();
        }

        /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="FormatException"/> on anything else.</summary>
        public static ElfScanResult Read(JsonValue value)
        {
            if (value.Kind != JsonKind.Object)
            {
                throw new FormatException("a scan result must be a JSON object");
            }

            var tlsBlock = value.Get("tlsBlock");
            var model = value.GetString("objectTlsModel");
            return new ElfScanResult
            {
                Path = value.GetString("path") ?? throw new FormatException("a scan result needs a path"),
                ArchiveMember = value.GetString("archiveMember"),
                Platform = new ElfPlatform(
                    (ElfMachine)(ushort)(value.GetInt64("machineCode") ?? 0),
                    (ElfClass)(byte)(value.GetInt64("elfClass") ?? 0),
                    (ElfData)(byte)(value.GetInt64("byteOrder") ?? 0)),
                FileType = (ElfType)(ushort)(value.GetInt64("fileType") ?? 0),
                Soname = value.GetString("soname"),
                Needed = ReadStrings(value, "needed"),
                Runpath = ReadStrings(value, "runpath"),
                Rpath = ReadStrings(value, "rpath"),
                DfStaticTls = value.GetBool("dfStaticTls") ?? false,
                TlsBlock = tlsBlock == null || tlsBlock.Kind != JsonKind.Object
                    ? null
                    : new TlsBlock(tlsBlock.GetInt64("size") ?? 0, tlsBlock.GetInt64("align") ?? 0, tlsBlock.GetInt64("initializedSize") ?? 0),
                StaticTlsRelocations = ReadCounts(value, "staticTlsRelocations"),
                DynamicTlsRelocations = ReadCounts(value, "dynamicTlsRelocations"),
                ObjectTlsModel = model == null ? (TlsAccessModel?)null : ParseModel(model),
                StaticTlsSymbols = ReadSymbols(value),
                DefinedTlsSymbols = ReadStrings(value, "definedTlsSymbols"),
                Error = value.GetString("error"),
            };
        }

        private static IReadOnlyList<string> ReadStrings(JsonValue value, string name)
        {
            var items = value.GetArray(name);
            var strings = new List<string>(items.Count);
            foreach (var item in items)
            {
                if (item.Kind == JsonKind.String)
                {
                    strings.Add(item.StringValue);
                }
            }

            return strings;
        }

        private static IReadOnlyDictionary<string, int> ReadCounts(JsonValue value, string name)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var members = value.Get(name);
            if (members != null && members.Kind == JsonKind.Object)
            {
                foreach (var member in members.Members)
                {
                    if (member.Value.Kind == JsonKind.Number)
                    {
                        counts[member.Key] = (int)member.Value.NumberValue;
                    }
                }
            }

            return counts;
        }

        private static IReadOnlyList<StaticTlsSymbol> ReadSymbols(JsonValue value)
        {
            var symbols = new List<StaticTlsSymbol>();
            foreach (var item in value.GetArray("staticTlsSymbols"))
            {
                symbols.Add(new StaticTlsSymbol(
                    item.GetString("name"),
                    item.GetBool("definedHere") ?? false,
                    (int)(item.GetInt64("relocationCount") ?? 0)));
            }

            return symbols;
        }

        private static TlsAccessModel ParseModel(string text)
        {
            if (Enum.TryParse<TlsAccessModel>(text, ignoreCase: false, out var model))
            {
                return model;
            }

            throw new FormatException("unknown TLS access model '" + text + "'");
        }
    }
}
