namespace WeClick.Torch.Tests;

public class TrigonometryTests
{
    [Fact]
    public void Atan2_MatchesMathAtan2InEveryQuadrant()
    {
        using var scope = NewDisposeScope();
        double[] ys = [0, 1, 1, 0, -1, -1, 2, -3];
        double[] xs = [1, 1, 0, -1, -1, 0, -5, 4];
        var result = atan2(tensor(ys), tensor(xs));
        TensorAssert.Values(ys.Zip(xs, Math.Atan2).ToArray(), result, 1e-12);
        Assert.Equal(ScalarType.Float64, result.dtype);
    }
}
