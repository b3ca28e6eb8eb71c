using System.Diagnostics;
using System.Security.Cryptography;
using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>How long a mutation run goes and where it keeps what it finds.</summary>
    internal sealed record CampaignOptions(int Seed, long Iterations, TimeSpan? TimeLimit, string? OutputFolder, int FileEntryEvery, int MaxFindings);

    /// <summary>
    /// Runs generated inputs (or a folder of saved ones) through the scanner and the judge: every input in memory,
    /// every <see cref="CampaignOptions.FileEntryEvery"/>-th also from a file through the public path entry, which
    /// must give the same answer as the in-memory entry.
    /// </summary>
    internal static class Campaign
    {
        public static CampaignReport Run(InputGenerator generator, CampaignOptions options, ScanBudget budget)
        {
            return Execute(
                Generate(generator, options),
                options,
                budget);
        }

        public static CampaignReport Replay(IEnumerable<string> files, CampaignOptions options, ScanBudget budget) =>
            Execute(files.Select(f => new FuzzInput(File.ReadAllBytes(f), f)), options, budget);

        private static IEnumerable<FuzzInput> Generate(InputGenerator generator, CampaignOptions options)
        {
            for (long i = 0; i < options.Iterations; i++)
            {
                yield return generator.Next();
            }
        }

        private static CampaignReport Execute(IEnumerable<FuzzInput> inputs, CampaignOptions options, ScanBudget budget)
        {
            var report = new CampaignReport();
            string scratch = Path.Combine(Path.GetTempPath(), "tlsguard-fuzz-" + Environment.ProcessId + ".bin");
            var watch = Stopwatch.StartNew();
            bool warm = false;
            try
            {
                foreach (FuzzInput input in inputs)
                {
                    if (!warm)
                    {
                        // The first scan pays for JIT compilation and static tables; it is not the input's cost.
                        ScanProbe.Measure(input.Data);
                        warm = true;
                    }

                    if (options.TimeLimit is TimeSpan limit && watch.Elapsed > limit)
                    {
                        break;
                    }

                    if (input.HarnessError != null)
                    {
                        report.Findings.Add(new Finding(input.Origin, new[] { new Violation(ViolationKind.HarnessError, input.HarnessError) }, null));
                        continue;
                    }

                    ScanMeasurement measurement = ScanProbe.Measure(input.Data);
                    report.Observe(measurement, input.Origin, input.Data);
                    List<Violation> violations = ScanJudge.Judge(measurement, budget);
                    if (options.FileEntryEvery > 0 && report.Inputs % options.FileEntryEvery == 0)
                    {
                        report.FileEntryChecks++;
                        var (fromBytes, fromFile) = ScanProbe.ScanOnDisk(input.Data, scratch);
                        string bytesText = ResultText.Of(fromBytes, errorWording: false);
                        string fileText = ResultText.Of(fromFile, errorWording: false);
                        if (bytesText != fileText)
                        {
                            violations.Add(new Violation(ViolationKind.EntryMismatch, "file: " + fileText + " / bytes: " + bytesText));
                        }
                    }

                    if (violations.Count > 0 && report.Findings.Count < options.MaxFindings)
                    {
                        report.Findings.Add(new Finding(input.Origin, violations, Save(input, violations, options.OutputFolder)));
                    }
                }
            }
            finally
            {
                File.Delete(scratch);
            }

            report.Elapsed = watch.Elapsed;
            if (report.WorstTime.Input is byte[] slowest)
            {
                report.WorstTimeRetimed = Enumerable.Range(0, 5).Min(_ => ScanProbe.Measure(slowest).Elapsed.TotalMilliseconds);
            }

            return report;
        }

        private static string? Save(FuzzInput input, List<Violation> violations, string? folder)
        {
            if (folder == null)
            {
                return null;
            }

            Directory.CreateDirectory(folder);
            string hash = Convert.ToHexString(SHA1.HashData(input.Data)).Substring(0, 12).ToLowerInvariant();
            string path = Path.Combine(folder, violations[0].Kind + "-" + hash + ".bin");
            File.WriteAllBytes(path, input.Data);
            File.WriteAllLines(path + ".txt", new[] { input.Origin }.Concat(violations.Select(v => v.ToString())));
            return path;
        }
    }
}
