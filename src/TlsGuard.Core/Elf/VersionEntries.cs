namespace TlsGuard.Core.Elf
{
    // The GNU symbol-versioning entries (Elf*_Verneed, _Vernaux, _Verdef, _Verdaux: the same layout in both classes).
    // Offsets (aux, next) are relative to the entry that holds them, as the GNU versioning specification defines.

    /// <summary>One file a module needs versions from (vn_version, vn_cnt, vn_file, vn_aux, vn_next).</summary>
    internal readonly record struct VersionNeed(ushort Version, ushort AuxCount, uint FileNameOffset, uint AuxOffset, uint NextOffset);

    /// <summary>One version needed from that file (vna_flags, vna_other: the index DT_VERSYM uses, vna_name, vna_next).</summary>
    internal readonly record struct VersionNeedAux(ushort Flags, ushort Index, uint NameOffset, uint NextOffset);

    /// <summary>One version a module defines (vd_version, vd_flags, vd_ndx, vd_cnt, vd_aux, vd_next).</summary>
    internal readonly record struct VersionDefinition(ushort Version, ushort Flags, ushort Index, ushort AuxCount, uint AuxOffset, uint NextOffset);

    /// <summary>A name of a defined version: the first is its own, later ones its parents (vda_name, vda_next).</summary>
    internal readonly record struct VersionDefinitionAux(uint NameOffset, uint NextOffset);
}
