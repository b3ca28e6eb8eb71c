using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    internal static class SymbolTables
    {
        /// <summary>Adds the names of the non-local, defined STT_TLS symbols of <paramref name="table"/>, in table order; past the cap they are only counted.</summary>
        public static void CollectDefinedTls(SymbolTable table, Capped<string> names)
        {
            for (ulong i = 1; i < table.Count; i++)
            {
                Symbol symbol = table.Get(i);
                if (symbol.Type == SymbolType.Tls && symbol.Binding != SymbolBinding.Local && symbol.IsDefined)
                {
                    if (names.IsFull)
                    {
                        names.CountOnly();
                    }
                    else
                    {
                        names.Add(table.NameOf(symbol));
                    }
                }
            }
        }
    }
}
