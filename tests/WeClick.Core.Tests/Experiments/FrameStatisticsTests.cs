using Microsoft.Data.Analysis;
using WeClick.Experiments;

namespace WeClick.Core.Tests.Experiments;

public sealed class FrameStatisticsTests
{
    private static object?[] Values(DataFrame frame, string column) => ResultFramesTests.Values(frame, column);

    // Groups (a, 1): 1, 2, 3, 4; (b, 1): 5; (a, 2): missing, NaN, 7, 9; (b, 2): missing only; (null, 1): 10, 20.
    private static DataFrame Sample() => new(
        new StringDataFrameColumn("variant", new string?[] { "a", "a", "b", "a", "a", "a", "a", "a", "a", "b", null, null }),
        new Int32DataFrameColumn("seed", new int?[] { 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1 }),
        new DoubleDataFrameColumn("mIoU", new double?[] { 1, 2, 5, 3, 4, null, double.NaN, 7, 9, null, 10, 20 }),
        new Int64DataFrameColumn("steps", new long?[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 30 }));

    [Fact]
    public void MeanStd_GivesMeanSampleStdAndCounts_PerGroupInOrderOfFirstRow()
    {
        var frame = FrameStatistics.MeanStd(Sample(), ["variant", "seed"], ["mIoU", "steps"]);

        Assert.Equal(["variant", "seed", "n", "mIoU_mean", "mIoU_std", "mIoU_n", "steps_mean", "steps_std", "steps_n"], frame.Columns.Select(c => c.Name));
        Assert.Equal(typeof(int), frame["seed"].DataType); // key columns keep their type
        Assert.Equal(["a", "b", "a", "b", null], Values(frame, "variant"));
        Assert.Equal([1, 1, 2, 2, 1], Values(frame, "seed"));
        Assert.Equal([4, 1, 4, 1, 2], Values(frame, "n"));
        // (a, 1): mean 2.5, std sqrt(((1.5² + 0.5²) · 2) / 3) = sqrt(5/3).
        Assert.Equal(2.5, (double)Values(frame, "mIoU_mean")[0]!, 12);
        Assert.Equal(1.2909944487358056, (double)Values(frame, "mIoU_std")[0]!, 12);
        // (b, 1): one value: std 0, as SeedSummary shows one seed, and mIoU_n = 1 says so.
        Assert.Equal([5.0, 0.0, 1], new[] { Values(frame, "mIoU_mean")[1], Values(frame, "mIoU_std")[1], Values(frame, "mIoU_n")[1] });
        // (a, 2): the missing value and NaN are left out: 7 and 9, mean 8, std sqrt(2).
        Assert.Equal(8.0, (double)Values(frame, "mIoU_mean")[2]!, 12);
        Assert.Equal(Math.Sqrt(2), (double)Values(frame, "mIoU_std")[2]!, 12);
        Assert.Equal(2, Values(frame, "mIoU_n")[2]);
        // (b, 2): nothing left: no mean, no std.
        Assert.Equal([null, null, 0], new[] { Values(frame, "mIoU_mean")[3], Values(frame, "mIoU_std")[3], Values(frame, "mIoU_n")[3] });
        // (null, 1): a null key is a group: mIoU 10 and 20; the integer steps 10 and 30 average as doubles, std sqrt(200).
        Assert.Equal(15.0, (double)Values(frame, "mIoU_mean")[4]!, 12);
        Assert.Equal(20.0, (double)Values(frame, "steps_mean")[4]!, 12);
        Assert.Equal(Math.Sqrt(200), (double)Values(frame, "steps_std")[4]!, 12);
    }

    [Fact]
    public void MeanStd_WithoutKeys_SummarisesTheWholeFrame()
    {
        var frame = FrameStatistics.MeanStd(Sample(), [], ["steps"]);

        Assert.Equal(["n", "steps_mean", "steps_std", "steps_n"], frame.Columns.Select(c => c.Name));
        Assert.Equal(1, frame.Rows.Count);
        Assert.Equal(12, Values(frame, "n")[0]);
        Assert.Equal(140.0 / 12, (double)Values(frame, "steps_mean")[0]!, 12);
    }

    [Fact]
    public void MeanStd_RefusesUnknownTextAndClashingColumns_NamingThem()
    {
        Assert.Contains("no column 'miou' (the frame has variant, seed, mIoU, steps)",
            Assert.Throws<ArgumentException>(() => FrameStatistics.MeanStd(Sample(), ["variant"], ["miou"])).Message, StringComparison.Ordinal);
        Assert.Contains("column 'variant' holds String, not numbers",
            Assert.Throws<ArgumentException>(() => FrameStatistics.MeanStd(Sample(), ["seed"], ["variant"])).Message, StringComparison.Ordinal);
        Assert.Contains("'mIoU_mean'", Assert.Throws<ArgumentException>(() => FrameStatistics.MeanStd(Sample(), [], ["mIoU", "mIoU"])).Message, StringComparison.Ordinal);
    }
}
