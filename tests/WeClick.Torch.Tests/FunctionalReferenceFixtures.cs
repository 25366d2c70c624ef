using WeClick.Torch.Tests.Reference;

namespace WeClick.Torch.Tests;

/// <summary>Runs a reference script once per test class and disposes its tensors afterwards.</summary>
public abstract class FunctionalScriptFixture : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    private protected FunctionalScriptFixture(string script) => _tensors = PyTorchReference.Generate(script);

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
public sealed class FunctionalReference() : FunctionalScriptFixture("functional.py");

/// <summary>Reference/loss.py.</summary>
public sealed class LossReference() : FunctionalScriptFixture("loss.py");
