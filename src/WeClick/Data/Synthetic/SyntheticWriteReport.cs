namespace WeClick.Data.Synthetic;

/// <summary>What <see cref="SyntheticDatasetWriter.Write"/> wrote.</summary>
/// <param name="Root">The dataset root.</param>
/// <param name="Snippets">Snippets written (train + val).</param>
/// <param name="Frames">Frame images (leftImg8bit_sequence).</param>
/// <param name="LabelFiles">Label maps plus instance maps (two per snippet).</param>
/// <param name="FlowFiles">.flo files (one per labelled frame and other frame).</param>
/// <param name="ValidMaskFiles">Flow validity masks (one per .flo).</param>
/// <param name="Bytes">Total size of everything written, descriptor included.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record SyntheticWriteReport(string Root, int Snippets, int Frames, int LabelFiles, int FlowFiles, int ValidMaskFiles, long Bytes, TimeSpan Elapsed)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Snippets} snippets → {Frames} frames, {LabelFiles} label files, {FlowFiles} flows + {ValidMaskFiles} masks, " +
        $"{Bytes / 1048576.0:0.0} MiB in {Elapsed.TotalSeconds:0.0} s at '{Root}'";
}
