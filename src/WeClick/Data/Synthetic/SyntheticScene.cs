namespace WeClick.Data.Synthetic;

/// <summary>
/// Everything one snippet needs, drawn once from its seed: camera, layers (back to front does not matter:
/// the renderer keeps a depth buffer), lighting and the random numbers behind textures and sensor noise.
/// Pure data; rendering is <see cref="SceneRenderer"/>.
/// </summary>
internal sealed class SyntheticScene
{
    public required SyntheticVideoSettings Settings { get; init; }

    public required SceneCamera Camera { get; init; }

    /// <summary>The layers; layer 0 is the sky, which covers every pixel.</summary>
    public required IReadOnlyList<SceneLayer> Layers { get; init; }

    /// <summary>Value-noise tile, side <see cref="NoiseTileSide"/> + 1 with the first row and column repeated last (so it wraps seamlessly).</summary>
    public required float[] NoiseTile { get; init; }

    /// <summary>Side of the periodic noise tile.</summary>
    public const int NoiseTileSide = 32;

    /// <summary>Standard-normal numbers for the sensor noise; frame t reads H·W·3 of them from <see cref="NoiseOffsets"/>[t].</summary>
    public required float[] SensorNoise { get; init; }

    /// <summary>Start of each frame's window into <see cref="SensorNoise"/>.</summary>
    public required int[] NoiseOffsets { get; init; }

    /// <summary>Global gain of each frame (lighting change).</summary>
    public required float[] Gains { get; init; }

    /// <summary>Height above the horizon, in metres on the sky plane, at which the sky gradient reaches its zenith colour.</summary>
    public required double SkyGradientHeight { get; init; }

    /// <summary>Half-width of the road (lane markings follow it).</summary>
    public required double RoadHalfWidth { get; init; }
}
