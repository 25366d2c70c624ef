using WeClick.Torch.Interop;

namespace WeClick.Torch;

// Reading a tensor's values from .NET: item, spans over native memory, copies to arrays.
public partial class Tensor
{
    /// <summary>The value of a one-element tensor, converted to <typeparamref name="T"/>.</summary>
    /// <exception cref="TorchException">The tensor has more than one element.</exception>
    public T item<T>() where T : unmanaged
    {
        var t = typeof(T);
        if (t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte))
        {
            NativeStatus.Check(NativeMethods.WcTensor_item_int64(Handle, out var i));
            return (T)Convert.ChangeType(i, t, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (t == typeof(bool))
        {
            NativeStatus.Check(NativeMethods.WcTensor_item_int64(Handle, out var b));
            return (T)(object)(b != 0);
        }
        NativeStatus.Check(NativeMethods.WcTensor_item_double(Handle, out var d));
        if (t == typeof(double)) return (T)(object)d;
        if (t == typeof(float)) return (T)(object)(float)d;
        if (t == typeof(Half)) return (T)(object)(Half)d;
        if (t == typeof(BFloat16)) return (T)(object)(BFloat16)(float)d;
        throw new ArgumentException($"item<{t.Name}>: not a tensor element type.");
    }

    /// <summary>
    /// A span over the tensor's own memory (no copy): writes change the tensor. The tensor must be
    /// on the CPU, contiguous and of the element type <typeparamref name="T"/>.
    /// </summary>
    /// <remarks>The span is valid only while this tensor (or an alias of its storage) is alive.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is not a contiguous CPU tensor of that type.</exception>
    public unsafe Span<T> data<T>() where T : unmanaged
    {
        var expected = ScalarTypeExtensions.FromClrType<T>();
        var actual = dtype;
        if (actual != expected)
        {
            throw new InvalidOperationException($"data<{typeof(T).Name}>: the tensor holds {actual.PyTorchName()}, not {expected.PyTorchName()}; convert with .to(ScalarType.{expected}) first.");
        }
        if (device.Type != DeviceType.CPU)
        {
            throw new InvalidOperationException($"data<{typeof(T).Name}>: the tensor is on {device}; call .cpu() first.");
        }
        if (!is_contiguous())
        {
            throw new InvalidOperationException($"data<{typeof(T).Name}>: the tensor is not contiguous; call .contiguous() first.");
        }
        NativeStatus.Check(NativeMethods.WcTensor_data_ptr(Handle, out var pointer));
        return new Span<T>((void*)pointer, checked((int)numel()));
    }

    /// <summary>The elements in row-major order, as a new array (converts dtype, device and layout as needed).</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var wanted = ScalarTypeExtensions.FromClrType<T>();
        using var scope = torch.NewDisposeScope();
        var source = this;
        if (source.device.Type != DeviceType.CPU || source.dtype != wanted)
        {
            source = source.to(new Device(DeviceType.CPU), wanted);
        }
        if (!source.is_contiguous())
        {
            source = source.contiguous();
        }
        return source.data<T>().ToArray();
    }
}
