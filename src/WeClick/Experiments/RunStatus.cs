namespace WeClick.Experiments;

/// <summary>Where a run stands: stored as <c>running</c> / <c>finished</c> / <c>failed</c>.</summary>
public enum RunStatus
{
    /// <summary>Started, not finished (or the process died: no end time).</summary>
    Running,
    /// <summary>Finished with final metrics.</summary>
    Finished,
    /// <summary>Stopped by an error (the message is kept).</summary>
    Failed,
}
