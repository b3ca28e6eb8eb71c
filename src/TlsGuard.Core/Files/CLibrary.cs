using System;
#if NET
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
#endif

namespace TlsGuard.Core.Files
{
    /// <summary>
    /// The C library the file layer calls (statx, open, pread, realpath). Named "libc", .NET would try libc.so (a linker
    /// script on glibc), liblibc.so and more in every library folder before it finds the one the process already has: 80
    /// failed opens per run. On .NET the name is bound to the loaded copy by its own name instead: glibc's libc.so.6, or
    /// musl, whose loader answers "libc.so" with itself.
    /// </summary>
    internal static class CLibrary
    {
        public const string Name = "libc";

#if NET
        private static int bound;
#endif

        /// <summary>Binds <see cref="Name"/> before the first call; the netstandard2.0 build (the MSBuild task) keeps the runtime's search.</summary>
        public static void BindLoadedCopy()
        {
#if NET
            if (Interlocked.Exchange(ref bound, 1) == 1)
            {
                return;
            }

            try
            {
                NativeLibrary.SetDllImportResolver(typeof(CLibrary).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // A host bound the assembly's imports already: its resolver stands.
            }
#endif
        }

#if NET
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != Name)
            {
                return IntPtr.Zero;
            }

            return NativeLibrary.TryLoad("libc.so.6", out IntPtr glibc) ? glibc
                : NativeLibrary.TryLoad("libc.so", out IntPtr musl) ? musl
                : IntPtr.Zero;
        }
#endif
    }
}
