using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace TlsGuard.PackageLab
{
    /// <summary>What TlsGuard says a real load of a library will do.</summary>
    public enum PredictedOutcome
    {
        /// <summary>None, fits, or at risk without a C-library doubt: the loader maps it (today).</summary>
        Loads,

        /// <summary>TLS011 (built for glibc, on musl, nothing certain) or TLS002: either outcome is what was said.</summary>
        MayFail,

        /// <summary>TLS001 or TLS009.</summary>
        Fails,
    }

    /// <summary>
    /// One prediction in the terms a real load can confirm: the outcome; for static TLS the module whose TLS does not fit;
    /// for a C-library mismatch the loader error TlsGuard quotes and the C library it judged for.
    /// </summary>
    public sealed record LoadClaim(string Source, PredictedOutcome Outcome, string? StaticTlsModule = null, string? QuotedLoaderError = null, string? JudgedFor = null, string? Subject = null)
    {
        private static readonly Regex Quoted = new Regex(@"(?:will|may) not load on (?<libc>[^:']+): '(?<text>.*?)'(?:\. Fix|; it also|\.$)", RegexOptions.Singleline);
        private static readonly Regex JudgedOn = new Regex(@"(?:will|may) not load on (?<libc>[^:']+):");
        private static readonly Regex NeededFile = new Regex(@"^(?:Error loading shared library (?<name>[^\s:]+):|(?<name>[^\s:]+): cannot open shared object file)");
        private static readonly Regex StaticTlsChain = new Regex(@"\): (?<chain>\S+(?: -> \S+)*) needs \d+ bytes of static TLS");

        /// <summary>A warning the package logged (or the CLI reported), as a claim about the file it names.</summary>
        public static LoadClaim? FromWarning(string id, string message)
        {
            switch (id)
            {
                case "TLS001":
                    var chain = StaticTlsChain.Match(message);
                    return new LoadClaim(id, PredictedOutcome.Fails, StaticTlsModule: chain.Success ? chain.Groups["chain"].Value.Split(" -> ").Last() : null);
                case "TLS009":
                    var quoted = Quoted.Match(message);
                    var text = quoted.Success ? quoted.Groups["text"].Value : null;
                    var file = text == null ? null : NeededFile.Match(text);
                    return new LoadClaim(id, PredictedOutcome.Fails, QuotedLoaderError: text, JudgedFor: quoted.Success ? quoted.Groups["libc"].Value : null,
                        Subject: file != null && file.Success ? file.Groups["name"].Value : null);
                case "TLS011":
                    var judged = JudgedOn.Match(message);
                    return new LoadClaim(id, PredictedOutcome.MayFail, JudgedFor: judged.Success ? judged.Groups["libc"].Value : null);
                case "TLS002":
                    return new LoadClaim(id, PredictedOutcome.MayFail);
                default:
                    return null;
            }
        }

        /// <summary>The CLI's verdict for a file with the findings filed on it.</summary>
        public static LoadClaim FromReport(CliReport report, CliFile file)
        {
            var findings = report.About(file.Path).ToList();
            var libc = findings.FirstOrDefault(f => f.Id == "TLS009");
            if (libc != null)
            {
                return FromWarning("TLS009", libc.Message)! with { Subject = libc.Property("subject") };
            }

            if (file.Verdict == "fails" && file.Chain.Count > 1 && DependencyMismatch(report, file) is CliFinding dependency)
            {
                return FromWarning("TLS009", dependency.Message)! with { Source = "verdict fails through " + file.Chain.Last(), Subject = dependency.Property("subject") };
            }

            if (file.Verdict == "fails")
            {
                return new LoadClaim("verdict fails", PredictedOutcome.Fails, StaticTlsModule: file.Chain.Count > 0 ? file.Chain.Last() : file.FileName);
            }

            var doubt = findings.FirstOrDefault(f => f.Id == "TLS011");
            return doubt != null ? FromWarning("TLS011", doubt.Message)! : new LoadClaim("verdict " + file.Verdict, PredictedOutcome.Loads);
        }

        /// <summary>The TLS009 of the module a failing verdict's chain ends in, when that module is one of the report's files.</summary>
        private static CliFinding? DependencyMismatch(CliReport report, CliFile file)
        {
            var module = file.Chain.Last();
            var folder = System.IO.Path.GetDirectoryName(file.Path);
            return report.Files
                .Where(f => (f.Soname == module || f.FileName == module) && System.IO.Path.GetDirectoryName(f.Path) == folder)
                .SelectMany(f => report.About(f.Path))
                .FirstOrDefault(f => f.Id == "TLS009");
        }

        public override string ToString() => Source + " (" + Outcome + (StaticTlsModule == null ? "" : ", static TLS of " + StaticTlsModule)
            + (QuotedLoaderError == null ? "" : ", quoting '" + QuotedLoaderError + "'") + (JudgedFor == null ? "" : ", judged for " + JudgedFor) + ")";
    }
}
