namespace WeClick.Torch.Tests;

public sealed class ScriptModuleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-jit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Script(string source)
    {
        var path = Path.Combine(_folder, "module.pt");
        File.WriteAllText(Path.Combine(_folder, "make.py"), $"import torch, sys\n{source}\ntorch.jit.script(M()).save(sys.argv[1])\n");
        var process = System.Diagnostics.Process.Start(PyTorchReference.Python, [Path.Combine(_folder, "make.py"), path])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    [Fact]
    public void Forward_RunsTheScriptedModule_AndFlattensTupleResults()
    {
        var path = Script("""
class M(torch.nn.Module):
    def forward(self, x: torch.Tensor, y: torch.Tensor, k: int):
        return x + y * k, (x * 2, [y - 1])
""");
        using var module = jit.load(path);
        module.eval();
        using var scope = NewDisposeScope();
        var outputs = module.forward([tensor(new float[] { 1, 2 }), tensor(new float[] { 10, 20 })], 3);
        Assert.Equal(3, outputs.Length);
        TensorAssert.Values([31, 62], outputs[0]);
        TensorAssert.Values([2, 4], outputs[1]);
        TensorAssert.Values([9, 19], outputs[2]);
    }

    [Fact]
    public void Forward_WithTheWrongArguments_ThrowsLibtorchsMessage()
    {
        var path = Script("""
class M(torch.nn.Module):
    def forward(self, x: torch.Tensor):
        return x * 2
""");
        using var module = jit.load(path);
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => module.forward([ones(1), ones(1)]));
        Assert.Contains("forward", e.Message);
    }

    [Fact]
    public void Load_RejectsMissingAndNonTorchScriptFiles()
    {
        Assert.Throws<FileNotFoundException>(() => jit.load(Path.Combine(_folder, "missing.pt")));
        var text = Path.Combine(_folder, "text.pt");
        File.WriteAllText(text, "not a model");
        Assert.Contains(text, Assert.Throws<TorchException>(() => jit.load(text)).Message);
    }
}
