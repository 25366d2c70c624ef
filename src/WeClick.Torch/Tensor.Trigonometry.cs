using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Two-argument trigonometry.
public partial class Tensor
{
    /// <summary>Elementwise angle of the point (<paramref name="other"/>, this) in (−π, π], as <c>torch.atan2(self, other)</c>.</summary>
    public Tensor atan2(Tensor other) => Wrap(NativeMethods.WcTensor_atan2(Handle, other.Handle, out var r), r);
}

public static partial class torch
{
    /// <summary>Elementwise angle of the point (<paramref name="x"/>, <paramref name="y"/>) in (−π, π].</summary>
    public static Tensor atan2(Tensor y, Tensor x) => y.atan2(x);
}
