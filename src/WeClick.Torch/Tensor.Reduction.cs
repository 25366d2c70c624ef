using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Reductions: sums, means, extrema and arg-extrema.
public partial class Tensor
{
    /// <summary>Sum of all elements (a 0-d tensor); integer inputs sum to int64 unless <paramref name="dtype"/> says otherwise.</summary>
    public Tensor sum(ScalarType? dtype = null) => Wrap(NativeMethods.WcTensor_sum(Handle, dtype is null ? -1 : (int)dtype.Value, out var r), r);
}
