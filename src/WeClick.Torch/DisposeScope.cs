namespace WeClick.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost open scope, and disposes
/// them all when it is disposed (TorchSharp's <c>NewDisposeScope</c>).
/// </summary>
/// <remarks>
/// Wrap each training step in <c>using (torch.NewDisposeScope()) { ... }</c> so that all temporaries
/// are freed deterministically: native memory is invisible to the .NET GC, so waiting for finalizers
/// lets a long run grow. A tensor that must outlive the scope is kept with
/// <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="Tensor.DetachFromDisposeScope"/>.
/// Scopes nest and are per thread; dispose them in reverse order of creation (a <c>using</c> does).
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? t_current;

    private readonly HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    internal DisposeScope()
    {
        Outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost open scope on this thread, or null.</summary>
    public static DisposeScope? Current => t_current;

    /// <summary>The scope that was current when this one opened, or null.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many tensors this scope will dispose.</summary>
    public int Count => _tensors.Count;

    internal void Attach(Tensor tensor)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(DisposeScope), "This dispose scope has been disposed.");
        }
        _tensors.Add(tensor);
    }

    internal void Detach(Tensor tensor) => _tensors.Remove(tensor);

    /// <summary>Disposes every tensor of the scope now; the scope stays open.</summary>
    public void DisposeEverything() => DisposeEverythingBut();

    /// <summary>Disposes every tensor of the scope except <paramref name="keep"/>, which stay in the scope.</summary>
    public void DisposeEverythingBut(params Tensor[] keep)
    {
        var kept = new HashSet<Tensor>(keep, ReferenceEqualityComparer.Instance);
        foreach (var tensor in _tensors.ToArray())
        {
            if (!kept.Contains(tensor))
            {
                tensor.DisposeFromScope();
                _tensors.Remove(tensor);
            }
        }
    }

    /// <summary>Moves <paramref name="tensor"/> to the outer scope (or to no scope) and returns it.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        tensor.MoveToOuterDisposeScope();
        return tensor;
    }

    /// <summary>Disposes the scope's tensors and makes <see cref="Outer"/> current again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        DisposeEverything();
        _disposed = true;
        if (t_current == this)
        {
            t_current = Outer;
        }
    }
}
