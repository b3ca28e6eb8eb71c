using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// DT_VERNEED and DT_VERDEF, read through the dynamic segment (so a file without section headers gives the same
    /// answer): the versions needed from each file and the versions defined here, recorded in the scan result, and the
    /// version indexes DT_VERSYM refers to. Chains are followed the way the GNU versioning specification and readelf do
    /// (vn_next/vna_next relative to the entry, at most DT_VERNEEDNUM entries); every step must move forward by at least
    /// one entry and no auxiliary entry is read twice, so a corrupt chain cannot loop or make the walk quadratic.
    /// </summary>
    internal sealed class SymbolVersions
    {
        /// <summary>VER_FLG_BASE: the definition that names the file itself.</summary>
        private const ushort BaseFlag = 1;

        private readonly Dictionary<ushort, Needed> needed = new Dictionary<ushort, Needed>();
        private readonly HashSet<ushort> defined = new HashSet<ushort>();

        private SymbolVersions()
        {
        }

        public static SymbolVersions Read(ElfImage image, DynamicInfo info, LoadSegmentMap map, StringTable? strings, ScanResultBuilder builder)
        {
            var versions = new SymbolVersions();
            ulong? needs = info.Get(DynamicTag.VersionNeeds);
            ulong? definitions = info.Get(DynamicTag.VersionDefinitions);
            if (needs == null && definitions == null)
            {
                return versions;
            }

            // The entries are walked through a small window of their own and their names read through the image's: through
            // one shared window, each entry and its name would evict each other and every step would read the file again;
            // through the bulk window, the few hundred bytes of entries would cost a 64 KB read.
            using (WindowedReader entries = image.OpenReader(BufferPool.SmallSize))
            {
                if (needs != null)
                {
                    versions.ReadNeeds(entries, image.Length, map, Require(strings, "DT_VERNEED"), needs.Value, info.Get(DynamicTag.VersionNeedCount), builder);
                }

                if (definitions != null)
                {
                    versions.ReadDefinitions(entries, image.Length, map, Require(strings, "DT_VERDEF"), definitions.Value, info.Get(DynamicTag.VersionDefinitionCount), builder);
                }
            }

            return versions;
        }

        /// <summary>The needed version and its file for a DT_VERSYM index (hidden bit already removed); false when no DT_VERNEED entry has it.</summary>
        public bool TryGetNeeded(ushort index, out string version, out string file)
        {
            if (needed.TryGetValue(index, out Needed entry))
            {
                version = entry.Version;
                file = entry.File;
                return true;
            }

            version = "";
            file = "";
            return false;
        }

        public bool IsDefined(ushort index) => defined.Contains(index);

        private void ReadNeeds(WindowedReader entries, long fileLength, LoadSegmentMap map, StringTable strings, ulong address, ulong? count, ScanResultBuilder builder)
        {
            var visitedAux = new HashSet<long>();
            var steps = new StepGuard(fileLength, "DT_VERNEED");
            ulong relative = 0;
            for (ulong n = 0; count == null || n < count.Value; n++)
            {
                steps.Take();
                VersionNeed need = entries.VersionNeedAt(map.ToOffset(address + relative, ElfDecoder.VersionNeedSize, "DT_VERNEED entry"));
                string file = strings.Path(need.FileNameOffset, "DT_VERNEED file name");
                var names = new Capped<string>(ScanLimits.VersionsPerRequirement);
                ulong auxRelative = relative + need.AuxOffset;
                for (int a = 0; a < need.AuxCount; a++)
                {
                    steps.Take();
                    long auxOffset = map.ToOffset(address + auxRelative, ElfDecoder.VersionNeedAuxSize, "DT_VERNEED auxiliary entry");
                    if (!visitedAux.Add(auxOffset))
                    {
                        throw new ElfFormatException("DT_VERNEED auxiliary entries are shared or form a loop");
                    }

                    VersionNeedAux aux = entries.VersionNeedAuxAt(auxOffset);
                    string version = strings.Path(aux.NameOffset, "DT_VERNEED version name");
                    names.Add(version);
                    needed[aux.Index] = new Needed(version, file);
                    if (aux.NextOffset == 0)
                    {
                        break;
                    }

                    auxRelative += Forward(aux.NextOffset, ElfDecoder.VersionNeedAuxSize, "vna_next");
                }

                builder.VersionRequirements.Add(new VersionRequirement(file, names.ToArray()) { VersionsTotal = names.Total });
                if (need.NextOffset == 0)
                {
                    break;
                }

                relative += Forward(need.NextOffset, ElfDecoder.VersionNeedSize, "vn_next");
            }
        }

        private void ReadDefinitions(WindowedReader entries, long fileLength, LoadSegmentMap map, StringTable strings, ulong address, ulong? count, ScanResultBuilder builder)
        {
            var steps = new StepGuard(fileLength, "DT_VERDEF");
            ulong relative = 0;
            for (ulong n = 0; count == null || n < count.Value; n++)
            {
                steps.Take();
                VersionDefinition definition = entries.VersionDefinitionAt(map.ToOffset(address + relative, ElfDecoder.VersionDefinitionSize, "DT_VERDEF entry"));
                defined.Add(definition.Index);
                if ((definition.Flags & BaseFlag) == 0 && definition.AuxCount > 0)
                {
                    if (builder.VersionDefinitions.IsFull)
                    {
                        builder.VersionDefinitions.CountOnly();
                    }
                    else
                    {
                        // The first auxiliary entry is the version's own name; later ones name its parents.
                        long auxOffset = map.ToOffset(address + relative + definition.AuxOffset, ElfDecoder.VersionDefinitionAuxSize, "DT_VERDEF auxiliary entry");
                        VersionDefinitionAux aux = entries.VersionDefinitionAuxAt(auxOffset);
                        builder.VersionDefinitions.Add(strings.Path(aux.NameOffset, "DT_VERDEF version name"));
                    }
                }

                if (definition.NextOffset == 0)
                {
                    break;
                }

                relative += Forward(definition.NextOffset, ElfDecoder.VersionDefinitionSize, "vd_next");
            }
        }

        private static ulong Forward(uint next, int entrySize, string field)
        {
            if (next < (uint)entrySize)
            {
                throw new ElfFormatException(field + " " + next + " does not move past its own entry");
            }

            return next;
        }

        private static StringTable Require(StringTable? strings, string tag) =>
            strings ?? throw new ElfFormatException(tag + " without a DT_STRTAB");

        private readonly struct Needed
        {
            public Needed(string version, string file)
            {
                Version = version;
                File = file;
            }

            public string Version { get; }
            public string File { get; }
        }

        /// <summary>No chain can have more entries than the file has bytes for; counts steps against that.</summary>
        private sealed class StepGuard
        {
            private readonly string what;
            private long remaining;

            public StepGuard(long fileLength, string what)
            {
                this.what = what;
                remaining = fileLength / 8 + 1;
            }

            public void Take()
            {
                if (--remaining < 0)
                {
                    throw new ElfFormatException(what + " has more entries than the file can hold");
                }
            }
        }
    }
}
