using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TlsGuard.PackageLab
{
    /// <summary>
    /// A real loader of this machine standing in for a target: which C library it is, whether it is a .NET host, and for a
    /// bare glibc C host the folder its C library comes from (to tell a symbol a .NET host would have loaded).
    /// </summary>
    public sealed record RealLoader(string Name, string Libc, LabLoadHost Host, bool IsDotnetHost, string? LibraryFolder = null);

    /// <summary>
    /// Holds a prediction against a real load. Fails ↔ fails, with the loader's own error for the cause TlsGuard named;
    /// loads ↔ none, fits or at risk. A real failure TlsGuard did not predict is accepted only when TlsGuard said why it
    /// could not know: the loader stopped at a library TlsGuard reported as not found (TLS005), or, in a bare C host, at
    /// a library every .NET process has loaded before a P/Invoke (libstdc++.so.6 ...: this machine has no musl build of
    /// them). Everything else is a disagreement, returned as a sentence.
    /// </summary>
    public static class LoadAgreement
    {
        private static readonly Regex GlibcMissingFile = new Regex(@"(?<name>[^\s:'/]+): cannot open shared object file");
        private static readonly Regex MuslMissingFile = new Regex(@"Error loading shared library (?:\S*/)?(?<name>[^\s/]+): No such file or directory");
        private static readonly Regex MissingSymbol = new Regex(@"(?:undefined symbol: (?<symbol>\S+)|: (?<symbol>\S+): symbol not found)");
        private static readonly Regex StaticTls = new Regex(@"(?:\S*/)?(?<name>[^\s/]+): cannot allocate memory in static TLS block");

        public static string? Check(string file, LoadClaim claim, LoadRecord real, RealLoader loader, ISet<string> knownMissing, ISet<string> hostLibraries)
        {
            var what = file + ": TlsGuard " + claim + ", " + loader.Name + " ";
            if (claim.JudgedFor != null && !claim.JudgedFor.StartsWith(loader.Libc, StringComparison.Ordinal))
            {
                return what + "is not what loads it: TlsGuard judged it for " + claim.JudgedFor + ", this folder is loaded by " + loader.Libc;
            }

            if (real.Loaded)
            {
                return claim.Outcome == PredictedOutcome.Fails ? what + "loads it" : null;
            }

            var message = Normalize(real.Message, file);
            var said = what + "says: " + message;
            var staticTls = StaticTls.Match(message);
            if (staticTls.Success)
            {
                return claim.Outcome == PredictedOutcome.Fails && claim.StaticTlsModule == staticTls.Groups["name"].Value ? null : said;
            }

            if (claim.QuotedLoaderError != null && message.Contains(claim.QuotedLoaderError, StringComparison.Ordinal))
            {
                return null;
            }

            var missing = GlibcMissingFile.Match(message);
            if (!missing.Success)
            {
                missing = MuslMissingFile.Match(message);
            }

            if (missing.Success)
            {
                var name = missing.Groups["name"].Value;
                var known = knownMissing.Contains(name) || (!loader.IsDotnetHost && hostLibraries.Contains(name));
                if (known && claim.Outcome != PredictedOutcome.Fails)
                {
                    return null;
                }

                // A C-library mismatch the loader did not get to: musl maps DT_NEEDED in order before any relocation, so
                // a library TlsGuard knows is absent that comes before the file TlsGuard named stops it first.
                if (known && claim.QuotedLoaderError != null && claim.StaticTlsModule == null && ComesFirst(name, claim.Subject, file))
                {
                    return null;
                }

                return said;
            }

            var symbol = MissingSymbol.Match(message);
            if (symbol.Success)
            {
                var fromHost = !loader.IsDotnetHost && loader.LibraryFolder != null && claim.Outcome != PredictedOutcome.Fails
                    && DefinedByHostLibrary(symbol.Groups["symbol"].Value, loader.LibraryFolder, hostLibraries);
                return claim.Outcome == PredictedOutcome.MayFail || fromHost ? null : said;
            }

            return said;
        }

        /// <summary>
        /// Whether one of the libraries a .NET host has loaded (libm.so.6 for libe_sqlite3's trunc: it does not list libm
        /// itself) defines the symbol, in the bare host's own C library folder (readelf --dyn-syms).
        /// </summary>
        private static bool DefinedByHostLibrary(string symbol, string folder, ISet<string> hostLibraries)
        {
            foreach (var name in hostLibraries)
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path) && Readelf.DefinedSymbols(path).Contains(symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The loader names the file by the path it was given; TlsGuard's quotes name it by file name.</summary>
        private static string Normalize(string message, string file)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file)) + "/";
            return message.Replace(folder, "", StringComparison.Ordinal);
        }

        /// <summary>Whether <paramref name="name"/> comes before the needed file <paramref name="subject"/> in the file's DT_NEEDED (any missing library comes before a symbol).</summary>
        private static bool ComesFirst(string name, string? subject, string file)
        {
            var needed = Readelf.Needed(file).ToList();
            var nameAt = needed.IndexOf(name);
            var subjectAt = subject == null ? -1 : needed.IndexOf(subject);
            return subjectAt < 0 || (nameAt >= 0 && nameAt < subjectAt);
        }
    }
}
