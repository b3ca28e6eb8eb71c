namespace TlsGuard.Core.Files
{
    /// <summary>
    /// Which file a path named when it was looked at: the device and inode (0 and 0 where the platform gives none),
    /// and the status-change time, which no tool can set back the way it can set back the modification time.
    /// </summary>
    public readonly record struct FileIdentity(ulong Device, ulong Inode, long ChangeTimeUtcTicks)
    {
        /// <summary>True when the device and inode were read (Linux); elsewhere only size and times identify a file.</summary>
        public bool IsKnown => Device != 0 || Inode != 0;
    }
}
