using WeClick.Vision;

namespace WeClick.Flow;

/// <summary>How clips get their flows: the method, its settings, and whether estimated flows are occlusion-checked.</summary>
/// <param name="Method">Estimator or ground truth (default DIS).</param>
/// <param name="DisPreset">DIS preset (Medium: the most accurate of OpenCV's three).</param>
/// <param name="RaftModel">The TorchScript file of <see cref="FlowMethod.Raft"/> (required for it).</param>
/// <param name="RaftUpdates">RAFT's refinement count (torchvision's default 12).</param>
/// <param name="OcclusionCheck">Where set, estimated flows carry the validity of this forward–backward check, so MFD
/// skips occluded pixels. Default null: the paper masks only samples that leave the frame (§3.3), and the check doubles the
/// flow computations. Ground truth always carries its own visibility mask.</param>
public sealed record FlowSettings(
    FlowMethod Method = FlowMethod.Dis,
    DisPreset DisPreset = DisPreset.Medium,
    string? RaftModel = null,
    int RaftUpdates = 12,
    ForwardBackwardCheck? OcclusionCheck = null)
{
    /// <summary>Throws when the settings cannot work.</summary>
    /// <exception cref="ArgumentException">The message names the setting and what to do.</exception>
    /// <exception cref="FileNotFoundException">The RAFT file does not exist (named).</exception>
    public FlowSettings Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentException($"FlowSettings.Method: unknown flow method {(int)Method}.", nameof(Method));
        }
        if (Method == FlowMethod.Raft)
        {
            if (string.IsNullOrEmpty(RaftModel))
            {
                throw new ArgumentException("FlowSettings.RaftModel: flow method 'raft' needs the exported TorchScript file (make one with data-scripts/flow/export_raft.py).", nameof(RaftModel));
            }
            if (!File.Exists(RaftModel))
            {
                throw new FileNotFoundException($"FlowSettings.RaftModel: '{RaftModel}' does not exist (make it with data-scripts/flow/export_raft.py).", RaftModel);
            }
        }
        if (RaftUpdates < 1)
        {
            throw new ArgumentException($"FlowSettings.RaftUpdates must be >= 1, got {RaftUpdates}.", nameof(RaftUpdates));
        }
        OcclusionCheck?.Validate();
        return this;
    }

    /// <summary>
    /// The estimator these settings name: DIS with <see cref="DisPreset"/>, Farnebäck, or RAFT from <see cref="RaftModel"/>
    /// (disposable: dispose it when done).
    /// </summary>
    /// <exception cref="InvalidOperationException">The method is ground truth, which is read from the dataset, not estimated.</exception>
    public IFlowEstimator CreateEstimator() => Method switch
    {
        FlowMethod.Dis => new DisFlowEstimator(DisPreset),
        FlowMethod.Farneback => new FarnebackFlowEstimator(),
        FlowMethod.Raft => new TorchScriptFlowEstimator(RaftModel!, RaftUpdates),
        _ => throw new InvalidOperationException($"Flow method {Method} is read from the dataset, not estimated: it has no estimator."),
    };
}
