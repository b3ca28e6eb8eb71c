using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Whether a remembered scan result means what a scan would have produced: the fields agree with each other (a
    /// list's total is never below its length and equals it when the list is not at its cap, relocation names are TLS
    /// relocations of the machine in the right class, symbol counts add up to relocation counts, the object model
    /// follows from the relocations) and with the cache entry (its path, no error: failed scans are never remembered).
    /// A cache is a hint: anything this rejects is scanned again.
    /// </summary>
    public static class ScanResultValidation
    {
        /// <summary>Null when <paramref name="result"/> is consistent and belongs to <paramref name="fullPath"/>; otherwise what is wrong.</summary>
        public static string? Problem(ElfScanResult result, string fullPath)
        {
            if (result.Error != null)
            {
                return "a failed scan is never cached";
            }

            if (!SamePath(result.Path, fullPath))
            {
                return "the result is for " + result.Path + ", not " + fullPath;
            }

            return PlatformProblem(result)
                ?? ListProblem("needed", result.Needed.Count, result.NeededTotal, ScanLimits.Needed)
                ?? ListProblem("runpath", result.Runpath.Count, result.RunpathTotal, ScanLimits.SearchPathEntries)
                ?? ListProblem("rpath", result.Rpath.Count, result.RpathTotal, ScanLimits.SearchPathEntries)
                ?? ListProblem("staticTlsSymbols", result.StaticTlsSymbols.Count, result.StaticTlsSymbolsTotal, ScanLimits.StaticTlsSymbols)
                ?? ListProblem("definedTlsSymbols", result.DefinedTlsSymbols.Count, result.DefinedTlsSymbolsTotal, ScanLimits.DefinedTlsSymbols)
                ?? ListProblem("versionRequirements", result.VersionRequirements.Count, result.VersionRequirementsTotal, ScanLimits.VersionRequirements)
                ?? ListProblem("versionDefinitions", result.VersionDefinitions.Count, result.VersionDefinitionsTotal, ScanLimits.VersionDefinitions)
                ?? ListProblem("versionedImports", result.VersionedImports.Count, result.VersionedImportsTotal, ScanLimits.VersionedImports)
                ?? RequirementsProblem(result)
                ?? TlsBlockProblem(result.TlsBlock)
                ?? RelocationProblem(result);
        }

        private static string? PlatformProblem(ElfScanResult result)
        {
            if (result.Platform.Class != ElfClass.Elf32 && result.Platform.Class != ElfClass.Elf64)
            {
                return "unknown ELF class " + (int)result.Platform.Class;
            }

            if (result.Platform.ByteOrder != ElfData.LittleEndian && result.Platform.ByteOrder != ElfData.BigEndian)
            {
                return "unknown byte order " + (int)result.Platform.ByteOrder;
            }

            switch (result.FileType)
            {
                case ElfType.Relocatable:
                case ElfType.Executable:
                case ElfType.SharedObject:
                    // A successful scan of anything but a core file needs the machine's relocation table.
                    return TlsRelocationTables.ForMachine((ushort)result.Platform.Machine) == null ? "machine " + (int)result.Platform.Machine + " has no TLS relocation table" : null;
                case ElfType.Core:
                    return null;
                default:
                    return "unknown ELF type " + (int)result.FileType;
            }
        }

        private static string? ListProblem(string name, int count, int total, int cap)
        {
            if (count > cap)
            {
                return name + " holds " + count + " entries, more than its cap of " + cap;
            }

            if (total < count || (count < cap && total != count))
            {
                return name + "Total " + total + " does not match its " + count + " entries";
            }

            return null;
        }

        private static string? RequirementsProblem(ElfScanResult result)
        {
            var needed = new HashSet<string>(StringComparer.Ordinal);
            foreach (VersionRequirement requirement in result.VersionRequirements)
            {
                string? problem = ListProblem("versions of " + requirement.File, requirement.Versions.Count, requirement.VersionsTotal, ScanLimits.VersionsPerRequirement);
                if (problem != null)
                {
                    return problem;
                }

                foreach (string version in requirement.Versions)
                {
                    needed.Add(requirement.File + "\n" + version);
                }
            }

            // With every requirement listed in full, each import's version must be one of them.
            bool complete = result.VersionRequirementsTotal == result.VersionRequirements.Count && !AnyCapped(result);
            foreach (VersionedImport import in result.VersionedImports)
            {
                if (complete && !needed.Contains(import.File + "\n" + import.Version))
                {
                    return "import " + import.Symbol + " names " + import.Version + " of " + import.File + ", which no version requirement lists";
                }
            }

            return null;
        }

        private static bool AnyCapped(ElfScanResult result)
        {
            foreach (VersionRequirement requirement in result.VersionRequirements)
            {
                if (requirement.VersionsTotal != requirement.Versions.Count)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? TlsBlockProblem(TlsBlock? block)
        {
            if (block == null)
            {
                return null;
            }

            if (block.Size < 0 || block.InitializedSize < 0 || block.InitializedSize > block.Size)
            {
                return "TLS block sizes " + block.Size + "/" + block.InitializedSize + " are impossible";
            }

            if (block.Align < 0 || (block.Align & (block.Align - 1)) != 0)
            {
                return "TLS block alignment " + block.Align + " is not a power of two";
            }

            return null;
        }

        private static string? RelocationProblem(ElfScanResult result)
        {
            MachineTlsTable? table = TlsRelocationTables.ForMachine((ushort)result.Platform.Machine);
            long staticTotal = 0;
            bool sawLocalExec = false;
            foreach (KeyValuePair<string, int> pair in result.StaticTlsRelocations)
            {
                TlsRelocationClass? kind = table?.Find(pair.Key)?.ClassIn(result.FileType);
                if (kind == null || !kind.Value.NeedsStaticTls())
                {
                    return pair.Key + " is not a static-TLS relocation of " + result.Platform.Name;
                }

                sawLocalExec |= kind == TlsRelocationClass.LocalExec;
                staticTotal += pair.Value;
            }

            foreach (KeyValuePair<string, int> pair in result.DynamicTlsRelocations)
            {
                TlsRelocationClass? kind = table?.Find(pair.Key)?.ClassIn(result.FileType);
                if (kind != TlsRelocationClass.GeneralDynamic && kind != TlsRelocationClass.LocalDynamic && kind != TlsRelocationClass.Descriptor)
                {
                    return pair.Key + " is not a dynamic-TLS relocation of " + result.Platform.Name;
                }
            }

            long symbolTotal = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (StaticTlsSymbol symbol in result.StaticTlsSymbols)
            {
                if (symbol.RelocationCount < 1 || (symbol.IsOwnBlock && !symbol.DefinedHere) || !seen.Add((symbol.DefinedHere ? "1" : "0") + symbol.Name))
                {
                    return "static TLS symbol " + (symbol.Name ?? "(own block)") + " is listed wrongly";
                }

                symbolTotal += symbol.RelocationCount;
            }

            bool saturated = staticTotal >= int.MaxValue || result.StaticTlsSymbolsTotal > result.StaticTlsSymbols.Count;
            if (!saturated && symbolTotal != staticTotal)
            {
                return "static TLS symbols account for " + symbolTotal + " relocations, the counts for " + staticTotal;
            }

            TlsAccessModel? model = result.FileType == ElfType.Relocatable && staticTotal > 0
                ? (sawLocalExec ? TlsAccessModel.LocalExec : TlsAccessModel.InitialExec)
                : (TlsAccessModel?)null;
            return result.ObjectTlsModel == model ? null : "object TLS model " + (result.ObjectTlsModel?.ToString() ?? "none") + " does not follow from the relocations";
        }

        private static bool SamePath(string path, string fullPath)
        {
            try
            {
                return string.Equals(Path.GetFullPath(path), fullPath, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }
        }
    }
}
