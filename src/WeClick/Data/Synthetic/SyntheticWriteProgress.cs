namespace WeClick.Data.Synthetic;

/// <summary>Progress of <see cref="SyntheticDatasetWriter.Write"/>: reported after each snippet.</summary>
/// <param name="Split">"train" or "val".</param>
/// <param name="Index">Snippet number within the split that was just written.</param>
/// <param name="Done">Snippets written so far (both splits).</param>
/// <param name="Total">Snippets to write (both splits).</param>
public sealed record SyntheticWriteProgress(string Split, int Index, int Done, int Total);
