using WeClick.Losses;

namespace WeClick.Experiments;

/// <summary>
/// One combination of a <see cref="Sweep"/>'s axis values: the student config it trains (for every seed of the sweep)
/// and its label, the values joined (<c>backward · n = 3</c>).
/// </summary>
/// <param name="Label">The row's name in tables: the axis values' labels joined with " · ".</param>
/// <param name="AxisValues">Axis name → value label, in axis order.</param>
/// <param name="Config">The base config with the values' overrides applied.</param>
public sealed record SweepPoint(string Label, IReadOnlyList<KeyValuePair<string, string>> AxisValues, ExperimentConfig Config)
{
    /// <summary>The Table 1 scheme its loss makes (<c>weakly+KD+MFD</c>, <c>dense</c>, …): the run's variant in the store.</summary>
    public string Variant => TrainingSchemes.VariantOf(Config.Loss);

    /// <summary>Whether its students need the trained teacher: KD (γ &gt; 0) or MFD (β &gt; 0) is on.</summary>
    public bool NeedsTeacher => Config.Loss.Beta > 0 || Config.Loss.Gamma > 0;

    /// <summary>The teacher its students distil: the point's config with KD and MFD off (Fig. 3a), and click supervision
    /// unless the point trains on dense labels.</summary>
    public ExperimentConfig TeacherConfig => TrainingSchemes.TeacherConfig(Config);

    /// <summary>Whether the point trains on dense labels (the upper bound).</summary>
    public bool Dense => Config.Loss.Supervision == Supervision.Dense;
}
