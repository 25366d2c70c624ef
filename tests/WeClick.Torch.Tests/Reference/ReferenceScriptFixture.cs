
namespace WeClick.Torch.Tests;

// One fixture class per reference script; a test class takes it with IClassFixture<...>.

/// <summary>Runs a reference script once per test class and disposes its tensors afterwards.</summary>
public abstract class ReferenceScriptFixture : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    private protected ReferenceScriptFixture(string script) => _tensors = PyTorchReference.Generate(script);

    /// <summary>The tensor saved under <paramref name="name"/>; a test must not modify it (clone first).</summary>
    public Tensor this[string name] =>
        _tensors.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"The reference script saved no tensor '{name}'.");

    /// <summary>Disposes every reference tensor.</summary>
    public void Dispose()
    {
        foreach (var t in _tensors.Values)
        {
            t.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Reference/functional.py.</summary>
public sealed class FunctionalReference() : ReferenceScriptFixture("functional.py");

/// <summary>Reference/loss.py.</summary>
public sealed class LossReference() : ReferenceScriptFixture("loss.py");

/// <summary>Reference/creation.py.</summary>
public sealed class CreationReference() : ReferenceScriptFixture("creation.py");

/// <summary>Reference/pointwise.py.</summary>
public sealed class PointwiseReference() : ReferenceScriptFixture("pointwise.py");

/// <summary>Reference/reduction.py.</summary>
public sealed class ReductionReference() : ReferenceScriptFixture("reduction.py");

/// <summary>Reference/shape.py.</summary>
public sealed class ShapeReference() : ReferenceScriptFixture("shape.py");
