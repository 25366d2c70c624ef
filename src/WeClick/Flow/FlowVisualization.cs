using TorchSharp;
using WeClick.Vision;
using static TorchSharp.torch;

namespace WeClick.Flow;

/// <summary>
/// Flow fields as pictures (the HSV colour wheel of OpenCV's optical-flow tutorial): hue = direction, value =
/// magnitude relative to <c>maxMagnitude</c>, full saturation: right is red, down yellow-green, left cyan, up violet
/// (image axes, y down); still pixels are black.
/// </summary>
public static class FlowVisualization
{
    /// <summary>float32 [2, H, W] flow → uint8 [H, W, 3] RGB.</summary>
    /// <param name="flow">The field (u, v) in pixels.</param>
    /// <param name="maxMagnitude">The magnitude drawn at full brightness; null = the field's own maximum (at least 1e-6).</param>
    /// <exception cref="ArgumentException">The flow is not [2, H, W].</exception>
    public static Tensor ToColor(Tensor flow, double? maxMagnitude = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (flow.dim() != 3 || flow.size(0) != 2)
        {
            throw new ArgumentException($"A flow field is [2, H, W]; got [{string.Join(", ", flow.shape)}].", nameof(flow));
        }
        using var scope = NewDisposeScope();
        var f = flow.cpu().to(ScalarType.Float32); // OpenCV converts the colours on the CPU
        var (u, v) = (f[0], f[1]);
        var magnitude = (u * u + v * v).sqrt();
        var scale = maxMagnitude ?? Math.Max(magnitude.max().ToDouble(), 1e-6);
        var angle = atan2(v, u);                                            // (−π, π], image axes (y down)
        angle = where(angle.lt(0), angle + 2 * Math.PI, angle);            // [0, 2π), as cv::cartToPolar
        var hue = (angle * (90 / Math.PI)).clamp(0, 179.999).floor();      // OpenCV's uint8 hue range [0, 180)
        var value = (magnitude / scale).clamp(0, 1) * 255;
        var hsv = stack([hue, full_like(hue, 255), value.round()], -1).to(ScalarType.Byte); // [H, W, 3]
        return Image.ConvertColor(hsv.contiguous(), ColorConversion.HsvToRgb).MoveToOuterDisposeScope();
    }
}
