namespace WeClick.Data;

/// <summary>
/// Where a clip's n − 1 neighbour frames lie relative to the target frame k (WeClick §4.4, "MFD direction").
/// With a step d (the interval, or a random distance):
/// <list type="bullet">
/// <item><see cref="Forward"/>: all before k — k − (n−1)d, …, k − d, then k (memory from the past).</item>
/// <item><see cref="Backward"/>: all after k — k, then k + d, …, k + (n−1)d.</item>
/// <item><see cref="BiDirection"/>: around k — ⌈(n−1)/2⌉ before and ⌊(n−1)/2⌋ after; n = 3 → k−d, k, k+d.
/// For even n the extra frame goes to the past (n = 2 → k−d; n = 4 → k−2d, k−d, k, k+d), because Cityscapes
/// snippets hold 19 frames before F and only 10 after.</item>
/// </list>
/// </summary>
public enum FrameDirection
{
    /// <summary>Neighbours before the target.</summary>
    Forward,
    /// <summary>Neighbours after the target.</summary>
    Backward,
    /// <summary>Neighbours on both sides of the target (the extra one before it for even n).</summary>
    BiDirection,
}
