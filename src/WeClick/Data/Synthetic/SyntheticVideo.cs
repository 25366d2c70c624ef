using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data.Synthetic;

/// <summary>
/// The embedded synthetic driving video: procedurally rendered street snippets (no download) with exact
/// class and instance labels and exact optical flow, so the whole pipeline (clicks, MFD with flow, Gated CRF)
/// runs on a CPU in minutes. Each snippet is a pinhole camera driving and panning along a street of planar
/// layers (road, sidewalks, facades, trees, hedges, fences, poles, signs, cars, pedestrians, bicyclists) with
/// procedural textures, a global lighting change and Gaussian sensor noise.
/// </summary>
/// <remarks>Deterministic: the same settings and snippet seed give byte-identical frames, labels and flows
/// (every random number comes from a seeded <see cref="Random"/>; libtorch's global generator is not used).</remarks>
public sealed class SyntheticVideo
{
    /// <summary>Validates and keeps <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">A setting is out of range (see <see cref="SyntheticVideoSettings.Validate"/>).</exception>
    public SyntheticVideo(SyntheticVideoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validate();
    }

    /// <summary>The settings.</summary>
    public SyntheticVideoSettings Settings { get; }

    /// <summary>The split names, in the order their seeds are derived ("train", "val").</summary>
    public static IReadOnlyList<string> Splits { get; } = ["train", "val"];

    /// <summary>Number of snippets in <paramref name="split"/>.</summary>
    /// <exception cref="ArgumentException">The split is not "train" or "val".</exception>
    public int SnippetCount(string split) => SplitIndex(split) == 0 ? Settings.TrainSnippets : Settings.ValSnippets;

