using System.Globalization;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>The words of a set budget: the C library version (or worst range), machine and host it is for.</summary>
    public static class BudgetText
    {
        /// <summary>"glibc 2.36 (x86_64, the dotnet host)", "glibc 2.27–2.31 (x86_64, the dotnet host; the worst of ...)".</summary>
        public static string Target(LoadBudget budget)
        {
            var outcome = budget.Outcome;
            var machine = budget.Platform.Name;
            var details = outcome.Host == null ? machine : machine + ", " + LibcText.Host(outcome.Host.Kind);
            if (outcome.Host != null && outcome.Host.Source == HostDataSource.RuntimePack)
            {
                details += " with the runtime from " + outcome.Host.RuntimePack;
            }
            else if (outcome.Host != null && outcome.Host.Source == HostDataSource.Assumed)
            {
                details += " (figures not measured on this machine)";
            }

            var source = LibcText.Source(outcome.Judged);
            if (source.Length > 0)
            {
                details += "; " + source;
            }

            return LibcText.Versions(outcome.Judged, budget.Libc) + " (" + details + ")";
        }

        /// <summary>"2632 bytes of static TLS needed, 1672 available (1160 guaranteed)".</summary>
        public static string Figures(LoadBudget budget)
        {
            var text = Bytes(budget.RequiredBytes) + " of static TLS needed, " + Bytes(budget.ReserveBytes) + " available";
            if (budget.Libc.IsGlibc && budget.RequiredBytes > 0 && budget.GuaranteedBytes != budget.ReserveBytes)
            {
                text += " (" + budget.GuaranteedBytes.ToString(CultureInfo.InvariantCulture) + " guaranteed)";
            }

            return text;
        }

        private static string Bytes(long bytes) => bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
    }
}
