namespace TlsGuard.Core.Policy
{
    /// <summary>One accepted finding: matched by id and fingerprint; the file is for people reading the baseline.</summary>
    public sealed class BaselineEntry
    {
        public BaselineEntry(string id, string fingerprint, string file)
        {
            Id = id;
            Fingerprint = fingerprint;
            File = file;
        }

        public string Id { get; }
        public string Fingerprint { get; }
        public string File { get; }

        internal string Key => FindingKeys.Key(Id, Fingerprint);

        public override string ToString() => Id + " " + File + " [" + Fingerprint + "]";
    }
}
