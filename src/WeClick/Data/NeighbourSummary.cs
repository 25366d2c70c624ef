using System.Globalization;

namespace WeClick.Data;

/// <summary>
/// How a dataset's clips turned out against the neighbours they wanted (<see cref="CamVidDataset.Summarize"/>): how many
/// lack a wanted frame and how far apart the frames of those clips are, for the warning a run prints and its report.
/// </summary>
/// <param name="Dataset">The dataset's name (<c>camvid/train</c>).</param>
/// <param name="Policy">What was done where a frame was missing.</param>
/// <param name="Clips">Clips (labelled frames) looked at.</param>
/// <param name="Incomplete">Clips that lack at least one wanted frame (replaced, or left out with <see cref="MissingNeighbours.Skip"/>).</param>
/// <param name="OtherSide">Clips that took a frame from the other side of the target (<see cref="MissingNeighbours.NearestAvailable"/>).</param>
/// <param name="Alone">Clips left without any neighbour (<see cref="MissingNeighbours.Skip"/>).</param>
/// <param name="WantedGap">The spacing the sampling policy asks for between consecutive frames: (min, max) frames.</param>
/// <param name="Gaps">The spacings, in video frames, between consecutive frames of the incomplete clips, ascending and distinct.</param>
/// <param name="TypicalGap">The most frequent of those spacings (0 when there is none).</param>
/// <param name="FramesPerSecond">The video's frame rate, to state spacings in seconds (30 for CamVid).</param>
public sealed record NeighbourSummary(string Dataset, MissingNeighbours Policy, int Clips, int Incomplete, int OtherSide, int Alone,
    (int Min, int Max) WantedGap, IReadOnlyList<int> Gaps, int TypicalGap, double FramesPerSecond)
{
    /// <summary>Every clip got the frames it wanted.</summary>
    public bool Complete => Incomplete == 0;

    /// <summary>
    /// How far apart the incomplete clips' frames are, e.g. <c>2 frames (0.07 s) apart</c>, or with several spacings
    /// <c>mostly 30 frames (1.00 s) apart, 29–1950 frames (0.97–65.00 s) in all</c>.
    /// </summary>
    public string Spacing => Gaps.Count switch
    {
        0 => "–",
        1 => $"{Frames(Gaps[0], Gaps[0])} apart",
        _ => $"mostly {Frames(TypicalGap, TypicalGap)} apart, {Frames(Gaps[0], Gaps[^1])} in all",
    };

    /// <summary>One sentence for a report: what the clips hold and how far apart their frames are.</summary>
    public string Describe()
    {
        var wanted = Frames(WantedGap.Min, WantedGap.Max);
        if (Complete)
        {
            return $"{Dataset}: every one of the {Clips} clips has its neighbours at the wanted spacing, {wanted}.";
        }
        var what = Policy == MissingNeighbours.Skip
            ? $"lack frames at the wanted spacing ({wanted}) and use the frames that exist, {Spacing}" +
              (Alone > 0 ? $"; {Alone} have none left and add no pair" : "")
            : $"lack frames at the wanted spacing ({wanted}) and use the nearest available frames of their sequence instead, {Spacing}" +
              (OtherSide > 0 ? $"; {OtherSide} have nothing on the wanted side and take a frame from the other side of the target" : "");
        return $"{Dataset}: {Incomplete} of {Clips} clips {what}.";
    }

    // "1 frame (0.03 s)", "30 frames (1.00 s)", "29–1950 frames (0.97–65.00 s)".
    private string Frames(int min, int max) => min == max
        ? string.Create(CultureInfo.InvariantCulture, $"{min} frame{(min == 1 ? "" : "s")} ({min / FramesPerSecond:F2} s)")
        : string.Create(CultureInfo.InvariantCulture, $"{min}–{max} frames ({min / FramesPerSecond:F2}–{max / FramesPerSecond:F2} s)");
}
