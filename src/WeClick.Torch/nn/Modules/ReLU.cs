namespace WeClick.Torch.Modules;

/// <summary>max(x, 0), as <c>torch.nn.ReLU</c>.</summary>
public sealed class ReLU : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inplace">Overwrite the input and return it (saves memory; the input must not be needed by autograd).</param>
    public ReLU(bool inplace = false) => this.inplace = inplace;

    /// <summary>Whether the input is overwritten.</summary>
    public bool inplace { get; }

    /// <summary>Elementwise max(x, 0).</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return inplace ? input.relu_() : input.relu();
    }
}
