namespace WeClick.Torch.Modules;

/// <summary>
/// A tensor that is a module's learnable weight, as <c>torch.nn.Parameter</c>: a leaf that requires
/// gradients by default and that <see cref="torch.nn.Module.parameters"/> finds.
/// </summary>
/// <remarks>
/// A parameter shares storage with the tensor it was made from (as PyTorch's does) but is cut from its
/// autograd history, and it belongs to no <see cref="DisposeScope"/>: the module that registers it
/// disposes it (or call <see cref="Tensor.Dispose"/> yourself).
/// </remarks>
public class Parameter : Tensor
{
    /// <summary>Wraps <paramref name="data"/>'s storage as a parameter.</summary>
    /// <param name="data">The initial values (shared, not copied).</param>
    /// <param name="requires_grad">Whether optimisers train it (PyTorch's default: true).</param>
    public Parameter(Tensor data, bool requires_grad = true)
        : base(data)
    {
        DetachFromDisposeScope();
        this.requires_grad = requires_grad;
    }
}
