using WeClick.Flow;
using WeClick.Training;
using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>
/// Everything that defines one experiment, as a typed record that round-trips through JSON (the file on disk, the copy in
/// each checkpoint and in the results store): data, clicks, teacher and student, loss weights and switches (Eq. 5), clip
/// sampling and MFD direction, flow, schedules, evaluation, seeds, device. Presets are in <see cref="ExperimentPresets"/>;
/// JSON and <c>--set key=value</c> overrides in <c>ConfigFile</c>.
/// </summary>
/// <remarks>
/// Keys are camelCase in JSON (<c>loss.beta</c>, <c>studentSchedule.epochs</c>); enums are strings (<c>"forward"</c>).
/// Every random choice of a run derives from the run's seed (one of <see cref="Seeds"/>), so a config and a seed fix the
/// numbers.
/// </remarks>
public sealed record ExperimentConfig
{
    /// <summary>A short name for reports and the store (e.g. the preset's).</summary>
    public string Name { get; init; } = "experiment";

    /// <summary>Dataset, splits and where they live.</summary>
    public DataConfig Data { get; init; } = new();

    /// <summary>How clicks are generated from the dense labels (WeClick §4.2).</summary>
    public ClicksConfig Clicks { get; init; } = new();

    /// <summary>The big network trained from clicks alone (Fig. 3a).</summary>
    public ModelConfig Teacher { get; init; } = new() { Name = "deeplabv3plus-resnet101" };

    /// <summary>The compact network trained with KD and MFD (Fig. 3b).</summary>
    public ModelConfig Student { get; init; } = new() { Name = "deeplabv3plus-resnet18" };

    /// <summary>Loss weights and switches (Eq. 2, 3, 4, 5).</summary>
    public LossConfig Loss { get; init; } = new();

    /// <summary>Input frames n, MFD direction and neighbour sampling (§3.3, §4.4).</summary>
    public ClipConfig Clip { get; init; } = new();

    /// <summary>Where the student's flows come from.</summary>
    public FlowSettings Flow { get; init; } = new();

    /// <summary>Optimisation of the teacher.</summary>
    public ScheduleConfig TeacherSchedule { get; init; } = new();

    /// <summary>Optimisation of the student.</summary>
    public ScheduleConfig StudentSchedule { get; init; } = new();

    /// <summary>How models are evaluated on the validation split.</summary>
    public EvaluationConfig Evaluation { get; init; } = new();

    /// <summary>One run per seed; results are reported as mean ± std over them.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0];

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>libtorch intra-op threads; 0 = every core (<c>Environment.ProcessorCount</c>), for every command.</summary>
    public int Threads { get; init; }
}
