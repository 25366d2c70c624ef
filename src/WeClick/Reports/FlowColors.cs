using TorchSharp;
using WeClick.Data;
using static TorchSharp.torch;

namespace WeClick.Reports;

/// <summary>
/// Optical flow as colour, by the Middlebury colour wheel (Baker et al., "A Database and Evaluation Methodology for
/// Optical Flow", IJCV 2011; the <c>colorcode</c> of its flow-code and of the <c>flow_vis</c> package): the hue is the
/// direction, the saturation the magnitude relative to the largest one. Zero flow is white, a flow pointing right
/// (+x) red, down (+y) blue-green… and vectors at the maximum radius full colour.
/// </summary>
public static class FlowColors
{
    // Segments of the wheel: red→yellow, yellow→green, green→cyan, cyan→blue, blue→magenta, magenta→red (55 colours).
    private const int RY = 15, YG = 6, GC = 4, CB = 11, BM = 13, MR = 6;
    private static readonly double[,] Wheel = BuildWheel();

    /// <summary>The colour of every pixel of a flow field as uint8 [H, W, 3] RGB.</summary>
    /// <param name="flow">float [2, H, W]: channel 0 = u (x, right), 1 = v (y, down), in pixels.</param>
    /// <param name="maxMagnitude">The magnitude drawn at full saturation; null takes the field's largest.</param>
    /// <exception cref="ArgumentException">The flow is not [2, H, W].</exception>
    public static Tensor Colorize(Tensor flow, double? maxMagnitude = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (flow.dim() != 3 || flow.size(0) != 2)
        {
            throw new ArgumentException($"FlowColors: expected a flow field [2, H, W], got [{string.Join(", ", flow.shape)}].", nameof(flow));
        }
        var (height, width) = ((int)flow.size(1), (int)flow.size(2));
        var values = HostArrays.ToArray<float>(flow);
        var pixels = height * width;
        var radius = maxMagnitude ?? 0.0;
        if (maxMagnitude is null)
        {
            for (var i = 0; i < pixels; i++)
            {
                radius = Math.Max(radius, Math.Sqrt(values[i] * (double)values[i] + values[pixels + i] * (double)values[pixels + i]));
            }
        }
        radius = Math.Max(radius, 1e-5);
        var rgb = new byte[pixels * 3];
        for (var i = 0; i < pixels; i++)
        {
            var (r, g, b) = Color(values[i] / radius, values[pixels + i] / radius);
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = (r, g, b);
        }
        return tensor(rgb, [height, width, 3]);
    }

    /// <summary>The colour of one flow vector already divided by the full-saturation magnitude (non-finite: black).</summary>
    public static (byte R, byte G, byte B) Color(double u, double v)
    {
        if (!double.IsFinite(u) || !double.IsFinite(v))
        {
            return (0, 0, 0);
        }
        var colours = Wheel.GetLength(0);
        var magnitude = Math.Sqrt(u * u + v * v);
        var angle = Math.Atan2(-v, -u) / Math.PI;          // in [−1, 1]
        var position = (angle + 1) / 2 * (colours - 1);   // in [0, colours − 1]
        var k0 = (int)Math.Floor(position);
        var k1 = (k0 + 1) % colours;
        var f = position - k0;
        Span<byte> result = stackalloc byte[3];
        for (var channel = 0; channel < 3; channel++)
        {
            var colour = ((1 - f) * Wheel[k0, channel] + f * Wheel[k1, channel]) / 255;
            // Inside the unit circle saturation grows with the magnitude; beyond it the colour is darkened.
            colour = magnitude <= 1 ? 1 - magnitude * (1 - colour) : colour * 0.75;
            result[channel] = (byte)Math.Floor(255 * colour);
        }
        return (result[0], result[1], result[2]);
    }

    private static double[,] BuildWheel()
    {
        var wheel = new double[RY + YG + GC + CB + BM + MR, 3];
        var k = 0;
        void Segment(int count, Func<double, (double, double, double)> colour)
        {
            for (var i = 0; i < count; i++, k++)
            {
                (wheel[k, 0], wheel[k, 1], wheel[k, 2]) = colour(Math.Floor(255.0 * i / count));
            }
        }
        Segment(RY, t => (255, t, 0));
        Segment(YG, t => (255 - t, 255, 0));
        Segment(GC, t => (0, 255, t));
        Segment(CB, t => (0, 255 - t, 255));
        Segment(BM, t => (t, 0, 255));
        Segment(MR, t => (255, 0, 255 - t));
        return wheel;
    }
}
