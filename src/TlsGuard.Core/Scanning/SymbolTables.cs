using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    internal static class SymbolTables
    {
        /// <summary>Adds the names of the non-local, defined STT_TLS symbols of <paramref name="table"/>, in table order.</summary>
        public static void CollectDefinedTls(SymbolTable table, List<string> names)
        {
            for (ulong i = 1; i < table.Count; i++)
            {
                Symbol symbol = table.Get((uint)i);
                if (symbol.Type == SymbolType.Tls && symbol.Binding != SymbolBinding.Local && symbol.IsDefined)
                {
                    names.Add(table.NameOf(symbol));
                }
            }
        }
    }
}
