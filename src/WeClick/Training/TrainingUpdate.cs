namespace WeClick.Training;

/// <summary>What a training update reports.</summary>
public enum TrainingUpdateKind
{
    /// <summary>One optimisation step finished.</summary>
    Step,

    /// <summary>The validation split was evaluated (<see cref="TrainingUpdate.Validation"/> is set).</summary>
    Validated,

    /// <summary>An epoch finished and its checkpoint is on disk.</summary>
    EpochEnd,

    /// <summary>Training finished (every epoch done).</summary>
    Finished,
}

/// <summary>
/// One progress report of a training run: the terminal draws a live bar from these, notebooks draw live loss curves, the
/// experiment runner writes them to the results store.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Role">Teacher or student.</param>
/// <param name="Epoch">The current epoch, 1-based.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Optimisation steps done so far in the whole run (1-based after the first step).</param>
/// <param name="Steps">Optimisation steps of the whole run.</param>
/// <param name="Losses">The last step's loss parts (total, pce, gcrf, weakly, kd, mfd — those that are on).</param>
/// <param name="LearningRate">The learning rate of the last step.</param>
/// <param name="ImagesPerSecond">Target frames per second over the run so far (excludes validation).</param>
/// <param name="Eta">Estimated time to the end of the run (training steps only).</param>
/// <param name="Validation">Validation metrics (e.g. miou, pixelAccuracy), for <see cref="TrainingUpdateKind.Validated"/>.</param>
public sealed record TrainingUpdate(
    TrainingUpdateKind Kind,
    TrainingRole Role,
    int Epoch,
    int Epochs,
    long Step,
    long Steps,
    IReadOnlyDictionary<string, double> Losses,
    double LearningRate,
    double ImagesPerSecond,
    TimeSpan Eta,
    IReadOnlyDictionary<string, double>? Validation = null);
