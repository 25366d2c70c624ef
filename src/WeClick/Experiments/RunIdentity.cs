using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WeClick.Training;
using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>
/// What makes a training run the same run: the part of an experiment config that can change its weights or its recorded
/// metrics. A finished run whose identity matches is reused, a checkpoint resumes only into a run of its own identity, and
/// each identity trains in its own folder (<see cref="RunLayout.RunFolder"/>), so changing a key never retrains what it cannot affect and never collides with
/// a folder of another run.
/// </summary>
/// <remarks>
/// <para>
/// The teacher (Fig. 3a) is trained once and serves every student row and seed, so its identity is its own config only:
/// <c>name</c>, <c>data</c> (without <c>data.workers</c> and <c>data.neighboursFolder</c>: the loader's threads do not change
/// a draw, and the teacher reads target frames only), <c>clicks</c>, <c>teacher</c>, <c>teacherSchedule</c>, the loss terms
/// it trains with (α, λ, <c>loss.gatedCrf</c>, <c>loss.supervision</c>; β = γ = 0), the evaluation settings that pick its best epoch
/// (<c>evaluation.flip</c>, <c>evaluation.scales</c>) and its seed. The student's model and schedule, the clip, the flow,
/// KD and MFD settings, the other seeds, <c>evaluation.temporalFrames</c> and <c>speedFrames</c>, <c>device</c> and
/// <c>threads</c> take their defaults in it: changing them reuses the finished teacher (its recorded temporal consistency
/// stays the one measured when it was trained).
/// </para>
/// <para>
/// A student depends on everything, its teacher included, except <c>device</c>, <c>threads</c> and <c>data.workers</c>,
/// which select hardware.
/// </para>
/// <para>
/// Hardware can still move a result within its noise: libtorch's parallel reductions sum in another order with another
/// thread count or device, so the same config and seed give the same numbers on the same machine and threads, and close
/// ones elsewhere. On the quick preset the ground-truth-flow student of <c>ablation-flow</c> measured 29.5 ± 1.0 % mIoU
/// over three seeds trained at 1 thread and 29.1 ± 0.5 % at 2. A run is reused across such changes on purpose (retraining
/// for a difference inside the seeds' spread buys nothing); the store records the threads each run trained with (final
/// metric <c>threads</c>).
/// </para>
/// </remarks>
public static class RunIdentity
{
    private static readonly DataConfig DefaultData = new();

    /// <summary>The identity of a run of <paramref name="role"/> with <paramref name="seed"/> in <paramref name="config"/>, as a config.</summary>
    public static ExperimentConfig Of(ExperimentConfig config, TrainingRole role, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var data = config.Data with { Workers = DefaultData.Workers };
        if (role == TrainingRole.Student)
        {
            return config with { Data = data, Device = new ExperimentConfig().Device, Threads = 0 };
        }
        return new ExperimentConfig
        {
            Name = config.Name,
            Data = data with { NeighboursFolder = null },
            Clicks = config.Clicks,
            Teacher = config.Teacher,
            Loss = new LossConfig
            {
                Alpha = config.Loss.Alpha, Beta = 0, Gamma = 0, Lambda = config.Loss.Lambda, GatedCrf = config.Loss.GatedCrf, Supervision = config.Loss.Supervision,
            },
            TeacherSchedule = config.TeacherSchedule,
            Evaluation = new EvaluationConfig { Flip = config.Evaluation.Flip, Scales = config.Evaluation.Scales },
            Seeds = [seed],
        };
    }

    /// <summary>The identity as JSON text: what the results store and the run's checkpoints hold, and what reuse compares.</summary>
    public static string Json(ExperimentConfig config, TrainingRole role, int seed) => ConfigFile.ToJson(Of(config, role, seed));

    /// <summary>Eight hex digits of the SHA-256 of <see cref="Json"/>: the run folder's suffix.</summary>
    public static string Key(ExperimentConfig config, TrainingRole role, int seed) => KeyOf(Json(config, role, seed));

    /// <summary>Eight hex digits of the SHA-256 of identity JSON text: the key of <see cref="Key"/> and of the store's config groups.</summary>
    public static string KeyOf(string identityJson)
    {
        ArgumentNullException.ThrowIfNull(identityJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identityJson)))[..8];
    }
}
