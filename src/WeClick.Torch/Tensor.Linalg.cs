using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Matrix products.
public partial class Tensor
{
    /// <summary>Matrix product with torch.matmul's rules (vectors, matrices, broadcast batches).</summary>
    public Tensor matmul(Tensor other) => Wrap(NativeMethods.WcTensor_matmul(Handle, other.Handle, out var r), r);
    /// <summary>Product of two 2-D matrices.</summary>
    public Tensor mm(Tensor other) => Wrap(NativeMethods.WcTensor_mm(Handle, other.Handle, out var r), r);
    /// <summary>Batched product of (b, n, m) and (b, m, p) tensors.</summary>
    public Tensor bmm(Tensor other) => Wrap(NativeMethods.WcTensor_bmm(Handle, other.Handle, out var r), r);
    /// <summary>Inner product of two 1-D tensors.</summary>
    public Tensor dot(Tensor other) => Wrap(NativeMethods.WcTensor_dot(Handle, other.Handle, out var r), r);
    /// <summary>Outer product of two 1-D tensors.</summary>
    public Tensor outer(Tensor other) => Wrap(NativeMethods.WcTensor_outer(Handle, other.Handle, out var r), r);
}
