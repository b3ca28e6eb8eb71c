namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The name bytes one file may have examined: 1 MiB plus half its length. An archive's members share the archive's
    /// budget, so many small members cannot each spend a megabyte.
    /// </summary>
    internal sealed class NameBudget
    {
        public const long Base = 1024 * 1024;

        private long remaining;

        public NameBudget(long fileLength)
        {
            remaining = Base + fileLength / 2;
        }

        public void Charge(long bytes)
        {
            remaining -= bytes;
            if (remaining < 0)
            {
                throw new ElfFormatException("the names in this file exceed the scan budget (" + Base + " bytes plus half the file length): overlapping or repeated long strings");
            }
        }
    }
}
