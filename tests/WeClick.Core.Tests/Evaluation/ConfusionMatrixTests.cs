using WeClick.Data;
using WeClick.Evaluation;

namespace WeClick.Core.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    // The hand case used throughout (C = 3 unless stated), 2×4 pixels, 255 = void:
    //   label = [[0, 0, 1, 255],      prediction = [[0, 1, 1, 2],
    //            [1, 2, 2, 255]]                    [1, 2, 0, 0]]
    // Counted (ground truth, prediction) pairs: (0,0) (0,1) (1,1) (1,1) (2,2) (2,0); the two void pixels (predicted 2 and 0) are not.
    internal static Tensor HandLabel() => tensor(new byte[] { 0, 0, 1, 255, 1, 2, 2, 255 }, [2, 4]);

    internal static Tensor HandPrediction() => tensor(new long[] { 0, 1, 1, 2, 1, 2, 0, 0 }, [2, 4]);

    [Fact]
    public void Counts_the_hand_case_rows_truth_columns_prediction_and_skips_void()
    {
        var matrix = new ConfusionMatrix(3);
        using var label = HandLabel();
        using var prediction = HandPrediction();
        matrix.Add(prediction, label);
        // Row g, column p: M = [[1, 1, 0], [0, 2, 0], [1, 0, 1]]; total 6 (8 pixels − 2 void).
        Assert.Equal(new long[,] { { 1, 1, 0 }, { 0, 2, 0 }, { 1, 0, 1 } }, matrix.Counts);
        Assert.Equal(6, matrix.Total);
        Assert.Equal(1, matrix[2, 0]);
    }

    [Fact]
    public void Uint8_predictions_batches_and_merge_give_the_same_counts()
    {
        using var label = HandLabel();
        using var prediction = HandPrediction();
        using var prediction8 = prediction.to(ScalarType.Byte);
        var single = new ConfusionMatrix(3);
        single.Add(prediction8, label);
        single.Add(prediction, label.to(ScalarType.Int64));
        var batched = new ConfusionMatrix(3);
        batched.Add(stack([prediction, prediction]), stack([label, label]));
        var merged = new ConfusionMatrix(3);
        var other = new ConfusionMatrix(3);
        merged.Add(prediction, label);
        other.Add(prediction, label);
        merged.Merge(other);
        var expected = new long[,] { { 2, 2, 0 }, { 0, 4, 0 }, { 2, 0, 2 } };
        Assert.Equal(expected, single.Counts);
        Assert.Equal(expected, batched.Counts);
        Assert.Equal(expected, merged.Counts);
    }

    [Fact]
    public void Matches_a_pixel_loop_on_random_maps()
    {
        manual_seed(3);
        const int classes = 5;
        using var prediction = randint(0, classes, [2, 17, 23]);
        using var rawLabel = randint(0, classes + 1, [2, 17, 23]);
        using var label = rawLabel.masked_fill(rawLabel.eq(classes), 255); // about one pixel in six is void
        var matrix = new ConfusionMatrix(classes);
        matrix.Add(prediction, label);
        var p = prediction.data<long>().ToArray();
        var g = label.data<long>().ToArray();
        var expected = new long[classes, classes];
        for (var i = 0; i < p.Length; i++)
        {
            if (g[i] != 255)
            {
                expected[g[i], p[i]]++;
            }
        }
        Assert.Equal(expected, matrix.Counts);
        Assert.True(matrix.Total < p.Length && matrix.Total > p.Length / 2);
    }

    [Fact]
    public void All_void_input_counts_nothing_and_gives_NaN_metrics()
    {
        var matrix = new ConfusionMatrix(3);
        using var label = full([4, 4], 255, ScalarType.Byte);
        using var prediction = zeros([4, 4], ScalarType.Int64);
        matrix.Add(prediction, label);
        Assert.Equal(0, matrix.Total);
        var metrics = matrix.Metrics();
        Assert.True(double.IsNaN(metrics.PixelAccuracy));
        Assert.True(double.IsNaN(metrics.MeanIoU));
        Assert.True(double.IsNaN(metrics.MeanPixelAccuracy));
        Assert.All(metrics.PerClassIoU, v => Assert.True(double.IsNaN(v)));
        Assert.Equal(["0", "1", "2"], metrics.ClassNames);
    }

    [Fact]
    public void Bad_input_is_a_clear_error()
    {
        var matrix = new ConfusionMatrix(3);
        using var label = HandLabel();
        using var prediction = HandPrediction();
        var outOfRange = Assert.Throws<ArgumentException>(() => matrix.Add(prediction.add(1), label));
        Assert.Contains("prediction holds 3", outOfRange.Message);
        var badLabel = Assert.Throws<ArgumentException>(() => matrix.Add(prediction, label.masked_fill(label.eq(1), 7)));
        Assert.Contains("label holds 7", badLabel.Message);
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => matrix.Add(prediction, label.t())).Message);
        Assert.Contains("integer", Assert.Throws<ArgumentException>(() => matrix.Add(prediction.to(ScalarType.Float32), label)).Message);
        Assert.Throws<ArgumentException>(() => matrix.Merge(new ConfusionMatrix(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(3, ignoreIndex: 2));
        Assert.Throws<ArgumentException>(() => matrix.Metrics(ClassSet.CamVid));
        Assert.Equal(0, matrix.Total); // nothing was counted by the failed calls
    }
}
