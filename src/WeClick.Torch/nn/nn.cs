namespace WeClick.Torch;

public static partial class torch
{
    /// <summary>
    /// Neural-network building blocks, as <c>torch.nn</c>: <c>nn.Module</c> and its layers,
    /// <see cref="nn.functional"/>, and <c>nn.init</c>.
    /// </summary>
    public static partial class nn
    {
    }
}
