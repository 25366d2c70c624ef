using WeClick.Engine;

namespace WeClick.Training;

/// <summary>Where a run stands, stored inside its checkpoint (and beside it as readable JSON).</summary>
/// <param name="Role">Teacher or student.</param>
/// <param name="Model">Catalogue name of the trained network.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="EpochsDone">Completed epochs.</param>
/// <param name="Step">Optimisation steps done.</param>
/// <param name="BestMetric">Best validation mIoU so far (null before the first validation).</param>
/// <param name="BestEpoch">The epoch that reached it.</param>
/// <param name="Config">The full effective experiment config (JSON text) the run was started with.</param>
/// <param name="OptimizerGroups">The optimiser's kind, parameter-group options (lr, momentum, …) and parameter indices
/// (<see cref="OptimizerStates.CaptureState"/>); filled in by <see cref="TrainingCheckpoint.Save"/>.</param>
public sealed record CheckpointState(
    TrainingRole Role,
    string Model,
    int Seed,
    int EpochsDone,
    long Step,
    double? BestMetric,
    int? BestEpoch,
    string Config,
    IReadOnlyList<OptimizerGroupState> OptimizerGroups);
