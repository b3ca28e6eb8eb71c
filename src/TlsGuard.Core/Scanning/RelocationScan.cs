using TlsGuard.Core.Elf;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Streams one relocation table and tallies its TLS entries. Non-TLS types cost one array lookup; symbols are
    /// only read for the static-TLS entries.
    /// </summary>
    internal static class RelocationScan
    {
        public static void Count(ElfImage image, MachineTlsTable tls, RelocationTable table, TlsSymbolResolver symbols, TlsRelocationTally tally)
        {
            ElfType fileType = image.Header.Type;
            var reader = new RelocationReader(image.Bulk, table, image.Layout, tls);
            while (reader.MoveNext())
            {
                TlsRelocationType? type = tls.Find(reader.Current.Type);
                TlsRelocationClass? relocationClass = type?.ClassIn(fileType);
                switch (relocationClass)
                {
                    case TlsRelocationClass.StaticTlsDynamic:
                    case TlsRelocationClass.InitialExec:
                    case TlsRelocationClass.LocalExec:
                        tally.AddStatic(type!, relocationClass.Value, symbols.Resolve(reader.Current.SymbolIndex, table.Name));
                        break;
                    case TlsRelocationClass.GeneralDynamic:
                    case TlsRelocationClass.LocalDynamic:
                    case TlsRelocationClass.Descriptor:
                        tally.AddDynamic(type!);
                        break;
                }
            }
        }
    }
}
