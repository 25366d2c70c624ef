using WeClick.Torch.Modules;

namespace WeClick.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Wraps <paramref name="data"/> as a <see cref="Modules.Parameter"/> (shares its storage), as <c>nn.Parameter(data)</c>.</summary>
        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
    }
}
