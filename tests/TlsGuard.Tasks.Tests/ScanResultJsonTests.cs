using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using TlsGuard.Core.Caching;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Elf;

namespace TlsGuard.Tasks.Tests
{
    public class ScanResultJsonTests
    {
        /// <summary>
        /// Sets every settable property of ElfScanResult by reflection, so a property added later that the cache does not
        /// store makes this test fail instead of silently coming back empty from the cache.
        /// </summary>
        [Fact]
        public void Every_property_survives_the_round_trip()
        {
            var original = new ElfScanResult();
            foreach (var property in SettableProperties())
            {
                property.SetValue(original, SampleValue(property));
            }

            var copy = RoundTrip(original);

            foreach (var property in SettableProperties())
            {
                Assert.True(
                    Describe(property.GetValue(original)) == Describe(property.GetValue(copy)),
                    property.Name + ": " + Describe(property.GetValue(original)) + " came back as " + Describe(property.GetValue(copy)));
            }
        }

        [Fact]
        public void Absent_optional_parts_stay_absent()
        {
            var copy = RoundTrip(new ElfScanResult { Path = "/x/libplain.so", Platform = new ElfPlatform(ElfMachine.AArch64, ElfClass.Elf64, ElfData.LittleEndian), FileType = ElfType.SharedObject });

            Assert.Null(copy.TlsBlock);
            Assert.Null(copy.ObjectTlsModel);
            Assert.Null(copy.ArchiveMember);
            Assert.Null(copy.Error);
            Assert.Empty(copy.StaticTlsRelocations);
            Assert.False(copy.HasStaticTls);
        }

        [Fact]
        public void Text_with_json_metacharacters_is_preserved()
        {
            var copy = RoundTrip(new ElfScanResult { Path = "/x/\"odd\"\\dir/lib\u0001{x}.so", Soname = "lib\ttab.so" });

            Assert.Equal("/x/\"odd\"\\dir/lib\u0001{x}.so", copy.Path);
            Assert.Equal("lib\ttab.so", copy.Soname);
        }

        private static ElfScanResult RoundTrip(ElfScanResult result)
        {
            var text = new StringWriter();
            ScanResultJson.Write(new JsonWriter(text), result);
            return ScanResultJson.Read(JsonValue.Parse(text.ToString()));
        }

        private static IEnumerable<PropertyInfo> SettableProperties() =>
            typeof(ElfScanResult).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite);

        private static object SampleValue(PropertyInfo property)
        {
            var type = property.PropertyType;
            if (type == typeof(string))
            {
                return "value-of-" + property.Name;
            }

            if (type == typeof(int))
            {
                return 64;
            }

            if (type == typeof(bool))
            {
                return true;
            }

            if (type == typeof(IReadOnlyList<string>))
            {
                return new[] { property.Name + "-1", property.Name + "-2" };
            }

            if (type == typeof(IReadOnlyDictionary<string, int>))
            {
                return new SortedDictionary<string, int>(StringComparer.Ordinal) { ["R_" + property.Name] = 3, ["R_OTHER"] = 1 };
            }

            if (type == typeof(ElfPlatform))
            {
                return new ElfPlatform(ElfMachine.PowerPC64, ElfClass.Elf64, ElfData.BigEndian);
            }

            if (type == typeof(ElfType))
            {
                return ElfType.Executable;
            }

            if (type == typeof(TlsBlock))
            {
                return new TlsBlock(2632, 64, 16, 0xffffffff80001010);
            }

            if (type == typeof(IReadOnlyList<VersionRequirement>))
            {
                return new[] { new VersionRequirement("libc.so.6", new[] { "GLIBC_2.2.5", "GLIBC_2.34" }) { VersionsTotal = 300 } };
            }

            if (type == typeof(IReadOnlyList<VersionedImport>))
            {
                return new[] { new VersionedImport("__vfprintf_chk", "GLIBC_2.3.4", "libc.so.6", false), new VersionedImport("__cxa_finalize", "GLIBC_2.2.5", "libc.so.6", true) };
            }

            if (type == typeof(TlsAccessModel?))
            {
                return TlsAccessModel.LocalExec;
            }

            if (type == typeof(IReadOnlyList<StaticTlsSymbol>))
            {
                return new[] { new StaticTlsSymbol(null, true, 2), new StaticTlsSymbol("errno_tls", false, 5) };
            }

            throw new InvalidOperationException("ElfScanResult." + property.Name + " has a type this test (and maybe ScanResultJson) does not know: " + type);
        }

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string text => "\"" + text + "\"",
            TlsBlock block => "block(" + block.Size + "," + block.Align + "," + block.InitializedSize + "," + block.VirtualAddress + ")",
            VersionRequirement requirement => "needs(" + requirement.File + "," + Describe(requirement.Versions) + "," + requirement.VersionsTotal + ")",
            StaticTlsSymbol symbol => "symbol(" + (symbol.Name ?? "<own>") + "," + symbol.DefinedHere + "," + symbol.RelocationCount + ")",
            IReadOnlyDictionary<string, int> counts => "{" + string.Join(",", counts.Select(pair => pair.Key + "=" + pair.Value)) + "}",
            System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Describe)) + "]",
            _ => value.ToString() ?? "",
        };
    }
}