    /// <summary>
    /// The seed of snippet <paramref name="index"/> of <paramref name="split"/>, mixed from the settings' seed
    /// (SplitMix64 finaliser, so neighbouring snippets and seeds get unrelated scenes; stable across runs and machines).
    /// </summary>
    public int SnippetSeed(string split, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var z = unchecked((ulong)(uint)Settings.Seed * 0x9E3779B97F4A7C15UL + ((ulong)SplitIndex(split) << 40) + (ulong)index + 1);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>Generates snippet <paramref name="index"/> of <paramref name="split"/> (seed from <see cref="SnippetSeed"/>).</summary>
    /// <param name="split">"train" or "val".</param>
    /// <param name="index">Snippet number within the split (≥ 0).</param>
    /// <param name="labelEveryFrame">Also keep the labels and instance ids of every frame (tests, temporal-consistency metrics).</param>
    public SyntheticSnippet Generate(string split, int index, bool labelEveryFrame = false) =>
        Generate(SnippetSeed(split, index), labelEveryFrame);

    /// <summary>Generates the snippet of a given scene seed.</summary>
    /// <param name="seed">Seed of the scene (layout, motion, textures, lighting, noise).</param>
    /// <param name="labelEveryFrame">Also keep the labels and instance ids of every frame.</param>
    public SyntheticSnippet Generate(int seed, bool labelEveryFrame = false)
    {
        var s = Settings;
        var scene = SceneBuilder.Build(s, seed);
        int length = s.SnippetLength, f = s.LabelledIndex;
        var frames = new Tensor[length];
        var labels = new Tensor[length];
        var instances = new Tensor[length];
        var flows = new Tensor?[length];
        var valid = new Tensor?[length];
        var rendered = new RenderedFrame?[length];
        using var scope = NewDisposeScope();
        var classOf = tensor(scene.Layers.Select(l => l.ClassId).ToArray());
        var instanceOf = tensor(scene.Layers.Select(l => l.InstanceId).ToArray());
        var lens = LensKernel();
        using var renderer = new SceneRenderer(scene);
        try
        {
            for (var t = 0; t < length; t++)
            {
                rendered[t] = renderer.Render(t);
                frames[t] = Finish(scene, rendered[t]!, t, lens).DetachFromDisposeScope();
                if (labelEveryFrame || t == f)
                {
                    var index = rendered[t]!.LayerIndex;
                    labels[t] = ClassIds(classOf, rendered[t]!).DetachFromDisposeScope();
                    instances[t] = instanceOf.index_select(0, index.flatten()).view(s.Height, s.Width).DetachFromDisposeScope();
                }
            }
            for (var t = 0; t < length; t++)
            {
                if (t != f)
                {
                    (flows[t], valid[t]) = GroundTruthFlow.Compute(scene, rendered[f]!, rendered[t]!, t);
                }
            }
        }
        finally
        {
            foreach (var r in rendered)
            {
                r?.Dispose();
            }
        }
        if (!labelEveryFrame)
        {
            for (var t = 0; t < length; t++)
            {
                labels[t] ??= labels[f];
                instances[t] ??= instances[f];
            }
        }
        return new SyntheticSnippet(f, frames, labels, instances, flows, valid, labelEveryFrame);
    }

    /// <summary>
    /// The class ids of some frames of snippet <paramref name="index"/> of <paramref name="split"/>, the labels that
    /// <see cref="Generate(string, int, bool)"/> with <c>labelEveryFrame</c> gives for them, rendered without the other
    /// frames and without flow. A written dataset labels frame F only (<see cref="SyntheticDatasetWriter"/>); the temporal
    /// consistency of the ground truth needs the labels of the frames before it, which the deterministic generator restores.
    /// </summary>
    /// <param name="split">"train" or "val".</param>
    /// <param name="index">Snippet number within the split (≥ 0).</param>
    /// <param name="frames">0-based frame indices in the snippet, in any order.</param>
    /// <returns>uint8 [H, W] per entry of <paramref name="frames"/>, in its order; the caller disposes them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A frame lies outside the snippet.</exception>
    public Tensor[] RenderLabels(string split, int index, IReadOnlyList<int> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        foreach (var t in frames)
        {
            if (t < 0 || t >= Settings.SnippetLength)
            {
                throw new ArgumentOutOfRangeException(nameof(frames), t, $"Frame {t} lies outside the snippet (0..{Settings.SnippetLength - 1}).");
            }
        }
        var scene = SceneBuilder.Build(Settings, SnippetSeed(split, index));
        using var scope = NewDisposeScope();
        var classOf = tensor(scene.Layers.Select(l => l.ClassId).ToArray());
        using var renderer = new SceneRenderer(scene);
        var labels = new Tensor[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            using var rendered = renderer.Render(frames[i]);
            labels[i] = ClassIds(classOf, rendered).DetachFromDisposeScope();
        }
        return labels;
    }

    // uint8 [H, W]: the class of the layer each pixel shows.
    private Tensor ClassIds(Tensor classOf, RenderedFrame frame) =>
        classOf.index_select(0, frame.LayerIndex.flatten()).view(Settings.Height, Settings.Width);

    private static int SplitIndex(string split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var i = Splits.ToList().IndexOf(split);
        return i >= 0 ? i : throw new ArgumentException($"Unknown split '{split}': expected one of {string.Join(", ", Splits.Select(x => $"'{x}'"))}.", nameof(split));
    }

    private const double LensSigma = 0.6;

    // [3, 1, 3, 3]: the separable 3×3 Gaussian, one copy per colour channel (a depthwise convolution).
    private static Tensor LensKernel()
    {
        var g = new[] { Math.Exp(-1 / (2 * LensSigma * LensSigma)), 1, Math.Exp(-1 / (2 * LensSigma * LensSigma)) };
        var sum = g.Sum();
        var k = new float[27];
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 9; i++)
            {
                k[9 * c + i] = (float)(g[i / 3] * g[i % 3] / (sum * sum));
            }
        }
        return tensor(k, [3, 1, 3, 3]);
    }

    /// <summary>Lens blur, lighting gain, sensor noise, rounding: float [3, H, W] colour → uint8 [H, W, 3].</summary>
    private static Tensor Finish(SyntheticScene scene, RenderedFrame frame, int t, Tensor lens)
    {
        var s = scene.Settings;
        // The lens: a small Gaussian blur (σ = 0.6 px) band-limits the hard edges between layers and parts, as a real
        // camera does; without it, interpolating across aliased edges dominates the photometric error of exact flow.
        using var padded = nn.functional.pad(frame.Colour.unsqueeze(0), [1, 1, 1, 1], PaddingModes.Replicate); // [1,3,H+2,W+2]
        using var blurred = nn.functional.conv2d(padded, lens, groups: 3).squeeze(0);
        var image = blurred.mul(scene.Gains[t]).permute(1, 2, 0); // [3,H,W] → [H,W,3]
        if (s.NoiseLevel > 0)
        {
            var n = s.Height * s.Width * 3;
            var noise = tensor(scene.SensorNoise.AsMemory(scene.NoiseOffsets[t], n), [s.Height, s.Width, 3]); // a copy
            image = image.add(noise.mul(s.NoiseLevel));
        }
        return image.round().clamp(0.0, 255.0).to(ScalarType.Byte).contiguous();
    }
}
