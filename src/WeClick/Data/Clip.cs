using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// A training/evaluation sample of WeClick (§3.3): the target frame k with its dense label, its clicks and a validity
/// mask, and the n − 1 neighbour frames chosen by a sampling policy. Tensors are in OpenCV's layout as read from disk
/// (images uint8 [H, W, 3] RGB), so that augmentation runs on them with OpenCV; <see cref="ToTensor"/> gives the float32
/// [3, H, W] normalised input a network wants, and <see cref="ClipBatch"/> collates clips for training.
/// A clip owns its tensors: dispose it.
/// </summary>
/// <param name="Name">The labelled frame's id, e.g. "aachen_000000_000019" or "0016E5_07959".</param>
/// <param name="TargetIndex">The target's frame index k in its video.</param>
/// <param name="Image">uint8 [H, W, 3] RGB target frame.</param>
/// <param name="Label">uint8 [H, W] trainIds, 255 = ignore (the dense ground truth: evaluation, click generation).</param>
/// <param name="Valid">uint8 [H, W]: 1 = real image pixel, 0 = padding added by augmentation (Gated CRF's ROI, A5).</param>
/// <param name="Neighbours">The neighbour frames in ascending index order (empty for n = 1).</param>
public sealed record Clip(string Name, int TargetIndex, Tensor Image, Tensor Label, Tensor Valid, IReadOnlyList<ClipFrame> Neighbours) : IDisposable
{
    /// <summary>Clicks on the target frame (trainIds), as points; empty where the dataset was given no click source.</summary>
    public IReadOnlyList<PointLabel> Clicks { get; init; } = [];

    /// <summary>int32 [H, W] raw instance ids (Cityscapes: labelId·1000 + k for instances), or null where the dataset has none.</summary>
    public Tensor? Instances { get; init; }

    /// <summary>The target image's file ("" for clips made in memory).</summary>
    public string ImagePath { get; init; } = "";

    /// <summary>The label's file.</summary>
    public string LabelPath { get; init; } = "";

    /// <summary>Height of every frame of the clip.</summary>
    public long Height => Image.size(0);

    /// <summary>Width of every frame of the clip.</summary>
    public long Width => Image.size(1);

    /// <summary>
    /// The clicks rasterised after augmentation (algorithms.md §2.4): uint8 [H, W], <paramref name="ignoreIndex"/>
    /// everywhere except at the pixel nearest each click, which holds its class. Points outside the frame are skipped.
    /// </summary>
    public Tensor ClickMap(int ignoreIndex = 255)
    {
        var map = full([Height, Width], ignoreIndex, ScalarType.Byte);
        var pixels = HostArrays.AsSpan<byte>(map);
        foreach (var click in Clicks) // one write per click, not per pixel
        {
            var (x, y) = ((long)Math.Round(click.X, MidpointRounding.AwayFromZero), (long)Math.Round(click.Y, MidpointRounding.AwayFromZero));
            if (x >= 0 && y >= 0 && x < Width && y < Height)
            {
                pixels[(int)(y * Width + x)] = (byte)click.ClassId;
            }
        }
        return map;
    }

    /// <summary>
    /// float32 [3, H, W] network input from a uint8 [H, W, 3] RGB image: (x/255 − mean)/std per channel.
    /// </summary>
    public static Tensor ToTensor(Tensor image, ImageNormalization? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var norm = normalization ?? ImageNormalization.ImageNet;
        using var scope = NewDisposeScope();
        var chw = image.permute(2, 0, 1).to(ScalarType.Float32).div(255.0); // [H,W,3] → [3,H,W]
        var mean = tensor(norm.Mean.ToArray(), [3, 1, 1], device: chw.device); // on the image's device (CUDA too)
        var std = tensor(norm.Std.ToArray(), [3, 1, 1], device: chw.device);
        return chw.sub(mean).div(std).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Disposes every tensor of the clip.</summary>
    public void Dispose()
    {
        Image.Dispose();
        Label.Dispose();
        Valid.Dispose();
        Instances?.Dispose();
        foreach (var frame in Neighbours)
        {
            frame.Dispose();
        }
    }
}
