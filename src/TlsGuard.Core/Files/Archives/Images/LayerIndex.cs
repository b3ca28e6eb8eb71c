using System.Collections.Generic;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>The members of one tar in archive order, and what stopped reading it early.</summary>
    internal sealed class LayerIndex
    {
        public LayerIndex(string label)
        {
            Label = label;
        }

        /// <summary>How problems name this tar: "layer 2 (blobs/sha256/ab12...)", or empty for the archive itself.</summary>
        public string Label { get; }

        public List<LayerEntry> Entries { get; } = new List<LayerEntry>();

        public List<string> Problems { get; } = new List<string>();

        public void AddProblem(string problem) => Problems.Add(Label.Length == 0 ? problem : Label + ": " + problem);
    }
}
