using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// One rendered frame before lighting and noise: which layer each pixel shows, where on that layer (its own
/// (a, b) coordinates, float64, the key to exact flow) and the colour. Owns its tensors.
/// </summary>
internal sealed class RenderedFrame(Tensor layerIndex, Tensor a, Tensor b, Tensor colour) : IDisposable
{
    /// <summary>int64 [H, W]: index into the scene's layers of the layer visible at each pixel.</summary>
    public Tensor LayerIndex { get; } = layerIndex;

    /// <summary>float64 [H, W]: the visible layer's a coordinate.</summary>
    public Tensor A { get; } = a;

    /// <summary>float64 [H, W]: the visible layer's b coordinate.</summary>
    public Tensor B { get; } = b;

    /// <summary>float32 [3, H, W]: colour in grey levels (0..255), before lighting and sensor noise.</summary>
    public Tensor Colour { get; } = colour;

    /// <inheritdoc/>
    public void Dispose()
    {
        LayerIndex.Dispose();
        A.Dispose();
        B.Dispose();
        Colour.Dispose();
    }
}
