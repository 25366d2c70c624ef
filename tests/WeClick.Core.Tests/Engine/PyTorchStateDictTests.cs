using WeClick.Engine;

namespace WeClick.Core.Tests.Engine;

/// <summary>PyTorch's pickled state dicts (torch.save) through PyBridge's unpickler (Reference/pytorch_pickle.py).</summary>
public sealed class PyTorchStateDictTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-pth-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_GivesTheWeightsOfATorchSaveFile()
    {
        PyTorchReference.Run("pytorch_pickle.py", _folder);
        using var scope = NewDisposeScope();
        var reference = ReferenceData.Load(_folder);
        using var net = new Net();
        var weights = PyTorchStateDict.Read(Path.Combine(_folder, "net.pth"));
        Assert.Equal(net.OrderedStateDict().Keys.Order(StringComparer.Ordinal), weights.Keys.Order(StringComparer.Ordinal));
        net.LoadStateDictStrict(weights, "Net from net.pth");
        net.eval();
        using var noGrad = no_grad();
        TensorAssert.Close(reference["logits"], net.call(reference["x"]), rtol: 1e-5, atol: 1e-6);
        Assert.Equal(ScalarType.Int64, weights["block.bn.num_batches_tracked"].dtype);
        Assert.Equal(1L, weights["block.bn.num_batches_tracked"].item<long>());

        // A checkpoint that nests the state dict: name its key.
        var nested = PyTorchStateDict.Read(Path.Combine(_folder, "nested.pth"), entry: "state_dict");
        foreach (var (name, tensor) in weights)
        {
            TensorAssert.Equal(tensor, nested[name]);
        }
        var e = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Read(Path.Combine(_folder, "nested.pth")));
        Assert.Contains("nested.pth", e.Message);
        Assert.Contains("'epoch', 'state_dict'", e.Message);
        var wrongKey = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Read(Path.Combine(_folder, "nested.pth"), entry: "model"));
        Assert.Contains("no state dict under the key 'model'", wrongKey.Message);
    }

    [Fact]
    public void Read_ThrowsNamingAFileThatIsNotATorchSaveZip()
    {
        var path = Path.Combine(_folder, "legacy.pth");
        File.WriteAllBytes(path, [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20]); // a legacy (pre-1.6) pickle's start
        var e = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Throws<FileNotFoundException>(() => PyTorchStateDict.Read(Path.Combine(_folder, "missing.pth")));
    }
}
