namespace WeClick.Flow;

/// <summary>Where the flows that MFD warps with come from (WeClick §3.3 uses a frozen FlowNet 2.0; algorithms.md A9).</summary>
public enum FlowMethod
{
    /// <summary>OpenCV DIS (the default: fast on a CPU, no weights to download).</summary>
    Dis,

    /// <summary>OpenCV Farnebäck.</summary>
    Farneback,

    /// <summary>A learned flow net (RAFT) exported to TorchScript (data-scripts/flow/export_raft.py).</summary>
    Raft,

    /// <summary>The dataset's own exact flow (the synthetic set), for experiments without flow error.</summary>
    GroundTruth,
}
