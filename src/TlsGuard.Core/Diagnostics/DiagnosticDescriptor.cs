namespace TlsGuard.Core.Diagnostics
{
    /// <summary>One catalog entry: the stable id, its title, message format and default severity.</summary>
    public sealed class DiagnosticDescriptor
    {
        public DiagnosticDescriptor(string id, string title, string messageFormat, DiagnosticSeverity defaultSeverity, string description)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            DefaultSeverity = defaultSeverity;
            Description = description;
        }

        public string Id { get; }
        public string Title { get; }

        /// <summary>A string.Format pattern; the arguments are listed per entry in <see cref="DiagnosticCatalog"/>.</summary>
        public string MessageFormat { get; }

        public DiagnosticSeverity DefaultSeverity { get; }

        /// <summary>A paragraph for `tlsguard explain` and SARIF fullDescription.</summary>
        public string Description { get; }

        public string HelpUri => HelpLinks.For(Id);
    }
}
