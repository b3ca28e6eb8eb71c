using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>Turns a measurement into the violations it shows against a budget; empty when the scan behaved.</summary>
    internal static class ScanJudge
    {
        public static List<Violation> Judge(ScanMeasurement m, ScanBudget budget)
        {
            var violations = new List<Violation>();
            foreach (ElfScanResult result in m.Results)
            {
                if (result.Error != null && !ErrorShapes.IsDocumented(result.Error))
                {
                    violations.Add(new Violation(ViolationKind.UndocumentedError, result.DisplayPath + ": " + result.Error));
                }
            }

            if (m.InputLength <= ScanBudget.LargestBudgetedInput && m.AllocatedBytes > budget.AllocationBytes)
            {
                violations.Add(new Violation(ViolationKind.Allocation, m.AllocatedBytes + " bytes allocated for a " + m.InputLength + "-byte input (budget " + budget.AllocationBytes + ")"));
            }

            if (m.BytesRead > budget.ReadLimit(m.InputLength))
            {
                violations.Add(new Violation(ViolationKind.Work, m.BytesRead + " bytes read for a " + m.InputLength + "-byte input (limit " + budget.ReadLimit(m.InputLength) + ")"));
            }

            return violations;
        }
    }
}
