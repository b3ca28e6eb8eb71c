using System;
using System.Runtime.InteropServices;

namespace HelloJemalloc
{
    public static class Program
    {
        public static int Main()
        {
            try
            {
                Console.WriteLine("ie_own_touch(1) = " + NativeMethods.ie_own_touch(1));
                return 0;
            }
            catch (DllNotFoundException e)
            {
                Console.WriteLine("Loading libie_own.so failed, as TlsGuard warned at build time:");
                Console.WriteLine("  " + e.Message.Replace("\n", "\n  "));
                return 1;
            }
        }
    }

    internal static class NativeMethods
    {
        [DllImport("ie_own")]
        public static extern int ie_own_touch(int i);
    }
}
