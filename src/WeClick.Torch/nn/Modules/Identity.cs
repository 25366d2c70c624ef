namespace WeClick.Torch.Modules;

/// <summary>Returns its input, as <c>torch.nn.Identity</c> (a placeholder where a layer is optional).</summary>
public sealed class Identity : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>A new alias of <paramref name="input"/> (so that the caller may dispose input and output independently).</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.alias();
    }
}
