using System.Globalization;

namespace WeClick.Data.Synthetic;

/// <summary>
/// Settings of the embedded synthetic driving video (<see cref="SyntheticVideo"/>, <see cref="SyntheticDatasetWriter"/>).
/// Distances are in metres in a pinhole-camera world (camera 1.5 m above the road, x right, y down, z forward).
/// </summary>
/// <remarks>
/// The default 256×128 keeps Cityscapes' 2:1 aspect, divides by 32 (output strides 8, 16 and 32 of the
/// backbones give whole feature maps: 32×16 at stride 8) and has 1/64 of Cityscapes' pixels, so a teacher and a
/// student train on a CPU in minutes. The focal length scales with the width, so every size shows the same scene.
/// </remarks>
public sealed record SyntheticVideoSettings
{
    /// <summary>Frame width in pixels (32..4096). Default 256.</summary>
    public int Width { get; init; } = 256;

    /// <summary>Frame height in pixels (32..4096). Default 128.</summary>
    public int Height { get; init; } = 128;

    /// <summary>Frames per snippet; 30 as in Cityscapes (algorithms.md §2.3).</summary>
    public int SnippetLength { get; init; } = 30;

    /// <summary>0-based index of the labelled frame F in its snippet; 19 (the 20th frame) as in Cityscapes.</summary>
    public int LabelledIndex { get; init; } = 19;

    /// <summary>Snippets (so labelled frames) in the train split. Default 16.</summary>
    public int TrainSnippets { get; init; } = 16;

    /// <summary>Snippets in the val split. Default 8.</summary>
    public int ValSnippets { get; init; } = 8;

    /// <summary>Seed of every random choice (layout, motion, textures, noise); same seed → byte-identical output.</summary>
    public int Seed { get; init; }

    /// <summary>Mean forward speed of the camera in metres per frame (each snippet draws 0.75..1.25 times it). Default 0.25.</summary>
    public double CameraSpeed { get; init; } = 0.25;

    /// <summary>Largest camera pan (yaw) over a snippet in degrees; each snippet draws its total yaw change in ±this. Default 4.</summary>
    public double PanRange { get; init; } = 4;

    /// <summary>Cars per snippet (driving in either lane, or parked). Default 2..4.</summary>
    public CountRange Cars { get; init; } = new(2, 4);

    /// <summary>Pedestrians per snippet (walking along the sidewalks or crossing). Default 1..3.</summary>
    public CountRange Pedestrians { get; init; } = new(1, 3);

    /// <summary>Bicyclists per snippet (riding along the road or crossing). Default 1..2.</summary>
    public CountRange Bicyclists { get; init; } = new(1, 2);

    /// <summary>Standard deviation of the Gaussian sensor noise, in grey levels (0..50). Default 2.</summary>
    public double NoiseLevel { get; init; } = 2;

    /// <summary>Amplitude of the global lighting change over a snippet, as a relative gain (0..0.5). Default 0.08.</summary>
    public double LightingAmplitude { get; init; } = 0.08;

    /// <summary>Procedural textures (facades with windows, asphalt with lane markings, foliage noise, ...); false gives flat colours.</summary>
    public bool Textures { get; init; } = true;

    /// <summary>Checks every value and throws one exception that names the first bad setting and its valid range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public SyntheticVideoSettings Validate()
    {
        Check(Width is >= 32 and <= 4096, nameof(Width), Width, "32..4096");
        Check(Height is >= 32 and <= 4096, nameof(Height), Height, "32..4096");
        Check(SnippetLength is >= 2 and <= 1000, nameof(SnippetLength), SnippetLength, "2..1000");
        Check(LabelledIndex >= 0 && LabelledIndex < SnippetLength, nameof(LabelledIndex), LabelledIndex, $"0..{SnippetLength - 1} (SnippetLength − 1)");
        Check(TrainSnippets is >= 0 and <= 100_000, nameof(TrainSnippets), TrainSnippets, "0..100000");
        Check(ValSnippets is >= 0 and <= 100_000, nameof(ValSnippets), ValSnippets, "0..100000");
        Check(TrainSnippets + ValSnippets > 0, nameof(TrainSnippets), TrainSnippets, "at least one snippet in train or val");
        Check(double.IsFinite(CameraSpeed) && CameraSpeed is >= 0 and <= 1, nameof(CameraSpeed), CameraSpeed, "0..1 metres per frame");
        // The camera must not drive through the scene it was given: 40 m of travel at most per snippet.
        Check(CameraSpeed * 1.25 * (SnippetLength - 1) <= 40, nameof(CameraSpeed), CameraSpeed,
            $"at most {40 / (1.25 * Math.Max(1, SnippetLength - 1)):0.###} m/frame for {SnippetLength} frames (40 m of travel per snippet)");
        Check(double.IsFinite(PanRange) && PanRange is >= 0 and <= 30, nameof(PanRange), PanRange, "0..30 degrees");
        CheckRange(Cars, nameof(Cars));
        CheckRange(Pedestrians, nameof(Pedestrians));
        CheckRange(Bicyclists, nameof(Bicyclists));
        Check(double.IsFinite(NoiseLevel) && NoiseLevel is >= 0 and <= 50, nameof(NoiseLevel), NoiseLevel, "0..50 grey levels");
        Check(double.IsFinite(LightingAmplitude) && LightingAmplitude is >= 0 and <= 0.5, nameof(LightingAmplitude), LightingAmplitude, "0..0.5");
        return this;
    }

    private static void CheckRange(CountRange range, string name) =>
        Check(range.Min >= 0 && range.Max >= range.Min && range.Max <= 20, name, range, "Min..Max with 0 ≤ Min ≤ Max ≤ 20");

    private static void Check(bool ok, string name, object value, string valid)
    {
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"SyntheticVideoSettings.{name} = {value} is out of range: expected {valid}."), name);
        }
    }
}
