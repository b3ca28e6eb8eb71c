using System;
using System.Collections.Generic;
using System.IO;

namespace TlsGuard.PackageLab
{
    /// <summary>
    /// A warning held against reality. True: a real load confirms it (or it says "may fail" and nothing contradicts it);
    /// False: the real load contradicts it, or it is about something that is not a library; null: no loader of its
    /// target here, and readelf confirms the file was built for another C library than its folder's.
    /// </summary>
    public sealed record WarningTruth(string Id, string RelativePath, bool? True, string Explanation);

    /// <summary>Judges a TLS0xx warning about a file of an output folder by the real loader of that file's folder.</summary>
    public static class WarningJudge
    {
        /// <param name="id">The warning's code.</param>
        /// <param name="message">Its message.</param>
        /// <param name="folder">The build's output (or publish) folder.</param>
        /// <param name="relative">The file the warning is about, relative to <paramref name="folder"/>.</param>
        /// <param name="loader">The loader that loads that file on this machine; null: none here.</param>
        /// <param name="loaders">This machine's loaders (loads are cached there).</param>
        /// <param name="cache">The lab's facts (readelf), for files no loader here can load.</param>
        /// <param name="missing">The names TlsGuard reports as not found for the file's target (TLS005): what it said it could not know.</param>
        /// <param name="warnedFile">The file the warning names (a package's copy), when it is not the output's own.</param>
        public static WarningTruth Judge(string id, string message, string folder, string relative, RealLoader? loader, RealLoaders loaders, RealPackageCache cache, Func<ISet<string>> missing, string? warnedFile = null)
        {
            WarningTruth Truth(bool? isTrue, string explanation) => new WarningTruth(id, relative, isTrue, explanation);
            var path = Path.Combine(folder, relative);
            if (!File.Exists(path))
            {
                return Truth(false, "names no file of " + folder);
            }

            if (warnedFile != null && File.Exists(warnedFile) && RealPackageCache.Sha256(warnedFile) != RealPackageCache.Sha256(path))
            {
                return Truth(false, "about " + warnedFile + ", but the output has another file of that name (" + cache.FactsOf(path) + ")");
            }

            if (id == "TLS004")
            {
                return Truth(false, "on a " + OutputInventory.Kind(path) + " file, which nothing dlopens as a Linux library");
            }

            var claim = LoadClaim.FromWarning(id, message);
            if (claim == null)
            {
                return Truth(false, "is not a load prediction: " + message);
            }

            if (loader == null)
            {
                var facts = cache.FactsOf(path);
                var folderLibc = relative.Contains("-musl-", StringComparison.Ordinal) ? LibcFamily.Musl
                    : relative.Contains("android-", StringComparison.Ordinal) || relative.Contains("-bionic-", StringComparison.Ordinal) ? LibcFamily.Bionic
                    : LibcFamily.Glibc;
                return id == "TLS009" && facts != null && facts.Libc != folderLibc && facts.Libc != LibcFamily.None
                    ? Truth(null, "no loader for its folder here; readelf: built for " + facts.Libc + " in a " + folderLibc + " folder")
                    : Truth(false, "no loader for its folder here and readelf does not confirm it");
            }

            var load = loaders.Load(loader, path);
            var disagreement = LoadAgreement.Check(path, claim, load, loader, missing(), loaders.HostLibraries);
            return disagreement == null
                ? Truth(true, loader.Name + ": " + (load.Loaded ? "loads" : load.Message))
                : Truth(false, disagreement);
        }
    }
}
