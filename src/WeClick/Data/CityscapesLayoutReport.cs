using System.Text;

namespace WeClick.Data;

/// <summary>The result of <see cref="CityscapesLayout.Check"/>: per-split counts and the problems found.</summary>
/// <param name="Root">The checked root.</param>
/// <param name="Descriptor">The descriptor in effect (synthetic, or real Cityscapes defaults).</param>
/// <param name="Splits">One summary per split found or asked for.</param>
/// <param name="Problems">Missing folders and files, listed up to a limit.</param>
/// <param name="UnlistedProblems">Problems beyond the listing limit.</param>
public sealed record CityscapesLayoutReport(string Root, DatasetDescriptor Descriptor, IReadOnlyList<CityscapesSplitSummary> Splits,
    IReadOnlyList<string> Problems, int UnlistedProblems)
{
    /// <summary>No problems: every labelled frame has its whole snippet and its instance file.</summary>
    public bool IsComplete => Problems.Count == 0 && Splits.Count > 0;

    /// <summary>A human-readable summary (what <c>weclick data check</c> prints).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"Cityscapes layout at '{Root}' ({Descriptor.Classes.Name}: snippets of {Descriptor.SnippetLength}, labelled frame at index {Descriptor.LabelledIndex})");
        foreach (var s in Splits)
        {
            var expected = s.ExpectedLabelledFrames is { } n && Descriptor.Classes.Name == "cityscapes" ? $" (official: {n})" : "";
            text.AppendLine($"  {s.Split}: {s.LabelledFrames} labelled frames{expected}, {s.CompleteSnippets} complete snippets, " +
                $"{s.MissingFrames} missing frames, {s.MissingInstanceFiles} missing instance files");
        }
        foreach (var p in Problems)
        {
            text.AppendLine($"  missing: {p}");
        }
        if (UnlistedProblems > 0)
        {
            text.AppendLine($"  ... and {UnlistedProblems} more");
        }
        text.Append(IsComplete ? "OK" : "INCOMPLETE");
        return text.ToString();
    }
}
