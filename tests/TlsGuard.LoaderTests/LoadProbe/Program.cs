using System;
using System.Runtime.InteropServices;

namespace TlsGuard.LoadProbe
{
    /// <summary>
    /// LoadProbe LIB [--call=FUNC] [LIB [--call=FUNC]] ...
    /// Loads each library in order with NativeLibrary.Load; --call=FUNC calls `int FUNC(void)` from the library loaded
    /// just before (to touch its TLS before the next load). Prints "ok PATH", "fail PATH: MESSAGE", "called FUNC".
    /// Exit status 0 when every library loaded, 1 otherwise, 2 for usage errors. Keeps going after a failure.
    /// </summary>
    internal static class Program
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int NoArgumentFunction();

        private static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: LoadProbe LIB [--call=FUNC] ...");
                return 2;
            }

            var failures = 0;
            IntPtr last = IntPtr.Zero;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--call=", StringComparison.Ordinal))
                {
                    var name = arg.Substring("--call=".Length);
                    if (last == IntPtr.Zero)
                    {
                        Console.WriteLine("skip-call " + name);
                        continue;
                    }

                    if (!NativeLibrary.TryGetExport(last, name, out var address))
                    {
                        Console.WriteLine("fail-call " + name);
                        failures++;
                        continue;
                    }

                    Marshal.GetDelegateForFunctionPointer<NoArgumentFunction>(address)();
                    Console.WriteLine("called " + name);
                    continue;
                }

                try
                {
                    last = NativeLibrary.Load(arg);
                    Console.WriteLine("ok " + arg);
                }
                catch (DllNotFoundException e)
                {
                    last = IntPtr.Zero;
                    failures++;
                    Console.WriteLine("fail " + arg + ": " + e.Message.Replace('\n', ' '));
                }
            }

            return failures == 0 ? 0 : 1;
        }
    }
}
