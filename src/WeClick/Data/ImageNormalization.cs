namespace WeClick.Data;

/// <summary>Per-channel normalisation of RGB images scaled to [0, 1]: (x/255 − mean)/std.</summary>
/// <param name="Mean">Three channel means (R, G, B) in [0, 1] units.</param>
/// <param name="Std">Three channel standard deviations.</param>
public sealed record ImageNormalization(IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>ImageNet statistics, what the pretrained backbones expect.</summary>
    public static ImageNormalization ImageNet { get; } = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    /// <summary>Only x/255 (mean 0, std 1).</summary>
    public static ImageNormalization UnitRange { get; } = new([0f, 0f, 0f], [1f, 1f, 1f]);
}
