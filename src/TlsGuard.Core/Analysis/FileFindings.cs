using System;
using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Findings about a file rather than a load: unreadable files (TLS004) and object code compiled for static TLS (TLS003).</summary>
    internal static class FileFindings
    {
        public static Finding Unreadable(LibraryInput input, string reason)
        {
            var message = FindingText.Invariant(DiagnosticCatalog.FileUnreadable.MessageFormat, FindingText.Display(input), reason);
            return new Finding(DiagnosticCatalog.FileUnreadable, input.Path, message)
            {
                PackageId = input.PackageId,
                PackageVersion = input.PackageVersion,
                Fingerprint = string.Join("|", DiagnosticCatalog.FileUnreadable.Id, PathText.FileName(input.Path)),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["reason"] = reason },
            };
        }

        /// <summary>One finding per object file or archive, summing the members that carry initial-exec or local-exec relocations.</summary>
        public static Finding? StaticTlsObjects(LibraryInput input, IReadOnlyList<ElfScanResult> objects)
        {
            var flagged = new List<ElfScanResult>();
            var relocations = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var symbols = new List<string>();
            var strongest = TlsAccessModel.InitialExec;
            foreach (var scan in objects)
            {
                if (scan.ObjectTlsModel == null || scan.StaticTlsRelocations.Count == 0)
                {
                    continue;
                }

                flagged.Add(scan);
                if (scan.ObjectTlsModel == TlsAccessModel.LocalExec)
                {
                    strongest = TlsAccessModel.LocalExec;
                }

                foreach (var pair in scan.StaticTlsRelocations)
                {
                    relocations.TryGetValue(pair.Key, out var count);
                    relocations[pair.Key] = count + pair.Value;
                }

                foreach (var symbol in scan.StaticTlsSymbols)
                {
                    if (symbol.Name != null && !symbols.Contains(symbol.Name))
                    {
                        symbols.Add(symbol.Name);
                    }
                }
            }

            if (flagged.Count == 0)
            {
                return null;
            }

            var model = strongest == TlsAccessModel.LocalExec ? "local-exec" : "initial-exec";
            var display = FindingText.Display(input);
            if (flagged[0].ArchiveMember != null)
            {
                var members = new List<string>();
                foreach (var scan in flagged)
                {
                    members.Add(scan.ArchiveMember!);
                }

                display += FindingText.Invariant(
                    " ({0} of {1} members: {2})",
                    flagged.Count,
                    objects.Count,
                    members.Count <= 5 ? string.Join(", ", members) : string.Join(", ", members.GetRange(0, 5)) + ", ...");
            }

            var found = FindingText.Relocations(relocations) + ", " + model + " model";
            if (symbols.Count > 0)
            {
                found += " for " + string.Join(", ", symbols.Count <= 5 ? symbols : symbols.GetRange(0, 5));
            }

            var remedy = RemedyAdvisor.ForObject(PathText.FileName(input.Path), symbols);
            var message = FindingText.Invariant(DiagnosticCatalog.ObjectUsesStaticTlsModel.MessageFormat, display, found, remedy.Summary);
            return new Finding(DiagnosticCatalog.ObjectUsesStaticTlsModel, input.Path, message)
            {
                PackageId = input.PackageId,
                PackageVersion = input.PackageVersion,
                Fingerprint = string.Join("|", DiagnosticCatalog.ObjectUsesStaticTlsModel.Id, PathText.FileName(input.Path), model, string.Join(",", new List<string>(relocations.Keys))),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["model"] = model,
                    ["relocations"] = FindingText.RelocationList(relocations),
                    ["members"] = flagged.Count.ToString(CultureInfo.InvariantCulture),
                },
            };
        }
    }
}
