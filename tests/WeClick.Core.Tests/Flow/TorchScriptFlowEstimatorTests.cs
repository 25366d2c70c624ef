using WeClick.Flow;

namespace WeClick.Core.Tests.Flow;

/// <summary>A TorchScript RAFT-small exported by python3-torchvision gives the same flow in C# (issue #5).</summary>
public sealed class TorchScriptFlowEstimatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-raft-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ExportedRaft_GivesTheSameFlowInCSharpAsInPython()
    {
        PyTorchReference.Run("raft.py", _folder);
        var reference = ReferenceData.Load(_folder);
        using var estimator = new TorchScriptFlowEstimator(Path.Combine(_folder, "raft_small.pt"), flowUpdates: 4);
        using var scope = NewDisposeScope();
        foreach (var size in new[] { 64, 60 }) // 60×90 exercises the padding to multiples of 8
        {
            var flow = estimator.Estimate(reference[$"target{size}"], reference[$"neighbour{size}"]);
            TensorAssert.Close(reference[$"flow{size}"], flow, rtol: 1e-4, atol: 1e-4);
        }
        Assert.Matches("^torchscript-raft_small-[0-9a-f]{12}-updates4$", estimator.Key);
        foreach (var t in reference.Values)
        {
            t.Dispose();
        }
    }

    [Fact]
    public void Load_NamesAFileThatIsNotTorchScript()
    {
        var path = Path.Combine(_folder, "not-a-model.pt");
        File.WriteAllText(path, "hello");
        var e = Assert.Throws<InvalidDataException>(() => new TorchScriptFlowEstimator(path));
        Assert.Contains(path, e.Message);
        Assert.Throws<FileNotFoundException>(() => new TorchScriptFlowEstimator(Path.Combine(_folder, "missing.pt")));
    }
}
