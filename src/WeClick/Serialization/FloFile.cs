using System.Buffers.Binary;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Serialization;

/// <summary>
/// Middlebury <c>.flo</c> optical-flow files: the float32 magic 202021.25 (the bytes "PIEH"), int32 width,
/// int32 height, then (u, v) interleaved per pixel in row-major order, all little-endian. In memory a flow is
/// float32 [2, H, W] (channel 0 = u, horizontal; channel 1 = v, vertical; pixel units), the layout that the
/// warping code and the ground-truth flows of the synthetic dataset use (algorithms.md §4.1).
/// </summary>
public static class FloFile
{
    /// <summary>The float32 that opens every .flo file (its bytes spell "PIEH").</summary>
    public const float Magic = 202021.25f;

    // A sanity bound that keeps a corrupt header from asking for terabytes.
    private const int MaxSide = 1 << 16;

    /// <summary>Writes <paramref name="flow"/> (float32 [2, H, W], any device) to <paramref name="path"/> atomically
    /// (temporary file + rename: a crash never leaves a half-written file).</summary>
    /// <exception cref="ArgumentException">The tensor is not float32 [2, H, W] with H, W ≥ 1.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static void Write(string path, Tensor flow)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(flow);
        var shape = flow.shape;
        if (flow.dtype != ScalarType.Float32 || shape.Length != 3 || shape[0] != 2 || shape[1] < 1 || shape[2] < 1)
        {
            throw new ArgumentException(
                $"FloFile.Write('{path}'): expected a float32 [2, H, W] flow, got {flow.dtype} [{string.Join(", ", shape)}].", nameof(flow));
        }
        int height = checked((int)shape[1]), width = checked((int)shape[2]);
        float[] interleaved;
        using (var hw2 = flow.permute(1, 2, 0).cpu().contiguous()) // [2,H,W] → [H,W,2]: u, v interleaved per pixel
        {
            interleaved = hw2.data<float>().ToArray();
        }
        var bytes = new byte[12 + interleaved.Length * 4L];
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(0), Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), height);
        var body = MemoryMarshal.AsBytes(interleaved.AsSpan());
        body.CopyTo(bytes.AsSpan(12));
        if (!BitConverter.IsLittleEndian)
        {
            ReverseFloats(bytes.AsSpan(12));
        }
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Reads a .flo file as float32 [2, H, W] on the CPU.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The magic number is wrong, the size is implausible, or the file is
    /// shorter or longer than its header says; the message names the file.</exception>
    public static Tensor Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Flow file not found: '{path}'.", path);
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12)
        {
            throw new InvalidDataException($"'{path}': not a .flo file: {bytes.Length} bytes, shorter than the 12-byte header.");
        }
        var magic = BinaryPrimitives.ReadSingleLittleEndian(bytes);
        if (magic != Magic)
        {
            throw new InvalidDataException(
                $"'{path}': not a .flo file: the magic number is {magic:R} (bytes {Convert.ToHexString(bytes, 0, 4)}), expected {Magic:R} (\"PIEH\").");
        }
        var width = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var height = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide)
        {
            throw new InvalidDataException($"'{path}': implausible .flo size {width}×{height} (each side must be 1..{MaxSide}).");
        }
        var expected = 12 + 8L * width * height;
        if (bytes.Length != expected)
        {
            var what = bytes.Length < expected ? "truncated" : "has trailing data";
            throw new InvalidDataException(
                $"'{path}': .flo file {what}: {bytes.Length} bytes, expected {expected} for {width}×{height} (12-byte header + 8 bytes per pixel).");
        }
        var data = new float[2L * width * height];
        var body = bytes.AsSpan(12);
        if (!BitConverter.IsLittleEndian)
        {
            ReverseFloats(body);
        }
        body.CopyTo(MemoryMarshal.AsBytes(data.AsSpan()));
        using var hw2 = torch.tensor(data, [height, width, 2]);
        return hw2.permute(2, 0, 1).contiguous(); // [H,W,2] → [2,H,W]
    }

    private static void ReverseFloats(Span<byte> bytes)
    {
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            bytes.Slice(i, 4).Reverse();
        }
    }
}
