namespace WeClick.Experiments;

/// <summary>What <see cref="SweepRunner.Run"/> returns: the rows read back from the store, and what happened.</summary>
/// <param name="Sweep">The sweep.</param>
/// <param name="SweepId">Its id in the results store; 0 for a plan only (<see cref="SweepOptions.PlanOnly"/>).</param>
/// <param name="Rows">Teachers first (dense, then click-trained), then the points in table order.</param>
/// <param name="ClassNames">The classes of the per-class IoU, in index order.</param>
/// <param name="Notes">How far apart the frames of clips and temporal-consistency runs are (<see cref="ExperimentData.NeighbourNotes"/>), one line each.</param>
/// <param name="Trained">Runs trained (or resumed) by this call.</param>
/// <param name="Reused">Runs found finished in the store.</param>
/// <param name="WallSeconds">The call's wall time.</param>
public sealed record SweepResult(Sweep Sweep, long SweepId, IReadOnlyList<SweepRow> Rows, IReadOnlyList<string> ClassNames, IReadOnlyList<string> Notes,
    int Trained, int Reused, double WallSeconds);
