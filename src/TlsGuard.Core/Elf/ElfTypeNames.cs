namespace TlsGuard.Core.Elf
{
    /// <summary>The short e_type spellings of the JSON report and the scan cache ("dyn", "exec", "rel"), kept for schema version 1.</summary>
    public static class ElfTypeNames
    {
        public static string ShortName(ElfType type)
        {
            switch (type)
            {
                case ElfType.SharedObject: return "dyn";
                case ElfType.Executable: return "exec";
                case ElfType.Relocatable: return "rel";
                case ElfType.Core: return "core";
                case ElfType.None: return "";
                default: return "unknown";
            }
        }

        public static ElfType Parse(string? name)
        {
            switch (name)
            {
                case "dyn": return ElfType.SharedObject;
                case "exec": return ElfType.Executable;
                case "rel": return ElfType.Relocatable;
                case "core": return ElfType.Core;
                default: return ElfType.None;
            }
        }
    }
}
