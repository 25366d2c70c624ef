using WeClick.Engine;
using WeClick.Models;

namespace WeClick.Core.Tests.Models;

/// <summary>Whole catalogue models: the same checkpoint gives the same logits in C# and in the PyTorch twin
/// (src/WeClick/Models/python/weclick_models.py, which `weclick bench models` times).</summary>
public sealed class SegmentorParityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weclick-segmentor-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("deeplabv3plus-resnet18")]
    [InlineData("pspnet-mobilenetv2")]
    public void Checkpoint_GivesTheSameLogitsInPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = ModelCatalog.Create(name, new ModelOptions(Classes: 7));
        model.train();
        using (no_grad())
        {
            model.call(randn(2, 3, 64, 96)); // move BatchNorm statistics away from their initial values
        }
        model.eval();
        var x = randn(1, 3, 64, 96);
        Tensor logits;
        using (no_grad())
        {
            logits = model.call(x).Logits;
        }
        var checkpoint = Path.Combine(_folder, "model.safetensors");
        model.SaveWeights(checkpoint);
        ReferenceData.Save(Path.Combine(_folder, "in"), new Dictionary<string, Tensor> { ["x"] = x });
        PyTorchReference.Run("segmentor.py", Path.Combine(_folder, "out"), name, checkpoint, Path.Combine(_folder, "in"));
        var python = ReferenceData.Load(Path.Combine(_folder, "out"));
        TensorAssert.Close(python["logits"], logits, rtol: 1e-4, atol: 1e-5);
        python["logits"].Dispose();
    }
}
