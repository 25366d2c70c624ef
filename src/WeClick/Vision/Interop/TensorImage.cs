using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Vision.Interop;

/// <summary>
/// A <see cref="WcImage"/> view of a tensor's memory for native calls: [H, W] (one channel) or [H, W, C] uint8, int32 or
/// float32, contiguous, on the CPU. Dispose it after the call: that keeps the tensor alive until the shim is done with
/// its memory, and releases the contiguous CPU copy <see cref="Input"/> makes of any other tensor.
/// </summary>
internal sealed class TensorImage : IDisposable
{
    private readonly Tensor _tensor;
    private readonly Tensor? _copy;

    /// <summary>The view, passed to the shim with <c>in</c>.</summary>
    public readonly WcImage Image;

    private TensorImage(Tensor tensor, Tensor? copy, int depth)
    {
        _tensor = tensor;
        _copy = copy;
        Image = new WcImage
        {
            Data = DataPointer(tensor),
            Height = tensor.shape[0],
            Width = tensor.shape[1],
            Channels = tensor.dim() == 3 ? tensor.shape[2] : 1,
            Depth = depth,
        };
    }

    /// <summary>The tensor the view points into (the caller's own, or the copy).</summary>
    public Tensor Tensor => _tensor;

    /// <summary>
    /// A view for reading: a contiguous CPU tensor is used as it is; any other (a slice, a permuted view, a CUDA
    /// tensor) is first copied to a contiguous CPU tensor that lives as long as the view.
    /// </summary>
    /// <exception cref="ArgumentException">Not [H, W] or [H, W, C], or not uint8, int32 or float32.</exception>
    public static TensorImage Input(Tensor image, [CallerArgumentExpression(nameof(image))] string parameterName = "")
    {
        ArgumentNullException.ThrowIfNull(image, parameterName);
        var depth = DepthOf(image, parameterName);
        if (image.device_type == DeviceType.CPU && image.is_contiguous())
        {
            return new TensorImage(image, null, depth);
        }
        Tensor copy;
        if (image.device_type == DeviceType.CPU)
        {
            copy = image.contiguous();
        }
        else
        {
            using var cpu = image.cpu();
            copy = cpu.contiguous();
        }
        return new TensorImage(copy, copy, depth);
    }

    /// <summary>A view for writing in place (drawing): the tensor must already be contiguous and on the CPU, since a copy would not change it.</summary>
    /// <exception cref="ArgumentException">Not a contiguous CPU tensor, not [H, W] or [H, W, C], or of an unsupported dtype.</exception>
    public static TensorImage InPlace(Tensor image, [CallerArgumentExpression(nameof(image))] string parameterName = "")
    {
        ArgumentNullException.ThrowIfNull(image, parameterName);
        var depth = DepthOf(image, parameterName);
        if (image.device_type != DeviceType.CPU || !image.is_contiguous())
        {
            throw new ArgumentException(
                $"Drawing happens in place: the image must be a contiguous CPU tensor (this one is {(image.device_type != DeviceType.CPU ? $"on {image.device}" : "not contiguous")}; draw on .cpu().contiguous() and use that).",
                parameterName);
        }
        return new TensorImage(image, null, depth);
    }

    /// <summary>A view of a new output tensor (from <c>torch.empty</c>: contiguous, CPU).</summary>
    public static TensorImage Output(Tensor result) => new(result, null, DepthOf(result, nameof(result)));

    /// <summary>The address of a contiguous CPU tensor's first element (TorchSharp's <c>bytes</c> span; null for an empty tensor).</summary>
    public static unsafe IntPtr DataPointer(Tensor tensor) => (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(tensor.bytes));

    /// <summary>Copies an image the shim allocated into a new CPU tensor ([H, W] for one channel, else [H, W, C]) and frees the shim's memory.</summary>
    public static unsafe Tensor Take(in WcImage image)
    {
        try
        {
            ScalarType dtype = image.Depth switch
            {
                WcImage.DepthU8 => ScalarType.Byte,
                WcImage.DepthI32 => ScalarType.Int32,
                WcImage.DepthF32 => ScalarType.Float32,
                WcImage.DepthF64 => ScalarType.Float64,
                _ => throw new InvalidOperationException($"The native library returned an image of unknown depth code {image.Depth}."),
            };
            long[] shape = image.Channels == 1 ? [image.Height, image.Width] : [image.Height, image.Width, image.Channels];
            var result = empty(shape, dtype);
            var bytes = image.ByteCount;
            Buffer.MemoryCopy((void*)image.Data, (void*)DataPointer(result), bytes, bytes);
            return result;
        }
        finally
        {
            NativeMethods.WcMemory_free(image.Data);
        }
    }

    /// <summary>The shape of an output like <paramref name="image"/> but <paramref name="height"/> × <paramref name="width"/>.</summary>
    public static long[] ShapeLike(Tensor image, long height, long width) =>
        image.dim() == 3 ? [height, width, image.shape[2]] : [height, width];

    private static int DepthOf(Tensor image, string parameterName)
    {
        if (image.dim() is not (2 or 3))
        {
            throw new ArgumentException($"Images must be [H, W] or [H, W, C] tensors, got {image.dim()} dimensions [{string.Join(", ", image.shape)}].", parameterName);
        }
        return image.dtype switch
        {
            ScalarType.Byte => WcImage.DepthU8,
            ScalarType.Int32 => WcImage.DepthI32,
            ScalarType.Float32 => WcImage.DepthF32,
            _ => throw new ArgumentException($"Images must be uint8, int32 or float32 tensors, not {image.dtype}.", parameterName),
        };
    }

    /// <summary>Releases the copy, if one was made, and keeps the tensor alive up to here.</summary>
    public void Dispose()
    {
        _copy?.Dispose();
        GC.KeepAlive(_tensor);
    }
}
