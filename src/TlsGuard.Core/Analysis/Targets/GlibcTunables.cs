using System;
using System.Collections.Generic;
using System.Globalization;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The glibc.rtld tunables that size the static TLS reserve, as GLIBC_TUNABLES spells them
    /// ("glibc.rtld.optional_static_tls=N:glibc.rtld.nns=M"). Parsed the way glibc parses them (elf/dl-tunables.c):
    /// unknown names are ignored, and so is a value outside its range (nns 1..16, optional_static_tls ≥ 0) — not clamped.
    /// </summary>
    public sealed record GlibcTunables(int? Namespaces, long? OptionalStaticTls)
    {
        public const int MinNamespaces = 1;
        public const int MaxNamespaces = 16;

        public static GlibcTunables None { get; } = new GlibcTunables(null, null);

        /// <summary>The value to paste after GLIBC_TUNABLES=, or empty when nothing is set.</summary>
        public string Text
        {
            get
            {
                var parts = new List<string>();
                if (Namespaces.HasValue)
                {
                    parts.Add("glibc.rtld.nns=" + Namespaces.Value.ToString(CultureInfo.InvariantCulture));
                }

                if (OptionalStaticTls.HasValue)
                {
                    parts.Add("glibc.rtld.optional_static_tls=" + OptionalStaticTls.Value.ToString(CultureInfo.InvariantCulture));
                }

                return string.Join(":", parts);
            }
        }

        public static GlibcTunables Parse(string? text)
        {
            int? namespaces = null;
            long? optional = null;
            var value0 = (text ?? "").Trim();
            const string Variable = "GLIBC_TUNABLES=";
            if (value0.StartsWith(Variable, StringComparison.Ordinal))
            {
                value0 = value0.Substring(Variable.Length);
            }

            foreach (var setting in value0.Split(':'))
            {
                var equals = setting.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var name = setting.Substring(0, equals).Trim();
                var value = setting.Substring(equals + 1).Trim();
                if (name == "glibc.rtld.nns" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var nns)
                    && nns >= MinNamespaces && nns <= MaxNamespaces)
                {
                    namespaces = nns;
                }
                else if (name == "glibc.rtld.optional_static_tls" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
                {
                    optional = bytes;
                }
            }

            return new GlibcTunables(namespaces, optional);
        }

        /// <summary>These settings with another's set values on top.</summary>
        public GlibcTunables With(GlibcTunables other) =>
            new GlibcTunables(other.Namespaces ?? Namespaces, other.OptionalStaticTls ?? OptionalStaticTls);
    }
}
