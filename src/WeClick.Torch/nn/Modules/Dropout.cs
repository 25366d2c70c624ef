using F = WeClick.Torch.torch.nn.functional;

namespace WeClick.Torch.Modules;

/// <summary>
/// In training, zeroes each element with probability <see cref="p"/> and scales the rest by 1/(1−p);
/// in evaluation, the identity. As <c>torch.nn.Dropout</c>.
/// </summary>
public sealed class Dropout : torch.nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public Dropout(double p = 0.5)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability has to be between 0 and 1, but got {p}.");
        }
        this.p = p;
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double p { get; }

    /// <summary>Applies dropout when <see cref="torch.nn.Module.training"/>.</summary>
    public override Tensor forward(Tensor input) => F.dropout(input, p, training);
}
