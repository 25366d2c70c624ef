using System.Globalization;
using WeClick.Data;
using TorchSharp;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Flow;

/// <summary>
/// Computes the flow of each (target, neighbour) pair once and keeps it on disk, since the flow estimator is frozen
/// (WeClick §3.3): <c>&lt;root&gt;/&lt;estimator key&gt;/&lt;dataset&gt;/&lt;target&gt;__&lt;neighbour&gt;.safetensors</c>, one float16
/// tensor <c>flow</c> [2, H, W] with metadata naming the estimator key, the pair and the size. With a
/// <see cref="ForwardBackwardCheck"/>, the reverse flow (target → neighbour) is cached too, as
/// <c>…__reverse.safetensors</c>, and the returned validity marks the pixels that pass the check (occlusions fail it).
/// Plug <see cref="Get"/> into
/// <see cref="ClipDatasetOptions.FlowSource"/>: flows then join clips before augmentation, which scales, crops and
/// flips them with the frames.
/// </summary>
/// <remarks>
/// A changed estimator setting changes the key, so no stale entry is ever reused. A file that is corrupt or was written
/// for another key, pair or size is reported through <c>warn</c> and recomputed. Every flow, computed or loaded, is
/// rounded to float16, so that the first epoch and a resumed run see identical numbers. Safe for several loader
/// workers: files are written atomically, and two workers computing one pair write the same bytes.
/// </remarks>
public sealed class FlowCache
{
    private readonly Action<string> _warn;
    private int _computed;
    private int _loaded;

    /// <summary>A cache under <paramref name="root"/> for <paramref name="estimator"/>.</summary>
    /// <param name="root">Folder of the cache (created on first write).</param>
    /// <param name="estimator">The frozen flow estimator.</param>
    /// <param name="warn">Receives one line per corrupt or stale entry (default: standard error).</param>
    /// <param name="occlusion">Where set, each flow comes with the validity of this forward–backward check (twice the
    /// estimates on a cold cache); where null, with no validity mask.</param>
    public FlowCache(string root, IFlowEstimator estimator, Action<string>? warn = null, ForwardBackwardCheck? occlusion = null)
    {
        Occlusion = occlusion?.Validate();
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = root;
        Estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        _warn = warn ?? (line => Console.Error.WriteLine(line));
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary>The estimator whose flows are cached.</summary>
    public IFlowEstimator Estimator { get; }

    /// <summary>The occlusion check applied to each flow, or null.</summary>
    public ForwardBackwardCheck? Occlusion { get; }

    /// <summary>Flows computed (cache misses) so far, reverse flows included.</summary>
    public int Computed => Volatile.Read(ref _computed);

    /// <summary>Flows read from disk (cache hits) so far, reverse flows included.</summary>
    public int Loaded => Volatile.Read(ref _loaded);

    /// <summary>The file that holds the flow of this pair (or, with <paramref name="reverse"/>, its reverse flow).</summary>
    public string PathFor(FlowRequest request, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var neighbour = Path.GetFileNameWithoutExtension(request.NeighbourPath);
        var suffix = reverse ? "__reverse" : "";
        return Path.Combine(Root, SafeName(Estimator.Key), SafeName(request.Dataset), $"{SafeName(request.Target)}__{SafeName(neighbour)}{suffix}.safetensors");
    }

    /// <summary>
    /// The flow of the pair, float32 [2, H, W] (float16-rounded), from disk if cached, else computed and stored; with
    /// <see cref="Occlusion"/> set, also its forward–backward validity (uint8 [H, W]).
    /// </summary>
    public FlowField Get(FlowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flow = GetOrCompute(request, reverse: false);
        if (Occlusion is not { } check)
        {
            return new FlowField(flow);
        }
        try
        {
            using var reverse = GetOrCompute(request, reverse: true);
            return new FlowField(flow, check.Valid(flow, reverse));
        }
        catch
        {
            flow.Dispose();
            throw;
        }
    }

    private Tensor GetOrCompute(FlowRequest request, bool reverse)
    {
        var path = PathFor(request, reverse);
        long height = request.TargetImage.size(0), width = request.TargetImage.size(1);
        var metadata = new Dictionary<string, string>
        {
            ["estimator"] = Estimator.Key,
            ["target"] = reverse ? request.NeighbourPath : request.TargetPath,
            ["neighbour"] = reverse ? request.TargetPath : request.NeighbourPath,
            ["size"] = string.Create(CultureInfo.InvariantCulture, $"{height}x{width}"),
        };
        if (File.Exists(path) && TryLoad(path, metadata) is { } cached)
        {
            Interlocked.Increment(ref _loaded);
            return cached;
        }
        using var scope = NewDisposeScope();
        var estimate = reverse
            ? Estimator.Estimate(request.NeighbourImage, request.TargetImage)
            : Estimator.Estimate(request.TargetImage, request.NeighbourImage);
        var half = estimate.to(ScalarType.Float16);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Safetensors.Save(new Dictionary<string, Tensor> { ["flow"] = half }, path, metadata);
        Interlocked.Increment(ref _computed);
        return half.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    private Tensor? TryLoad(string path, IReadOnlyDictionary<string, string> expected)
    {
        try
        {
            using var file = Safetensors.Load(path, null);
            var stale = expected.FirstOrDefault(e => !file.Metadata.TryGetValue(e.Key, out var value) || value != e.Value);
            if (stale.Key is not null || !file.Tensors.TryGetValue("flow", out var flow) || flow.dtype != ScalarType.Float16)
            {
                _warn($"flow cache: '{path}' was written for other settings ({stale.Key ?? "flow tensor"} differs); recomputing.");
                return null;
            }
            return flow.to(ScalarType.Float32);
        }
        catch (SafetensorsFormatException e)
        {
            _warn($"flow cache: '{path}' is corrupt ({e.Message}); recomputing.");
            return null;
        }
    }

    private static string SafeName(string text) =>
        string.Concat(text.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
