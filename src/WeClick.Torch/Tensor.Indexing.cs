using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Indexing: slices, selections, gather/scatter, masks, and the C# indexers t[i] and t[a..b].
public partial class Tensor
{
    /// <summary>Python's <c>x[..., start:end:step]</c> on dimension <paramref name="dim"/> (a view); null bounds mean the ends, negative ones count from the end.</summary>
    public unsafe Tensor slice(long dim, long? start, long? end, long step = 1)
    {
        var s = start ?? 0;
        var e = end ?? 0;
        return Wrap(NativeMethods.WcTensor_slice(Handle, dim, start is null ? null : &s, end is null ? null : &e, step, out var r), r);
    }

    /// <summary>The slice at <paramref name="index"/> of dimension <paramref name="dim"/>, without that dimension (a view).</summary>
    public Tensor select(long dim, long index) => Wrap(NativeMethods.WcTensor_select(Handle, dim, index, out var r), r);

    /// <summary>The entries at the int64 positions <paramref name="index"/> (1-D) along <paramref name="dim"/> (a copy).</summary>
    public Tensor index_select(long dim, Tensor index) => Wrap(NativeMethods.WcTensor_index_select(Handle, dim, index.Handle, out var r), r);

    /// <summary>out[i][j] = this[index[i][j]][j] for dim 0 (and likewise for other dims); <paramref name="index"/> is int64.</summary>
    public Tensor gather(long dim, Tensor index) => Wrap(NativeMethods.WcTensor_gather(Handle, dim, index.Handle, out var r), r);

    /// <summary>A copy with out[index[i][j]][j] = src[i][j] for dim 0 (and likewise for other dims).</summary>
    public Tensor scatter(long dim, Tensor index, Tensor src) => Wrap(NativeMethods.WcTensor_scatter(Handle, dim, index.Handle, src.Handle, out var r), r);

    /// <summary>A copy with <paramref name="value"/> written at the positions <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter(long dim, Tensor index, Scalar value) => Wrap(NativeMethods.WcTensor_scatter_value(Handle, dim, index.Handle, value.Native, out var r), r);

    /// <summary>In place: this[index[i][j]][j] = src[i][j] for dim 0 (and likewise for other dims).</summary>
    public Tensor scatter_(long dim, Tensor index, Tensor src) { NativeStatus.Check(NativeMethods.WcTensor_scatter_(Handle, dim, index.Handle, src.Handle)); return this; }

    /// <summary>In place: writes <paramref name="value"/> at the positions <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter_(long dim, Tensor index, Scalar value) { NativeStatus.Check(NativeMethods.WcTensor_scatter_value_(Handle, dim, index.Handle, value.Native)); return this; }

    /// <summary>A copy with src added at the positions <paramref name="index"/> along <paramref name="dim"/> (repeated indices accumulate).</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => Wrap(NativeMethods.WcTensor_scatter_add(Handle, dim, index.Handle, src.Handle, out var r), r);

    /// <summary>In place: adds src at the positions <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter_add_(long dim, Tensor index, Tensor src) { NativeStatus.Check(NativeMethods.WcTensor_scatter_add_(Handle, dim, index.Handle, src.Handle)); return this; }

    /// <summary>A copy with <paramref name="value"/> where the bool <paramref name="mask"/> (broadcast) is true.</summary>
    public Tensor masked_fill(Tensor mask, Scalar value) => Wrap(NativeMethods.WcTensor_masked_fill(Handle, mask.Handle, value.Native, out var r), r);

    /// <summary>In place: <paramref name="value"/> where the bool <paramref name="mask"/> (broadcast) is true.</summary>
    public Tensor masked_fill_(Tensor mask, Scalar value) { NativeStatus.Check(NativeMethods.WcTensor_masked_fill_(Handle, mask.Handle, value.Native)); return this; }

    /// <summary>The elements where the bool <paramref name="mask"/> is true, as a 1-D tensor (Python's <c>x[mask]</c>).</summary>
    public Tensor masked_select(Tensor mask) => Wrap(NativeMethods.WcTensor_masked_select(Handle, mask.Handle, out var r), r);

    /// <summary>The int64 coordinates of the nonzero elements, one row per element (shape [n, ndim]).</summary>
    public Tensor nonzero() => Wrap(NativeMethods.WcTensor_nonzero(Handle, out var r), r);

    /// <summary>Python's <c>x[index]</c>: <c>select(0, index)</c>, a view (negative counts from the end). Dispose the result.</summary>
    public Tensor this[long index] => select(0, index);

    /// <summary>Python's <c>x[a:b]</c> on the first dimension: <c>t[1..3]</c>, <c>t[..^1]</c>; a view. Dispose the result.</summary>
    public Tensor this[Range range]
    {
        get
        {
            long? start = range.Start.IsFromEnd
                ? (range.Start.Value == 0 ? size(0) : -range.Start.Value)
                : range.Start.Value;
            long? end = range.End.IsFromEnd
                ? (range.End.Value == 0 ? null : -range.End.Value)
                : range.End.Value;
            return slice(0, start, end);
        }
    }
}
