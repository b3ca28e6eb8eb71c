using System.Collections.Generic;
using System.Globalization;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>A small shared library compiled at test time: its C source and link arguments.</summary>
    internal sealed class FixtureLibrary
    {
        private FixtureLibrary(string name, string source, IReadOnlyList<string> arguments, IReadOnlyList<string> dependsOn)
        {
            Name = name;
            Source = source;
            Arguments = arguments;
            DependsOn = dependsOn;
        }

        /// <summary>"ie1000" builds libie1000.so exporting int ie1000_touch(void).</summary>
        public string Name { get; }
        public string FileName => "lib" + Name + ".so";
        public string Touch => Name + "_touch";
        public string Source { get; }
        public IReadOnlyList<string> Arguments { get; }
        public IReadOnlyList<string> DependsOn { get; }

        /// <summary>A file-local block reached with initial-exec: one TP-relative relocation with symbol 0, like jemalloc.</summary>
        public static FixtureLibrary InitialExec(string name, long size, long align = 8)
        {
            var source = string.Format(
                CultureInfo.InvariantCulture,
                "static __thread char block[{1}] __attribute__((tls_model(\"initial-exec\"), aligned({2})));\n" +
                "int {0}_touch(void) {{ block[0]++; return block[{1} - 1]; }}\n",
                name, size, align);
            return Shared(name, source);
        }

        /// <summary>An exported block reached the general-dynamic way (__tls_get_addr).</summary>
        public static FixtureLibrary GlobalDynamic(string name, string symbol, long size)
        {
            var source = string.Format(
                CultureInfo.InvariantCulture,
                "__thread char {1}[{2}];\nint {0}_touch(void) {{ {1}[0]++; return {1}[{2} - 1]; }}\n",
                name, symbol, size);
            return Shared(name, source);
        }

        /// <summary>
        /// An exported block reached through TLS descriptors: glibc serves it from the optional static pool when the
        /// block with its padding fits in what is left of the pool (8-byte alignment lets 512 bytes take all of it).
        /// </summary>
        public static FixtureLibrary Descriptor(string name, string symbol, long size)
        {
            var source = string.Format(
                CultureInfo.InvariantCulture,
                "__thread char {1}[{2}] __attribute__((aligned(8)));\nint {0}_touch(void) {{ {1}[0]++; return {1}[{2} - 1]; }}\n",
                name, symbol, size);
            return Shared(name, source, new[] { "-mtls-dialect=gnu2" });
        }

        /// <summary>Reaches another library's exported block with initial-exec: the cost lands on the defining library.</summary>
        public static FixtureLibrary ImportsInitialExec(string name, string symbol, long size, FixtureLibrary definer)
        {
            var source = string.Format(
                CultureInfo.InvariantCulture,
                "extern __thread char {1}[{2}] __attribute__((tls_model(\"initial-exec\")));\nint {0}_touch(void) {{ return {1}[1]; }}\n",
                name, symbol, size);
            return Shared(name, source, LinkTo(definer), new[] { definer.Name });
        }

        /// <summary>No TLS of its own; needs <paramref name="dependency"/> (DT_NEEDED, RUNPATH $ORIGIN).</summary>
        public static FixtureLibrary Clean(string name, FixtureLibrary dependency)
        {
            var source = string.Format(
                CultureInfo.InvariantCulture,
                "int {1}(void);\nint {0}_touch(void) {{ return {1}() + 1; }}\n",
                name, dependency.Touch);
            return Shared(name, source, LinkTo(dependency), new[] { dependency.Name });
        }

        /// <summary>No TLS of its own; needs a system library by file name (DT_NEEDED only).</summary>
        public static FixtureLibrary CleanNeedingSystem(string name, string systemLibraryPath, string declaration, string call)
        {
            var source = declaration + "\nint " + name + "_touch(void) { return " + call + " != 0; }\n";
            return Shared(name, source, new[] { "-Wl,--no-as-needed", systemLibraryPath });
        }

        /// <summary>Any C source exporting <c>int NAME_touch(...)</c>, compiled with extra arguments (flags, libraries to need).</summary>
        public static FixtureLibrary WithSource(string name, string source, params string[] extra)
        {
            return Shared(name, source, extra);
        }

        private static IReadOnlyList<string> LinkTo(FixtureLibrary dependency)
        {
            return new[] { "-L.", "-l" + dependency.Name, "-Wl,--enable-new-dtags,-rpath,$ORIGIN" };
        }

        private static FixtureLibrary Shared(string name, string source, IReadOnlyList<string>? extra = null, IReadOnlyList<string>? dependsOn = null)
        {
            var arguments = new List<string> { "-shared", "-fPIC", "-Wl,-soname,lib" + name + ".so" };
            if (extra != null)
            {
                arguments.AddRange(extra);
            }

            return new FixtureLibrary(name, source, arguments, dependsOn ?? new string[0]);
        }
    }
}
