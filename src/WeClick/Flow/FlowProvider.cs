using WeClick.Data;

namespace WeClick.Flow;

/// <summary>
/// One flow source built from <see cref="FlowSettings"/>, ready for <see cref="ClipDatasetOptions.FlowSource"/>: an
/// estimator behind a <see cref="FlowCache"/> (each pair computed once, reused across epochs and runs), or the dataset's
/// ground truth. Disposing it releases a loaded flow net.
/// </summary>
/// <example>
/// <code>
/// using var flows = FlowProvider.Create(new FlowSettings(FlowMethod.Dis), "runs/flow-cache");
/// var dataset = new CamVidDataset(root, "train", new ClipDatasetOptions(3) { FlowSource = flows.Get });
/// </code>
/// </example>
public sealed class FlowProvider : IDisposable
{
    private readonly IDisposable? _owned;

    private FlowProvider(FlowSettings settings, string key, FlowCache? cache, IDisposable? owned)
    {
        Settings = settings;
        Key = key;
        Cache = cache;
        _owned = owned;
    }

    /// <summary>The settings it was built from.</summary>
    public FlowSettings Settings { get; }

    /// <summary>The estimator's key (with the occlusion check's, if any), or <see cref="GroundTruthFlowSource.Key"/>.</summary>
    public string Key { get; }

    /// <summary>The cache of an estimator (hit and miss counts), or null for ground truth.</summary>
    public FlowCache? Cache { get; }

    /// <summary>Builds the source.</summary>
    /// <param name="settings">Method and settings.</param>
    /// <param name="cacheRoot">Folder of the flow cache (estimators only; created on first write).</param>
    /// <param name="warn">Receives the cache's warnings (corrupt or stale entries); default standard error.</param>
    /// <exception cref="ArgumentException">Invalid settings (named).</exception>
    public static FlowProvider Create(FlowSettings settings, string cacheRoot, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.Method == FlowMethod.GroundTruth)
        {
            return new FlowProvider(settings, GroundTruthFlowSource.Key, null, null);
        }
        ArgumentException.ThrowIfNullOrEmpty(cacheRoot);
        var estimator = settings.CreateEstimator();
        var cache = new FlowCache(cacheRoot, estimator, warn, settings.OcclusionCheck);
        var key = settings.OcclusionCheck is { } check ? $"{estimator.Key}+{check.Key}" : estimator.Key;
        return new FlowProvider(settings, key, cache, estimator as IDisposable);
    }

    /// <summary>The flow (and validity) of one pair: plug into <see cref="ClipDatasetOptions.FlowSource"/>.</summary>
    public FlowField Get(FlowRequest request) => Cache is { } cache ? cache.Get(request) : GroundTruthFlowSource.Get(request);

    /// <inheritdoc/>
    public void Dispose() => _owned?.Dispose();
}
