using System;

namespace TlsGuard.Tasks
{
    /// <summary>File names the dynamic loader treats as shared objects: libfoo.so and versioned libfoo.so.1, libfoo.so.1.2.3.</summary>
    internal static class SharedObjectName
    {
        public static bool IsMatch(string fileName)
        {
            if (fileName.EndsWith(".so", StringComparison.Ordinal))
            {
                return fileName.Length > 3;
            }

            var marker = fileName.IndexOf(".so.", StringComparison.Ordinal);
            if (marker <= 0)
            {
                return false;
            }

            // Only digits and dots may follow ".so.": "libfoo.so.1.2" is a library, "notes.so.txt" is not.
            var sawDigit = false;
            for (var i = marker + 4; i < fileName.Length; i++)
            {
                var c = fileName[i];
                if (c >= '0' && c <= '9')
                {
                    sawDigit = true;
                }
                else if (c != '.')
                {
                    return false;
                }
            }

            return sawDigit;
        }
    }
}
