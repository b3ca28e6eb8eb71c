using TlsGuard.Core.Files.Archives.Discovery;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Wheel platform tags as PEP 600 (manylinux) and PEP 656 (musllinux) define them.</summary>
    public sealed class WheelNameTests
    {
        [Theory]
        [InlineData("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "numpy", "2.1.0", "linux-x64", "glibc-2.17")]
        [InlineData("pkg-1.0-cp39-cp39-manylinux1_i686.whl", "pkg", "1.0", "linux-x86", "glibc-2.5")]
        [InlineData("pkg-1.0-cp39-cp39-manylinux2010_x86_64.whl", "pkg", "1.0", "linux-x64", "glibc-2.12")]
        [InlineData("pkg-1.0-cp312-cp312-manylinux_2_28_aarch64.whl", "pkg", "1.0", "linux-arm64", "glibc-2.28")]
        [InlineData("pkg-1.0-1build-cp312-abi3-manylinux_2_34_x86_64.manylinux_2_28_x86_64.whl", "pkg", "1.0", "linux-x64", "glibc-2.28")]
        [InlineData("pkg-1.0-cp312-cp312-musllinux_1_2_x86_64.whl", "pkg", "1.0", "linux-musl-x64", "musl")]
        [InlineData("pkg-1.0-cp312-cp312-linux_armv7l.whl", "pkg", "1.0", "linux-arm", "glibc")]
        [InlineData("pkg-1.0-cp312-cp312-macosx_11_0_arm64.whl", "pkg", "1.0", null, null)]
        [InlineData("pkg-1.0-py3-none-any.whl", "pkg", "1.0", null, null)]
        public void Platform_tags_name_the_rid_and_the_oldest_c_library(string file, string name, string version, string? rid, string? libc)
        {
            var wheel = WheelName.Parse("/some/folder/" + file)!;

            Assert.Equal((name, version, rid, libc), (wheel.Distribution, wheel.Version, wheel.RuntimeIdentifier, wheel.LibcHint));
        }

        [Theory]
        [InlineData("not-a-wheel.zip")]
        [InlineData("too-few-parts.whl")]
        public void Other_names_are_not_wheels(string file)
        {
            Assert.Null(WheelName.Parse(file));
        }
    }
}
