using System.Reflection;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Tasks
{
    /// <summary>Who produced a cache or report: the released version, plus the build of the core for cache keys.</summary>
    internal static class ToolIdentity
    {
        private static readonly Assembly Core = typeof(LoadAnalyzer).Assembly;

        /// <summary>SemVer without build metadata, e.g. "0.1.0".</summary>
        public static string Version
        {
            get
            {
                var informational = Core.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                    ?? Core.GetName().Version?.ToString()
                    ?? "0.0.0";
                var plus = informational.IndexOf('+');
                return plus < 0 ? informational : informational.Substring(0, plus);
            }
        }

        /// <summary>
        /// The cache key: the version plus the core's module id, which changes with every rebuilt core, so a developer
        /// build never reuses results an older scanner produced under the same version number.
        /// </summary>
        public static string CacheKey => Version + "+" + Core.ManifestModule.ModuleVersionId.ToString("N");
    }
}
