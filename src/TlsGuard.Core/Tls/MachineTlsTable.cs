using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tls
{
    /// <summary>
    /// The TLS relocation knowledge for one architecture: which e_machine values it covers, the machine name to report,
    /// how 64-bit r_info is packed, and every TLS relocation type. Adding an architecture means adding one of these.
    /// </summary>
    public sealed class MachineTlsTable
    {
        private readonly TlsRelocationType?[] byNumber;
        private readonly Dictionary<string, TlsRelocationType> byName = new Dictionary<string, TlsRelocationType>(StringComparer.Ordinal);

        public MachineTlsTable(
            IReadOnlyList<ushort> machines,
            string name32,
            string name64,
            RelocationInfoLayout layout64,
            IReadOnlyList<TlsRelocationType> relocations)
        {
            Machines = machines;
            Name32 = name32;
            Name64 = name64;
            Layout64 = layout64;
            Relocations = relocations;
            uint max = 0;
            foreach (TlsRelocationType r in relocations)
            {
                max = Math.Max(max, r.Number);
            }

            byNumber = new TlsRelocationType?[max + 1];
            IsTlsType = new bool[max + 1];
            foreach (TlsRelocationType r in relocations)
            {
                if (byNumber[r.Number] != null || byName.ContainsKey(r.Name))
                {
                    throw new ArgumentException("duplicate TLS relocation " + r.Number + " " + r.Name);
                }

                byNumber[r.Number] = r;
                IsTlsType[r.Number] = true;
                byName.Add(r.Name, r);
            }
        }

        public IReadOnlyList<ushort> Machines { get; }

        /// <summary>Reported machine name for ELFCLASS32 files ("i386", "arm", "riscv32", "s390" ...).</summary>
        public string Name32 { get; }

        /// <summary>Reported machine name for ELFCLASS64 files ("x86_64", "aarch64", "s390x" ...).</summary>
        public string Name64 { get; }

        public RelocationInfoLayout Layout64 { get; }

        /// <summary>
        /// Indexed by relocation type: true for the TLS ones, and no entry past the highest. The scan's inner loop keeps
        /// it in a local, so a non-TLS type costs one compare (and perhaps one load), with no reference to follow.
        /// </summary>
        internal bool[] IsTlsType { get; }

        public IReadOnlyList<TlsRelocationType> Relocations { get; }

        public string NameFor(ElfClass elfClass) => elfClass == ElfClass.Elf64 ? Name64 : Name32;

        /// <summary>The TLS relocation with this number, or null for every non-TLS type (the hot path: an array index).</summary>
        public TlsRelocationType? Find(uint number) => number < (uint)byNumber.Length ? byNumber[number] : null;

        public TlsRelocationType? Find(string name) => byName.TryGetValue(name, out TlsRelocationType? r) ? r : null;
    }
}
