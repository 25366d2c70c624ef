using WeClick.Evaluation;

namespace WeClick.Core.Tests.Evaluation;

public sealed class SegmentationMetricsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Hand_case_metrics()
    {
        // M = [[1, 1, 0], [0, 2, 0], [1, 0, 1]] (ConfusionMatrixTests' hand case).
        // TP = (1, 2, 1); ground-truth pixels GT = row sums (2, 2, 2); predicted P = column sums (2, 3, 1).
        // IoU = TP / (GT + P − TP) = 1/(2+2−1), 2/(2+3−2), 1/(2+1−1) = 1/3, 2/3, 1/2  → mIoU = (1/3 + 2/3 + 1/2)/3 = 0.5
        // Acc = TP / GT = 1/2, 2/2, 1/2 → mPA = 2/3;   pixel accuracy = (1 + 2 + 1)/6 = 2/3.
        var matrix = new ConfusionMatrix(3);
        using (var label = ConfusionMatrixTests.HandLabel())
        using (var prediction = ConfusionMatrixTests.HandPrediction())
        {
            matrix.Add(prediction, label);
        }
        var m = matrix.Metrics(["road", "car", "sky"]);
        Assert.Equal(["road", "car", "sky"], m.ClassNames);
        AssertValues([1.0 / 3, 2.0 / 3, 0.5], m.PerClassIoU);
        AssertValues([0.5, 1.0, 0.5], m.PerClassAccuracy);
        Assert.Equal(0.5, m.MeanIoU, Tolerance);
        Assert.Equal(2.0 / 3, m.MeanPixelAccuracy, Tolerance);
        Assert.Equal(4.0 / 6, m.PixelAccuracy, Tolerance);
        Assert.Equal(6, m.Pixels);
    }

    [Fact]
    public void A_class_absent_from_the_split_and_never_predicted_is_NaN_and_left_out_of_the_means()
    {
        // The hand case with a 4th class that appears nowhere: its row and column are zero, so
        // IoU_3 = 0/0 = NaN and Acc_3 = 0/0 = NaN; the means are over classes 0..2 only: mIoU 0.5, mPA 2/3 as before.
        var m = SegmentationMetrics.FromCounts(new long[,] { { 1, 1, 0, 0 }, { 0, 2, 0, 0 }, { 1, 0, 1, 0 }, { 0, 0, 0, 0 } }, ["a", "b", "c", "d"]);
        Assert.True(double.IsNaN(m.PerClassIoU[3]));
        Assert.True(double.IsNaN(m.PerClassAccuracy[3]));
        Assert.Equal(0.5, m.MeanIoU, Tolerance);
        Assert.Equal(2.0 / 3, m.MeanPixelAccuracy, Tolerance);
        Assert.Equal(4.0 / 6, m.PixelAccuracy, Tolerance);
    }

    [Fact]
    public void A_class_predicted_but_absent_from_the_ground_truth_has_IoU_zero_and_counts_in_mIoU()
    {
        // The hand case with the pixel (2,0) predicted as class 3 instead: M = [[1,1,0,0],[0,2,0,0],[0,0,1,1],[0,0,0,0]].
        // TP = (1, 2, 1, 0); GT = (2, 2, 2, 0); P = column sums (1, 3, 1, 1).
        // IoU = 1/(2+1−1), 2/(2+3−2), 1/(2+1−1), 0/(0+1−0) = 1/2, 2/3, 1/2, 0 → mIoU = (1/2 + 2/3 + 1/2 + 0)/4 = 5/12.
        // Acc = 1/2, 1, 1/2, NaN (no ground truth) → mPA = 2/3 over classes 0..2.
        var matrix = new ConfusionMatrix(4);
        using (var label = ConfusionMatrixTests.HandLabel())
        using (var prediction = ConfusionMatrixTests.HandPrediction())
        using (var moved = prediction.clone())
        {
            moved[1][2].fill_(3);
            matrix.Add(moved, label);
        }
        Assert.Equal(new long[,] { { 1, 1, 0, 0 }, { 0, 2, 0, 0 }, { 0, 0, 1, 1 }, { 0, 0, 0, 0 } }, matrix.Counts);
        var m = matrix.Metrics();
        AssertValues([0.5, 2.0 / 3, 0.5, 0.0], m.PerClassIoU);
        Assert.True(double.IsNaN(m.PerClassAccuracy[3]));
        Assert.Equal(5.0 / 12, m.MeanIoU, Tolerance);
        Assert.Equal(2.0 / 3, m.MeanPixelAccuracy, Tolerance);
        Assert.Equal(4.0 / 6, m.PixelAccuracy, Tolerance);
    }

    [Fact]
    public void Perfect_prediction_scores_one()
    {
        // Diagonal counts: every IoU and accuracy is TP/TP = 1.
        var m = SegmentationMetrics.FromCounts(new long[,] { { 5, 0 }, { 0, 7 } }, ["x", "y"]);
        Assert.Equal(1.0, m.MeanIoU);
        Assert.Equal(1.0, m.MeanPixelAccuracy);
        Assert.Equal(1.0, m.PixelAccuracy);
    }

    [Fact]
    public void Rejects_bad_matrices()
    {
        Assert.Throws<ArgumentException>(() => SegmentationMetrics.FromCounts(new long[2, 3], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => SegmentationMetrics.FromCounts(new long[2, 2], ["a"]));
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => SegmentationMetrics.FromCounts(new long[,] { { 1, -1 }, { 0, 0 } }, ["a", "b"])).Message);
    }

    private static void AssertValues(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Tolerance);
        }
    }
}
