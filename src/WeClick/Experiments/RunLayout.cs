using System.Globalization;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// Where a workspace keeps each thing, and what runs and rows are called: the one place that names run folders, reports,
/// the flow cache, progress titles and table labels, so the CLI, the notebooks and the sweeps find each other's runs.
/// </summary>
/// <remarks>
/// A workspace (<c>runs/</c> by default) holds:
/// <list type="bullet">
/// <item><c>results.db</c>, the results store (<see cref="ResultStore"/>);</item>
/// <item><c>flow-cache/</c>, the neighbour flows, computed once;</item>
/// <item><c>&lt;config&gt;/teacher-seed&lt;N&gt;-&lt;key&gt;/</c> and <c>&lt;config&gt;/student-&lt;scheme&gt;-seed&lt;N&gt;-&lt;key&gt;/</c>,
/// one folder per run identity (<see cref="RunFolder"/>);</item>
/// <item><c>&lt;config&gt;/report/</c>, the reproduction's report (Table 1 with examples);</item>
/// <item><c>&lt;config&gt;/experiments/&lt;experiment&gt;/</c>, each experiment's report.</item>
/// </list>
/// </remarks>
/// <param name="Workspace">The workspace folder.</param>
public sealed record RunLayout(string Workspace)
{
    /// <summary>The results store's file.</summary>
    public string Store => Path.Combine(Workspace, ResultStore.FileName);

    /// <summary>The flow cache every student of the workspace shares (flows depend on the frames and the method only).</summary>
    public string FlowCache => Path.Combine(Workspace, "flow-cache");

    /// <summary>The folder of a config's runs and reports.</summary>
    public string ConfigFolder(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine(Workspace, config.Name);
    }

    /// <summary>
    /// A run's folder: <c>&lt;name&gt;/teacher-seed&lt;N&gt;-&lt;key&gt;</c> or <c>&lt;name&gt;/student-&lt;variant&gt;-seed&lt;N&gt;-&lt;key&gt;</c>,
    /// one per identity (<see cref="RunIdentity.Key"/>), so two runs that could differ never share a folder; a teacher of
    /// another variant than weakly (the dense upper bound) is <c>teacher-&lt;variant&gt;-seed&lt;N&gt;-&lt;key&gt;</c>.
    /// </summary>
    public string RunFolder(ExperimentConfig config, TrainingRole role, string variant, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        // The click teacher keeps its short name; the dense upper bound's teacher says what it is.
        var run = role == TrainingRole.Teacher
            ? (variant == "weakly" ? $"teacher-seed{seed}" : $"teacher-{variant}-seed{seed}")
            : $"student-{variant}-seed{seed}";
        return Path.Combine(ConfigFolder(config), string.Create(CultureInfo.InvariantCulture, $"{run}-{RunIdentity.Key(config, role, seed)}"));
    }

    /// <summary>The reproduction's report (Table 1 with size, speed, per-class IoU and examples).</summary>
    public string ReproductionReport(ExperimentConfig config) => Path.Combine(ConfigFolder(config), "report");

    /// <summary>An experiment's report (<c>weclick reproduce --experiment NAME</c>).</summary>
    public string ExperimentReport(ExperimentConfig config, string experiment)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        return Path.Combine(ConfigFolder(config), "experiments", experiment);
    }

    /// <summary>A teacher's row label: <c>teacher weakly</c>, <c>teacher dense</c>, or with what tells several apart
    /// (<c>teacher weakly · pspnet-resnet18</c>).</summary>
    public static string TeacherLabel(string variant, string? qualifier = null) =>
        qualifier is null ? $"teacher {variant}" : $"teacher {variant} · {qualifier}";

    /// <summary>
    /// A run's name in progress lines and logs: a teacher's row label (<see cref="TeacherLabel"/>) or <c>student</c> and a
    /// student's row label, then the seed: <c>teacher weakly seed 0</c>, <c>student weakly+KD seed 1</c>,
    /// <c>student forward seed 0</c>.
    /// </summary>
    public static string Title(TrainingRole role, string label, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{(role == TrainingRole.Teacher ? "" : "student ")}{label} seed {seed}");

    /// <summary>A row with its network, for tables that mix networks: <c>teacher weakly (deeplabv3plus-resnet18)</c>,
    /// <c>student weakly+KD (deeplabv3plus-mobilenetv2)</c>.</summary>
    public static string RowWithModel(TrainingRole role, string label, string model) =>
        $"{(role == TrainingRole.Teacher ? "" : "student ")}{label} ({model})";
}
