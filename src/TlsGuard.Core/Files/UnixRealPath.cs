using System;
using System.Runtime.InteropServices;
using System.Text;

namespace TlsGuard.Core.Files
{
    /// <summary>
    /// realpath(3) of the C library (macOS, and Linux C libraries without statx): the path with every symbolic link
    /// resolved, so the size test looks at the file a link leads to and not at the link. No struct is passed, so the
    /// call has the same form everywhere.
    /// </summary>
    internal static class UnixRealPath
    {
        private static readonly Lazy<bool> Available = new Lazy<bool>(Probe);

        public static bool IsAvailable => Available.Value;

        /// <summary>The resolved path, or null when a component is missing, a link dangles or loops, or access is denied.</summary>
        public static string? Resolve(string path)
        {
            int length = Encoding.UTF8.GetByteCount(path);
            var bytes = new byte[length + 1];
            Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            IntPtr resolved = realpath(bytes, IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                int size = 0;
                while (Marshal.ReadByte(resolved, size) != 0)
                {
                    size++;
                }

                var text = new byte[size];
                Marshal.Copy(resolved, text, 0, size);
                return Encoding.UTF8.GetString(text);
            }
            finally
            {
                free(resolved);
            }
        }

        private static bool Probe()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return false;
            }

            CLibrary.BindLoadedCopy();
            try
            {
                return Resolve("/") == "/";
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return false;
            }
        }

#pragma warning disable IDE1006 // the C library's names
        [DllImport(CLibrary.Name, SetLastError = true)]
        private static extern IntPtr realpath(byte[] path, IntPtr resolved);

        [DllImport(CLibrary.Name)]
        private static extern void free(IntPtr pointer);
#pragma warning restore IDE1006
    }
}
