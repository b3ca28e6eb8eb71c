using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// AArch64 initial-exec ladders predicted with --rid linux-arm64 (and the sysroot the guest runs on, whose libc.so.6 says
    /// glibc 2.36) against NativeLibrary.Load in the linux-arm64 app under qemu-aarch64.
    /// </summary>
    [Collection(Arm64DotnetLabCollection.Name)]
    public sealed class Arm64AgreementTests
    {
        private readonly Arm64DotnetLab _lab;
        private readonly ITestOutputHelper _output;

        public Arm64AgreementTests(Arm64DotnetLab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Fact]
        public void Ladder_from_1000_to_2000_agrees_size_by_size()
        {
            var budget = Agreement.Predict(_lab.Host, new[] { _lab.Libraries.PathOf(8) }).Libraries.Single().Budget!;
            Assert.Equal(new System.Version(2, 36), budget.Judged.From);
            Assert.Equal(LibcVersionSource.Sysroot, budget.Judged.Source);
            Assert.Equal(1480, budget.ReserveBytes);
            Assert.Equal(1168, budget.GuaranteedBytes);
            var rows = LadderAgreement.Check(_lab.Host, _lab.Libraries, new long[] { 1000, 1168, 1169, 1400, 1479, 1480, 1481, 1680, 1681, 2000 });
            rows.ToList().ForEach(_output.WriteLine);
        }

        [Fact]
        public void Single_file_ladder_agrees()
        {
            var rows = LadderAgreement.Check(Arm64DotnetLoadHost.SingleFile, _lab.Libraries, new long[] { 1672, 1680, 1681 });
            rows.ToList().ForEach(_output.WriteLine);
        }
    }
}
