using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Data;

/// <summary>
/// Clips collated into training tensors (B clips of the same size, n − 1 neighbours each). Owns its tensors: dispose it.
/// </summary>
public sealed class ClipBatch : IDisposable
{
    private ClipBatch(Tensor images, Tensor labels, Tensor valid, Tensor clickMaps, Tensor? neighbours, Tensor? flows, Tensor? flowValid)
    {
        (Images, Labels, Valid, ClickMaps, Neighbours, Flows, FlowValid) = (images, labels, valid, clickMaps, neighbours, flows, flowValid);
    }

    /// <summary>float32 [B, 3, H, W] normalised target frames.</summary>
    public Tensor Images { get; }

    /// <summary>int64 [B, H, W] dense trainIds, 255 = ignore (evaluation, and the target of the dense upper bound; never a training target in the weak setting).</summary>
    public Tensor Labels { get; }

    /// <summary>float32 [B, H, W]: 1 real pixel, 0 padding (Gated CRF's ROI).</summary>
    public Tensor Valid { get; }

    /// <summary>int64 [B, H, W]: the class at each click's pixel, 255 elsewhere (partial cross-entropy's target, Eq. 1).</summary>
    public Tensor ClickMaps { get; }

    /// <summary>float32 [B, n−1, 3, H, W] normalised neighbour frames (ascending frame index), or null for n = 1.</summary>
    public Tensor? Neighbours { get; }

    /// <summary>float32 [B, n−1, 2, H, W] neighbour → target flows on the target grid, or null unless every clip has them.</summary>
    public Tensor? Flows { get; }

    /// <summary>float32 [B, n−1, H, W] flow validity, or null.</summary>
    public Tensor? FlowValid { get; }

    /// <summary>Clip names in batch order.</summary>
    public IReadOnlyList<string> Names { get; private init; } = [];

    /// <summary>Target frame indices.</summary>
    public IReadOnlyList<int> TargetIndices { get; private init; } = [];

    /// <summary>Neighbour frame indices per clip.</summary>
    public IReadOnlyList<IReadOnlyList<int>> NeighbourIndices { get; private init; } = [];

    /// <summary>Clicks per clip, as points (after augmentation).</summary>
    public IReadOnlyList<IReadOnlyList<PointLabel>> Clicks { get; private init; } = [];

    /// <summary>Collates clips (not disposed here).</summary>
    /// <exception cref="ArgumentException">No clips, or clips that differ in size or neighbour count (set a crop size); names the clips.</exception>
    public static ClipBatch Collate(IReadOnlyList<Clip> clips, ImageNormalization? normalization = null, int ignoreIndex = 255)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one clip.", nameof(clips));
        }
        var first = clips[0];
        foreach (var clip in clips)
        {
            if (clip.Height != first.Height || clip.Width != first.Width || clip.Neighbours.Count != first.Neighbours.Count)
            {
                throw new ArgumentException(
                    $"Clips '{first.Name}' ({first.Width}×{first.Height}, {first.Neighbours.Count} neighbours) and '{clip.Name}' " +
                    $"({clip.Width}×{clip.Height}, {clip.Neighbours.Count} neighbours) cannot share a batch: set a crop size.", nameof(clips));
            }
        }
        using var scope = NewDisposeScope();
        var images = stack(clips.Select(c => Clip.ToTensor(c.Image, normalization)).ToArray());
        var labels = stack(clips.Select(c => c.Label.to(ScalarType.Int64)).ToArray());
        var valid = stack(clips.Select(c => c.Valid.to(ScalarType.Float32)).ToArray());
        var clickMaps = stack(clips.Select(c => c.ClickMap(ignoreIndex).to(ScalarType.Int64)).ToArray());
        Tensor? neighbours = null, flows = null, flowValid = null;
        if (first.Neighbours.Count > 0)
        {
            neighbours = stack(clips.Select(c => stack(c.Neighbours.Select(f => Clip.ToTensor(f.Image, normalization)).ToArray())).ToArray());
            if (clips.All(c => c.Neighbours.All(f => f.Flow is not null)))
            {
                flows = stack(clips.Select(c => stack(c.Neighbours.Select(f => f.Flow!).ToArray())).ToArray());
                if (clips.All(c => c.Neighbours.All(f => f.FlowValid is not null)))
                {
                    flowValid = stack(clips.Select(c => stack(c.Neighbours.Select(f => f.FlowValid!.to(ScalarType.Float32)).ToArray())).ToArray());
                }
            }
        }
        return new ClipBatch(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), valid.MoveToOuterDisposeScope(),
            clickMaps.MoveToOuterDisposeScope(), neighbours?.MoveToOuterDisposeScope(), flows?.MoveToOuterDisposeScope(), flowValid?.MoveToOuterDisposeScope())
        {
            Names = clips.Select(c => c.Name).ToArray(),
            TargetIndices = clips.Select(c => c.TargetIndex).ToArray(),
            NeighbourIndices = clips.Select(c => (IReadOnlyList<int>)c.Neighbours.Select(f => f.Index).ToArray()).ToArray(),
            Clicks = clips.Select(c => (IReadOnlyList<PointLabel>)c.Clicks.ToArray()).ToArray(),
        };
    }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Valid.Dispose();
        ClickMaps.Dispose();
        Neighbours?.Dispose();
        Flows?.Dispose();
        FlowValid?.Dispose();
    }
}
