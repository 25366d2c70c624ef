using WeClick.Data;

namespace WeClick.Core.Tests.Data;

public class NeighbourSamplerTests
{
    public static TheoryData<int, FrameDirection, int, int[]> FixedCases => new()
    {
        // n, direction, interval, expected neighbours of k = 19 (the paper's labelled frame, 0-based)
        { 1, FrameDirection.Forward, 1, [] },
        { 3, FrameDirection.Forward, 1, [17, 18] },            // "18th, 19th, 20th" = F−2, F−1, F
        { 3, FrameDirection.Forward, 4, [11, 15] },            // brief: n = 3, i = 4 → k−8, k−4
        { 3, FrameDirection.Forward, 7, [5, 12] },
        { 3, FrameDirection.Backward, 1, [20, 21] },
        { 3, FrameDirection.Backward, 4, [23, 27] },
        { 3, FrameDirection.Backward, 7, [26, 33] },
        { 3, FrameDirection.BiDirection, 1, [18, 20] },
        { 3, FrameDirection.BiDirection, 4, [15, 23] },
        { 3, FrameDirection.BiDirection, 7, [12, 26] },
        { 2, FrameDirection.Forward, 1, [18] },
        { 2, FrameDirection.Backward, 2, [21] },
        { 2, FrameDirection.BiDirection, 1, [18] },            // even n: the extra neighbour goes to the past
        { 4, FrameDirection.BiDirection, 1, [17, 18, 20] },
        { 5, FrameDirection.BiDirection, 2, [15, 17, 21, 23] },
        { 5, FrameDirection.Forward, 1, [15, 16, 17, 18] },
    };

    [Theory]
    [MemberData(nameof(FixedCases))]
    public void FixedInterval_PicksDocumentedIndices(int n, FrameDirection direction, int interval, int[] expected)
    {
        Assert.Equal(expected, NeighbourSampler.NeighbourIndices(19, n, direction, new FixedInterval(interval), new Random(0)));
    }

    [Theory]
    [InlineData(FrameDirection.Forward, 2, 0)]
    [InlineData(FrameDirection.Backward, 0, 2)]
    [InlineData(FrameDirection.BiDirection, 1, 1)]
    public void RandomRange_PaperWindows_DrawDistinctFramesFromTheWindow(FrameDirection direction, int before, int after)
    {
        // Paper: before from the 16th..19th frames (F−4..F−1), after from the 21st..24th (F+1..F+4); A8.
        var random = new Random(1234);
        var seen = new HashSet<int>();
        for (var trial = 0; trial < 400; trial++)
        {
            var indices = NeighbourSampler.NeighbourIndices(19, 3, direction, RandomRange.Paper, random);
            Assert.Equal(2, indices.Length);
            Assert.Equal(2, indices.Distinct().Count());
            Assert.Equal(before, indices.Count(i => i is >= 15 and <= 18));
            Assert.Equal(after, indices.Count(i => i is >= 20 and <= 23));
            Assert.True(indices[0] < indices[1]);
            seen.UnionWith(indices);
        }
        var window = (before > 0 ? Enumerable.Range(15, 4) : []).Concat(after > 0 ? Enumerable.Range(20, 4) : []);
        Assert.Equal(window.Order(), seen.Order()); // every frame of the window is drawn
    }

    [Fact]
    public void RandomRange_ForwardPairs_AreUniform()
    {
        // 6 unordered pairs from {F−4..F−1}, each with probability 1/6.
        var random = new Random(7);
        var counts = new Dictionary<(int, int), int>();
        const int trials = 6000;
        for (var t = 0; t < trials; t++)
        {
            var i = NeighbourSampler.NeighbourIndices(19, 3, FrameDirection.Forward, RandomRange.Paper, random);
            counts[(i[0], i[1])] = counts.GetValueOrDefault((i[0], i[1])) + 1;
        }
        Assert.Equal(6, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void RandomRange_SameSeed_SameIndices()
    {
        var r1 = new Random(99);
        var r2 = new Random(99);
        for (var t = 0; t < 20; t++)
        {
            Assert.Equal(NeighbourSampler.NeighbourIndices(40, 5, FrameDirection.BiDirection, new RandomRange(1, 5, 2, 6), r1),
                NeighbourSampler.NeighbourIndices(40, 5, FrameDirection.BiDirection, new RandomRange(1, 5, 2, 6), r2));
        }
    }

    [Fact]
    public void FixedInterval_DoesNotDrawFromTheRandom()
    {
        var random = new Random(5);
        NeighbourSampler.NeighbourIndices(19, 3, FrameDirection.BiDirection, new FixedInterval(2), random);
        Assert.Equal(new Random(5).Next(), random.Next());
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var r = new Random(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourSampler.NeighbourIndices(19, 0, FrameDirection.Forward, new FixedInterval(1), r));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourSampler.NeighbourIndices(19, 3, FrameDirection.Forward, new FixedInterval(0), r));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourSampler.NeighbourIndices(19, 6, FrameDirection.Forward, RandomRange.Paper, r));
        Assert.Contains("[1, 4]", e.Message);
    }
}
