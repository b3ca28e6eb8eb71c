using System;
using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Core.Describe
{
    /// <summary>
    /// The one place findings are made: each decision of an analysis (and each stale baseline entry or bad setting) becomes a
    /// <see cref="Finding"/> with its message from the catalog, its properties and its fingerprint. Fingerprints are a
    /// public contract (baselines written by earlier releases must keep matching): change them only with a new key version.
    /// </summary>
    public static class FindingFactory
    {
        /// <summary>The findings of an analysis, in decision order.</summary>
        public static IReadOnlyList<Finding> Describe(AnalysisReport report)
        {
            var findings = new List<Finding>();
            foreach (var decision in report.Decisions)
            {
                var finding = Describe(decision);
                if (finding != null)
                {
                    findings.Add(finding);
                }
            }

            return findings;
        }

        /// <summary>The finding a decision stands for, or null for decisions that need no diagnostic (a library that loads).</summary>
        public static Finding? Describe(Decision decision) => decision switch
        {
            LibraryVerdict => null,
            StaticTlsRootCause cause => Library(cause.Verdict, cause.AlsoPulledInBy),
            LibcMismatch mismatch => Mismatch(mismatch),
            MissingDependency missing => Missing(missing),
            FlagWithoutRelocation flag => Flag(flag),
            UnreadableFile unreadable => Unreadable(unreadable),
            StaticTlsObjectCode objects => ObjectCode(objects),
            SetOverflow overflow => Overflow(overflow),
            _ => throw new ArgumentException("no finding is defined for " + decision.GetType().Name, nameof(decision)),
        };

        public static Finding StaleBaselineEntry(string baselinePath, BaselineEntry entry)
        {
            var descriptor = DiagnosticCatalog.StaleBaselineEntry;
            return new Finding(descriptor, baselinePath, FindingText.Invariant(descriptor.MessageFormat, baselinePath, entry))
            {
                Fingerprint = descriptor.Id + "|" + entry.Id + "|" + entry.Fingerprint,
                Properties = new Dictionary<string, string>
                {
                    ["baselineId"] = entry.Id,
                    ["baselineFingerprint"] = entry.Fingerprint,
                    ["baselineFile"] = entry.File,
                },
            };
        }

        /// <summary>A setting with a value TlsGuard does not accept; <paramref name="file"/> is where it was set (the project), if known.</summary>
        public static Finding InvalidSetting(string setting, string value, string accepted, string file)
        {
            var descriptor = DiagnosticCatalog.InvalidSetting;
            return new Finding(descriptor, file, FindingText.Invariant(descriptor.MessageFormat, setting, value, accepted))
            {
                Fingerprint = descriptor.Id + "|" + setting,
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["setting"] = setting,
                    ["value"] = value,
                },
            };
        }

        private static Finding Library(LibraryVerdict verdict, IReadOnlyList<LibraryVerdict> alsoPulledInBy)
        {
            var descriptor = verdict.Verdict == Verdict.Fails ? DiagnosticCatalog.LibraryFailsToLoad : DiagnosticCatalog.LibraryAtRisk;
            var moduleName = string.IsNullOrEmpty(verdict.Scan.Soname) ? verdict.Input.FileName : verdict.Scan.Soname!;
            var found = verdict.Consumers.Count > 0
                ? FindingText.Consumers(verdict.Consumers, verdict.RequiredStaticTlsBytes)
                : moduleName + " uses initial-exec TLS";
            var reasons = ReasonText.For(verdict, moduleName);
            if (reasons.Count > 0)
            {
                found += "; " + string.Join("; ", reasons);
            }

            var pulledInBy = new List<string>();
            foreach (var other in alsoPulledInBy)
            {
                pulledInBy.Add(FindingText.Display(other.Input));
            }

            if (pulledInBy.Count > 0)
            {
                found += "; " + (verdict.Offender?.Name ?? moduleName) + " is also loaded by " + FindingText.FirstFewAndCount(pulledInBy, 5);
            }

            var machine = verdict.Scan.Platform.Name;
            var message = FindingText.Invariant(
                descriptor.MessageFormat,
                FindingText.Display(verdict.Input),
                found,
                LibcText.Target(verdict.Budget?.Judged, verdict.Libc, machine),
                RemedyText.Summary(verdict.Remedy!),
                LoaderErrorText.For(verdict.Budget, verdict.Libc));
            var offender = verdict.Offender;
            var relocations = offender?.Relocations ?? verdict.Scan.StaticTlsRelocations;
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["verdict"] = VerdictNames.ToName(verdict.Verdict),
                ["requiredBytes"] = Number(verdict.RequiredStaticTlsBytes),
                ["reserveBytes"] = Number(verdict.ReserveBytes),
                ["guaranteedBytes"] = Number(verdict.GuaranteedBytes),
                ["libc"] = verdict.Libc.Name,
                ["machine"] = machine,
                ["relocations"] = FindingText.RelocationList(relocations),
                ["preload"] = "LD_PRELOAD=/path/to/" + (offender?.Name ?? moduleName),
            };
            if (verdict.Chain.Count > 0)
            {
                properties["chain"] = FindingText.Chain(verdict.Chain);
            }

            if (pulledInBy.Count > 0)
            {
                properties["pulledInBy"] = string.Join(";", pulledInBy);
            }

            if (offender != null && (offender.Origin == ModuleOrigin.ThisMachine || offender.Origin == ModuleOrigin.Sysroot))
            {
                properties["offenderPath"] = offender.Path;
            }

            if (offender != null)
            {
                properties["offender"] = offender.Name;
                properties["tlsBlockBytes"] = Number(offender.Size);
                properties["tlsBlockAlign"] = Number(offender.Align);
            }

            if (verdict.Remedy!.GlibcTunables != null)
            {
                properties["tunable"] = verdict.Remedy.GlibcTunables;
            }

            if (verdict.Remedy.Known != null)
            {
                properties["knownLibrary"] = verdict.Remedy.Known.Name;
            }

            var chainKey = verdict.Chain.Count > 0 ? string.Join(">", verdict.Chain) + "|" : "";
            return new Finding(descriptor, verdict.Input.Path, message)
            {
                PackageId = verdict.Input.PackageId,
                PackageVersion = verdict.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, verdict.Input.FileName, verdict.Libc.FingerprintName)
                    + "|" + chainKey + string.Join(",", new List<string>(relocations.Keys)) + "|" + Number(verdict.RequiredStaticTlsBytes),
                Properties = properties,
            };
        }

        private static Finding Missing(MissingDependency missing)
        {
            var descriptor = DiagnosticCatalog.DependencyNotFound;
            var requester = missing.RequesterChain.Count == 0
                ? FindingText.Display(missing.Input)
                : FindingText.Display(missing.Input) + " -> " + FindingText.Chain(missing.RequesterChain);
            if (missing.AlsoNeededBy.Count > 0)
            {
                var others = new List<string>();
                foreach (var input in missing.AlsoNeededBy)
                {
                    others.Add(FindingText.Display(input));
                }

                requester += " (and " + FindingText.FirstFewAndCount(others, 3) + ")";
            }

            var message = FindingText.Invariant(
                descriptor.MessageFormat,
                requester,
                missing.Needed,
                FindingText.FirstFewAndCount(missing.Searched, 6),
                SystemSearchHint(missing));
            return new Finding(descriptor, missing.Input.Path, message)
            {
                PackageId = missing.Input.PackageId,
                PackageVersion = missing.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, missing.Requester, missing.Needed),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["needed"] = missing.Needed,
                    ["requester"] = missing.Requester,
                    ["searched"] = string.Join(";", missing.Searched),
                    ["neededBy"] = Number(missing.AlsoNeededBy.Count + 1),
                },
            };
        }

        private static string SystemSearchHint(MissingDependency missing)
        {
            var target = missing.Target;
            switch (missing.SystemSearch)
            {
                case SystemSearchState.TurnedOff:
                    return " (this machine's libraries are not searched: TlsGuardSystemLibraries=false or --system-libraries off)";
                case SystemSearchState.NoStandIn when target != null:
                    return " (this machine cannot stand in for " + target.Libc.DisplayName + " on " + missing.Platform.Name
                        + ": give the target's root with TlsGuardSysroot or --sysroot)";
                default:
                    return "";
            }
        }

        private static Finding Mismatch(LibcMismatch mismatch)
        {
            var fails = mismatch.Verdict == Verdict.Fails;
            var descriptor = fails ? DiagnosticCatalog.BuiltForOtherLibc : DiagnosticCatalog.MayNeedOtherLibc;
            var library = mismatch.Input.FileName;
            var built = LibcText.Family(mismatch.Built.Family) + " (" + mismatch.Built.Evidence + ")";
            var target = mismatch.Target.DisplayName;
            var evidence = mismatch.Reason == LibcMismatchReason.LinkedAgainstGlibc
                ? (fails ? "'" + LoaderErrorText.For(null, mismatch.Target) + "'" : MismatchText.Uncertainty(mismatch))
                : "'" + MismatchText.LoaderError(mismatch, library) + "'";
            if (mismatch.StaticTlsVerdict >= Verdict.AtRisk && !(fails && mismatch.Reason == LibcMismatchReason.LinkedAgainstGlibc))
            {
                evidence += mismatch.StaticTlsBytes > 0
                    ? FindingText.Invariant("; it also needs {0} bytes of static TLS", mismatch.StaticTlsBytes)
                    : "; it also uses initial-exec TLS of a size that could not be read";
            }

            var pulledInBy = new List<string>();
            foreach (var dependent in mismatch.PulledInBy)
            {
                pulledInBy.Add(FindingText.Display(dependent));
            }

            var subject = FindingText.Display(mismatch.Input) + (pulledInBy.Count > 0 ? " (needed by " + FindingText.FirstFewAndCount(pulledInBy, 5) + ")" : "");
            var message = FindingText.Invariant(descriptor.MessageFormat, subject, built, target, evidence, MismatchText.Fix(mismatch));
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["builtFor"] = LibcText.Family(mismatch.Built.Family),
                ["libc"] = mismatch.Target.Name,
                ["reason"] = MismatchText.ReasonName(mismatch.Reason),
                ["subject"] = mismatch.Subject,
                ["verdict"] = VerdictNames.ToName(mismatch.Verdict),
            };
            if (pulledInBy.Count > 0)
            {
                properties["pulledInBy"] = string.Join(";", pulledInBy);
            }

            return new Finding(descriptor, mismatch.Input.Path, message)
            {
                PackageId = mismatch.Input.PackageId,
                PackageVersion = mismatch.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, library, mismatch.Target.FingerprintName, mismatch.Reason.ToString(), mismatch.Subject),
                Properties = properties,
            };
        }

        private static Finding Flag(FlagWithoutRelocation flag)
        {
            var descriptor = DiagnosticCatalog.StaticTlsFlagWithoutRelocation;
            return new Finding(descriptor, flag.Input.Path, FindingText.Invariant(descriptor.MessageFormat, FindingText.Display(flag.Input)))
            {
                PackageId = flag.Input.PackageId,
                PackageVersion = flag.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, flag.Input.FileName),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["tlsBlockBytes"] = Number(flag.TlsBlockBytes) },
            };
        }

        private static Finding Unreadable(UnreadableFile unreadable)
        {
            var descriptor = DiagnosticCatalog.FileUnreadable;
            var message = FindingText.Invariant(descriptor.MessageFormat, FindingText.Display(unreadable.Input), unreadable.Reason);
            return new Finding(descriptor, unreadable.Input.Path, message)
            {
                PackageId = unreadable.Input.PackageId,
                PackageVersion = unreadable.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, unreadable.Input.FileName),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["reason"] = unreadable.Reason },
            };
        }

        private static Finding ObjectCode(StaticTlsObjectCode objects)
        {
            var descriptor = DiagnosticCatalog.ObjectUsesStaticTlsModel;
            var model = objects.Model == Scanning.TlsAccessModel.LocalExec ? "local-exec" : "initial-exec";
            var display = FindingText.Display(objects.Input);
            var flaggedCount = objects.FlaggedMembers.Count > 0 ? objects.FlaggedMembers.Count : 1;
            if (objects.FlaggedMembers.Count > 0)
            {
                display += FindingText.Invariant(
                    " ({0} of {1} members: {2})", objects.FlaggedMembers.Count, objects.ObjectCount, FindingText.FirstFew(objects.FlaggedMembers, 5));
            }

            var found = FindingText.Relocations(objects.Relocations) + ", " + (objects.MixesModels ? "initial-exec and local-exec models" : model + " model");
            if (objects.Symbols.Count > 0)
            {
                var symbols = new List<string>();
                for (var i = 0; i < objects.Symbols.Count && i < 5; i++)
                {
                    symbols.Add(objects.Symbols[i]);
                }

                found += " for " + string.Join(", ", symbols);
            }

            var message = FindingText.Invariant(descriptor.MessageFormat, display, found, RemedyText.Summary(objects.Remedy));
            return new Finding(descriptor, objects.Input.Path, message)
            {
                PackageId = objects.Input.PackageId,
                PackageVersion = objects.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, objects.Input.FileName, model, string.Join(",", new List<string>(objects.Relocations.Keys))),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["model"] = model,
                    ["relocations"] = FindingText.RelocationList(objects.Relocations),
                    ["members"] = Number(flaggedCount),
                },
            };
        }

        private static Finding Overflow(SetOverflow overflow)
        {
            var descriptor = DiagnosticCatalog.LoadSetOverflows;
            var members = new List<string>();
            var names = new List<string>();
            foreach (var member in overflow.Members)
            {
                members.Add(FindingText.Invariant("{0} ({1} bytes)", member.Name, member.Bytes));
                names.Add(member.Name);
            }

            var remedyText = "load fewer of them into one process, or fix the largest one (" + overflow.Largest.Name + "); " + RemedyText.Summary(overflow.Remedy);
            var machine = overflow.Platform.Name;
            var message = FindingText.Invariant(
                descriptor.MessageFormat,
                FindingText.List(members),
                overflow.Budget.RequiredBytes,
                overflow.Budget.ReserveBytes,
                LibcText.Target(overflow.Budget.Judged, overflow.Libc, machine),
                remedyText);
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["libraries"] = string.Join(",", names),
                ["requiredBytes"] = Number(overflow.Budget.RequiredBytes),
                ["reserveBytes"] = Number(overflow.Budget.ReserveBytes),
                ["libc"] = overflow.Libc.Name,
                ["machine"] = machine,
            };
            if (overflow.Remedy.GlibcTunables != null)
            {
                properties["tunable"] = overflow.Remedy.GlibcTunables;
            }

            var sorted = new List<string>(names);
            sorted.Sort(StringComparer.Ordinal);
            return new Finding(descriptor, overflow.Input.Path, message)
            {
                PackageId = overflow.Input.PackageId,
                PackageVersion = overflow.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, overflow.Libc.FingerprintName, machine, string.Join(",", sorted)) + "|" + Number(overflow.Budget.RequiredBytes),
                Properties = properties,
            };
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
