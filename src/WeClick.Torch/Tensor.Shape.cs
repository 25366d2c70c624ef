using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Shape and indexing: views, joins, splits and selections.
public partial class Tensor
{
    /// <summary>The same data with a new shape (a view when possible, else a copy); one size may be -1.</summary>
    public unsafe Tensor reshape(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return Wrap(NativeMethods.WcTensor_reshape(Handle, p, shape.Length, out var r), r);
        }
    }

    /// <summary>A view with a new shape; fails if the memory layout does not allow one (use <see cref="reshape"/>).</summary>
    public unsafe Tensor view(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return Wrap(NativeMethods.WcTensor_view(Handle, p, shape.Length, out var r), r);
        }
    }

    /// <summary>A view of <paramref name="length"/> entries of dimension <paramref name="dim"/> starting at <paramref name="start"/>.</summary>
    public Tensor narrow(long dim, long start, long length) => Wrap(NativeMethods.WcTensor_narrow(Handle, dim, start, length, out var r), r);
}
