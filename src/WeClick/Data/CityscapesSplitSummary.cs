namespace WeClick.Data;

/// <summary>What <see cref="CityscapesLayout.Check"/> found in one split.</summary>
/// <param name="Split">"train", "val" or "test".</param>
/// <param name="LabelledFrames">Label files (<c>*_gtFine_labelIds.png</c>).</param>
/// <param name="CompleteSnippets">Labelled frames whose every snippet frame exists.</param>
/// <param name="MissingFrames">Snippet frames that do not exist, over all labelled frames.</param>
/// <param name="MissingInstanceFiles">Labelled frames without <c>*_gtFine_instanceIds.png</c>.</param>
public sealed record CityscapesSplitSummary(string Split, int LabelledFrames, int CompleteSnippets, int MissingFrames, int MissingInstanceFiles)
{
    /// <summary>The official number of labelled frames of the split (train 2975, val 500, test 1525), or null for other splits.</summary>
    public int? ExpectedLabelledFrames => Split switch { "train" => 2975, "val" => 500, "test" => 1525, _ => null };
}
