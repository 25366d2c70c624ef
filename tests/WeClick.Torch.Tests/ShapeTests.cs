
namespace WeClick.Torch.Tests;

public class ShapeTests(ShapeReference reference) : IClassFixture<ShapeReference>
{
    private Tensor X => reference["x"];

    [Fact]
    public void Views_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = X;
        TensorAssert.Equal(reference["permute"], x.permute(2, 0, 1));
        TensorAssert.Equal(reference["transpose"], x.transpose(0, 2));
        TensorAssert.Equal(reference["t"], x[0].t());
        TensorAssert.Equal(reference["squeeze"], x.slice(1, null, 1).squeeze());
        TensorAssert.Equal(reference["unsqueeze"], x.unsqueeze(-1));
        TensorAssert.Equal(reference["expand"], x.slice(1, 0, 1).expand(2, 5, 4));
        TensorAssert.Equal(reference["flatten"], x.flatten(1));
        TensorAssert.Equal(reference["unflatten"], x.flatten().unflatten(0, 4, 6));
        TensorAssert.Equal(reference["repeat"], x[0].repeat(2, 1, 3));
        TensorAssert.Equal(reference["flip"], x.flip(0, 2));
        TensorAssert.Equal(reference["roll"], x.roll(1, 2));
        TensorAssert.Equal(reference["roll_flat"], x.roll(3));
        TensorAssert.Equal(reference["tril"], x[0].tril());
        TensorAssert.Equal(reference["triu"], x[0].triu(1));
    }

    [Fact]
    public void JoinsAndSplits_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = X;
        TensorAssert.Equal(reference["cat"], cat([x, reference["y"]], 1));
        TensorAssert.Equal(reference["stack"], stack([x, reference["y"]], -1));
        AssertPieces("split", x.split(3, 2), 2);          // 4 = 3 + 1: the last piece is the remainder
        AssertPieces("split_sizes", x.split([1, 3], 2), 2);
        AssertPieces("chunk", x.chunk(3, 2), 2);          // ceil(4 / 3) = 2 per chunk gives only 2 chunks
        AssertPieces("unbind", x.unbind(1), 3);
    }

    private void AssertPieces(string name, Tensor[] pieces, int expectedCount)
    {
        Assert.Equal(expectedCount, pieces.Length);
        for (var i = 0; i < pieces.Length; i++)
        {
            TensorAssert.Equal(reference[$"{name}{i}"], pieces[i]);
        }
    }

    [Fact]
    public void SlicingAndSelection_MatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var x = X;
        TensorAssert.Equal(reference["slice"], x.slice(1, 1, 3));
        TensorAssert.Equal(reference["slice_step"], x.slice(-1, null, null, 2));
        TensorAssert.Equal(reference["slice_neg"], x.slice(1, -2, null));
        TensorAssert.Equal(reference["select"], x.select(1, 1));
        TensorAssert.Equal(reference["index_select"], x.index_select(2, tensor(new long[] { 3, 0, 3 })));
        var idx = reference["idx"];
        var src = reference["src"];
        TensorAssert.Equal(reference["gather"], x.gather(1, idx));
        TensorAssert.Equal(reference["scatter"], zeros(2, 3, 4).scatter(1, idx, src));
        TensorAssert.Equal(reference["scatter"], zeros(2, 3, 4).scatter_(1, idx, src));
        TensorAssert.Equal(reference["scatter_value"], zeros(2, 3, 4).scatter(2, idx, 1.5));
        TensorAssert.Equal(reference["scatter_value"], zeros(2, 3, 4).scatter_(2, idx, 1.5));
        TensorAssert.Close(reference["scatter_add"], zeros(2, 3, 4).scatter_add(1, idx, src));
        TensorAssert.Close(reference["scatter_add"], zeros(2, 3, 4).scatter_add_(1, idx, src));
        var mask = reference["mask"];
        TensorAssert.Equal(reference["masked_fill"], x.masked_fill(mask, -1.0));
        TensorAssert.Equal(reference["masked_fill"], x.clone().masked_fill_(mask, -1.0));
        TensorAssert.Equal(reference["masked_select"], x.masked_select(mask));
        TensorAssert.Equal(reference["nonzero"], mask.nonzero());
        TensorAssert.Equal(reference["one_hot"], nn.functional.one_hot(reference["labels"]));
        TensorAssert.Equal(reference["one_hot_6"], nn.functional.one_hot(reference["labels"], 6));
    }

    [Fact]
    public void GatherAndScatter_FollowTheirIndexRulesAlongEachDim()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        // dim 0: out[i][j] = t[index[i][j]][j]
        TensorAssert.Values([4, 2, 6, 1, 5, 3], t.gather(0, tensor(new long[] { 1, 0, 1, 0, 1, 0 }, [2, 3])));
        // dim 1 (and -1): out[i][j] = t[i][index[i][j]]
        TensorAssert.Values([3, 1, 4, 4], t.gather(-1, tensor(new long[] { 2, 0, 0, 0 }, [2, 2])));
        // scatter dim 1: out[i][index[i][j]] = src[i][j]; untouched elements keep the input's values.
        var scattered = zeros(2, 3).scatter(1, tensor(new long[] { 2, 0, 1, 0 }, [2, 2]), tensor(new float[] { 10, 20, 30, 40 }, [2, 2]));
        TensorAssert.Values([20, 0, 10, 40, 30, 0], scattered);
        var added = zeros(2, 3).scatter_add(1, tensor(new long[] { 2, 2, 1, 1 }, [2, 2]), tensor(new float[] { 1, 2, 3, 4 }, [2, 2]));
        TensorAssert.Values([0, 0, 3, 0, 7, 0], added);
    }

    [Fact]
    public void OneHot_IsInt64WithANewLastDimension()
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.one_hot(tensor(new long[] { 2, 0 }, [2, 1]), 3);
        Assert.Equal(ScalarType.Int64, h.dtype);
        Assert.Equal(new long[] { 2, 1, 3 }, h.shape);
        Assert.Equal(new long[] { 0, 0, 1, 1, 0, 0 }, h.ToArray<long>());
    }

    [Fact]
    public void Indexers_SelectAndSliceTheFirstDimension()
    {
        using var scope = NewDisposeScope();
        var t = arange(10).reshape(5, 2);
        Assert.Equal(new long[] { 6, 7 }, t[3].ToArray<long>());
        Assert.Equal(new long[] { 8, 9 }, t[-1].ToArray<long>());
        Assert.Equal(new long[] { 2, 3, 4, 5 }, t[1..3].ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, t[..^1].ToArray<long>());
        Assert.Equal(new long[] { 6, 7, 8, 9 }, t[^2..].ToArray<long>());
        Assert.Equal(0, t[^0..].numel());
        Assert.Equal(new long[] { 5, 2 }, t[..].shape);
        // Views share storage: writing through one shows in the other.
        t[0].fill_(-1);
        Assert.Equal(-1L, t.select(0, 0).select(0, 1).item<long>());
    }

    [Fact]
    public void SqueezeAndNegativeDims_BehaveAsPyTorch()
    {
        using var scope = NewDisposeScope();
        var t = zeros(1, 3, 1);
        Assert.Equal(new long[] { 3 }, t.squeeze().shape);
        Assert.Equal(new long[] { 3, 1 }, t.squeeze(0).shape);
        Assert.Equal(new long[] { 1, 3, 1 }, t.squeeze(1).shape);   // size 3: unchanged, as in PyTorch
        Assert.Equal(new long[] { 1, 3 }, t.squeeze(-1).shape);
        Assert.Equal(new long[] { 1, 3, 1, 1 }, t.unsqueeze(-1).shape);
        Assert.Equal(new long[] { 3, 1, 1 }, t.permute(1, -1, 0).shape);
        Assert.Equal(new long[] { 1, 3 }, t.flatten(-2).shape);
    }

    [Fact]
    public void Gather_ThrowsForIndexOutOfRange()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => zeros(2, 3).gather(1, tensor(new long[] { 0, 5 }, [2, 1])));
        Assert.Equal("gather", e.Operation);
        Assert.Contains("index 5 is out of bounds for dimension 1 with size 3", e.Message);
    }

    [Fact]
    public void Cat_ThrowsForMismatchedShapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => cat([zeros(2, 3), zeros(2, 4)], 0));
        Assert.Equal("cat", e.Operation);
        Assert.Contains("Sizes of tensors must match except in dimension 0", e.Message);
    }

    [Fact]
    public void Permute_ThrowsForWrongNumberOfDims()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => zeros(2, 3).permute(1, 0, 2));
        Assert.Equal("permute", e.Operation);
        Assert.Contains("number of dimensions in the tensor input does not match", e.Message);
    }

    [Fact]
    public void Split_ThrowsForSizesThatDoNotAddUp()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => zeros(5).split([2, 2]));
        Assert.Equal("split", e.Operation);
        Assert.Contains("split_with_sizes expects split_sizes to sum exactly to 5", e.Message);
    }
}
