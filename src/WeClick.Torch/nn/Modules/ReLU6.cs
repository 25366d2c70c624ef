namespace WeClick.Torch.Modules;

/// <summary>min(max(x, 0), 6), as <c>torch.nn.ReLU6</c> (MobileNet's activation).</summary>
public sealed class ReLU6 : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inplace">Write the result into the input and return it (as PyTorch's <c>inplace=True</c>).</param>
    public ReLU6(bool inplace = false) => this.inplace = inplace;

    /// <summary>Whether the input is overwritten.</summary>
    public bool inplace { get; }

    /// <summary>Elementwise min(max(x, 0), 6).</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!inplace)
        {
            return input.relu6();
        }
        // No native relu6_ yet: compute, then copy into the input (copy_ is differentiable).
        using var result = input.relu6();
        return input.copy_(result);
    }
}
