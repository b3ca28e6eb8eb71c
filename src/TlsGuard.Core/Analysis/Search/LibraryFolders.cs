using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The lib folders of a sysroot for one machine: multiarch first (Debian/Ubuntu), then lib64 and lib.</summary>
    internal static class LibraryFolders
    {
        public static IReadOnlyList<string> InSysroot(string sysroot, ElfPlatform platform)
        {
            var folders = new List<string>();
            foreach (var triplet in Triplets(platform.Name, platform.IsBigEndian))
            {
                folders.Add(Path.Combine(sysroot, "lib", triplet));
                folders.Add(Path.Combine(sysroot, "usr", "lib", triplet));
            }

            if (platform.Is64)
            {
                folders.Add(Path.Combine(sysroot, "lib64"));
                folders.Add(Path.Combine(sysroot, "usr", "lib64"));
            }

            folders.Add(Path.Combine(sysroot, "lib"));
            folders.Add(Path.Combine(sysroot, "usr", "lib"));
            folders.Add(Path.Combine(sysroot, "usr", "local", "lib"));
            return folders;
        }

        private static IEnumerable<string> Triplets(string machine, bool big)
        {
            switch (machine)
            {
                case "x86_64": return new[] { "x86_64-linux-gnu" };
                case "i386": return new[] { "i386-linux-gnu", "i686-linux-gnu" };
                case "x32": return new[] { "x86_64-linux-gnux32" };
                case "aarch64": return new[] { "aarch64-linux-gnu" };
                case "arm": return new[] { "arm-linux-gnueabihf", "arm-linux-gnueabi" };
                case "ppc64": return big ? new[] { "powerpc64-linux-gnu" } : new[] { "powerpc64le-linux-gnu" };
                case "ppc": return new[] { "powerpc-linux-gnu" };
                case "s390x": return new[] { "s390x-linux-gnu" };
                case "riscv64": return new[] { "riscv64-linux-gnu" };
                case "mips64": return big ? new[] { "mips64-linux-gnuabi64" } : new[] { "mips64el-linux-gnuabi64" };
                case "sparc64": return new[] { "sparc64-linux-gnu" };
                case "loongarch64": return new[] { "loongarch64-linux-gnu" };
                default: return new string[0];
            }
        }
    }
}
