namespace WeClick.Torch.Tests;

public class SequentialTests
{
    [Fact]
    public void Forward_FreesIntermediates_WithoutChangingValuesOrGradients()
    {
        manual_seed(2);
        using var seq = nn.Sequential(nn.Conv2d(3, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(inplace: true), nn.Identity(),
            nn.Dropout(0.0), nn.Conv2d(4, 2, 1));
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 8, 8).requires_grad_();

        var before = scope.Count;
        var y = seq.call(x);
        Assert.Equal(before + 1, scope.Count);      // only the output is left: every intermediate was freed
        Assert.False(x.IsDisposed);
        y.square().sum().backward();
        var viaSequential = seq.parameters().Select(p => p.grad!.clone()).Append(x.grad!.clone()).ToArray();

        seq.zero_grad();
        x.grad = null;
        var chained = x;
        foreach (var layer in seq)
        {
            chained = layer.call(chained);            // the same layers, nothing freed
        }
        TensorAssert.Equal(y.detach(), chained.detach());
        chained.square().sum().backward();
        var byHand = seq.parameters().Select(p => p.grad!).Append(x.grad!).ToArray();
        for (var i = 0; i < byHand.Length; i++)
        {
            TensorAssert.Equal(byHand[i], viaSequential[i]);
        }
    }

    [Fact]
    public void Forward_OfPassThroughLayersOnly_ReturnsAnAliasOfTheInput()
    {
        using var seq = nn.Sequential(nn.Identity(), nn.Dropout(0.5));
        seq.eval();
        using var scope = NewDisposeScope();
        var x = ones(3);
        var y = seq.call(x);
        Assert.NotSame(x, y);
        y.Dispose();
        Assert.False(x.IsDisposed);
        TensorAssert.Values([1, 1, 1], x);
    }
}
