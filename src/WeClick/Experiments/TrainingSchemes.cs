using WeClick.Losses;

namespace WeClick.Experiments;

/// <summary>
/// The training schemes of WeClick's Table 1 as losses: the teacher on clicks (weakly, Fig. 3a), the students' rows that
/// each add one term of Eq. 5, and the fully supervised upper bound. Sweeps (<see cref="PaperExperiments"/>), the CLI's
/// <c>train</c> and the notebooks name a run's scheme here, so a row means the same loss everywhere.
/// </summary>
public static class TrainingSchemes
{
    /// <summary>
    /// The student rows of WeClick's Table 1 and the loss each uses: each row sets the weight of one more term of Eq. 5
    /// and nothing else (<c>loss.kdFrames</c>, n, sampling and flow stay the experiment's), so +KD and +KD+MFD distil the
    /// same frames and their difference is MFD's.
    /// </summary>
    public static IReadOnlyList<(string Variant, Func<LossConfig, LossConfig> Loss)> StudentRows { get; } =
    [
        ("weakly", loss => loss with { Beta = 0, Gamma = 0 }),
        ("weakly+KD", loss => loss with { Beta = 0 }),
        ("weakly+KD+MFD", loss => loss),
    ];

    /// <summary>
    /// The upper bound's loss: the same network and schedule trained on the dense labels with plain cross-entropy
    /// (<see cref="Supervision.Dense"/>), no KD and no MFD. Set against the weakly row it differs in the supervision alone,
    /// so click-trained mIoU over this row's is what the clicks cost (about 0.77 on Cityscapes in the paper).
    /// </summary>
    public static LossConfig DenseLoss(LossConfig loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss with { Beta = 0, Gamma = 0, Supervision = Supervision.Dense };
    }

    /// <summary>The teacher's config: the experiment with KD and MFD off (the teacher trains on weakly alone, Fig. 3a).</summary>
    public static ExperimentConfig TeacherConfig(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { Loss = config.Loss with { Beta = 0, Gamma = 0 } };
    }

    /// <summary>
    /// The Table 1 row a loss makes: weakly, weakly+KD, weakly+MFD or weakly+KD+MFD from clicks; dense (the upper bound),
    /// dense+KD, ... from dense labels.
    /// </summary>
    public static string VariantOf(LossConfig loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var supervision = loss.Supervision == Supervision.Dense ? "dense" : "weakly";
        return supervision + (loss.Beta > 0, loss.Gamma > 0) switch
        {
            (false, false) => "",
            (false, true) => "+KD",
            (true, false) => "+MFD",
            _ => "+KD+MFD",
        };
    }
}
