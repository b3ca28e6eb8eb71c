using System.Diagnostics;
using System.Text;

namespace TlsGuard.Benchmarks
{
    /// <summary>
    /// Builds a shared library with millions of dynamic relocations: a C table of pointers into a local array (one
    /// R_X86_64_RELATIVE each, kept as RELA with -z nopack-relative-relocs, not packed into DT_RELR) plus a few
    /// initial-exec TLS variables (R_X86_64_TPOFF64), so a scan has to stream the whole table to find them.
    /// </summary>
    internal static class GeneratedLibrary
    {
        public const int TlsVariables = 3;

        public static bool Exists(string folder, int pointers) => File.Exists(LibraryPath(folder, pointers));

        public static string Build(string folder, int pointers)
        {
            Directory.CreateDirectory(folder);
            string library = LibraryPath(folder, pointers);
            if (File.Exists(library))
            {
                return library;
            }

            string source = Path.Combine(folder, "many_relocs.c");
            using (var writer = new StreamWriter(source, false, new UTF8Encoding(false)))
            {
                writer.WriteLine("static char cells[" + pointers + "];");
                for (int i = 0; i < TlsVariables; i++)
                {
                    writer.WriteLine("__thread int ie_" + i + " __attribute__((tls_model(\"initial-exec\")));");
                    writer.WriteLine("int touch_" + i + "(void) { return ++ie_" + i + "; }");
                }

                writer.WriteLine("char *const table[] = {");
                for (int i = 0; i < pointers; i++)
                {
                    writer.Write("cells+");
                    writer.Write(i);
                    writer.WriteLine(',');
                }

                writer.WriteLine("};");
            }

            Run("gcc", "-shared", "-fPIC", "-O0", "-g0", "-Wl,-z,nopack-relative-relocs", "-o", library, source);
            File.Delete(source);
            return library;
        }

        private static string LibraryPath(string folder, int pointers) => Path.Combine(folder, "libmany_relocs_" + pointers + ".so");

        private static void Run(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(program + " failed: " + errors);
            }
        }
    }
}
