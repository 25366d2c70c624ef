using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>
/// Runs an experiment of <see cref="PaperExperiments"/> on a preset: its sweep (<see cref="SweepRunner"/>), then, for the
/// experiments that put accuracy beside speed (Table 4, Fig. 2), the size and inference speed of every student network
/// at the schedule's crop, one frame at a time as WeClick runs at inference. The CLI and the notebooks both call this.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs (or continues) <paramref name="experiment"/> on <paramref name="config"/>.</summary>
    /// <exception cref="ArgumentException">The experiment does not apply to this preset (e.g. table5 off CamVid; named).</exception>
    public static ExperimentResult Run(PaperExperiment experiment, ExperimentConfig config, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var sweep = experiment.Build(config);
        var result = SweepRunner.Run(sweep, options);
        var profiles = new Dictionary<string, ModelProfile>(StringComparer.Ordinal);
        if (experiment.Chart == ExperimentChart.AccuracyAgainstSpeed || experiment.Name == "table4")
        {
            options.Log?.Invoke($"{experiment.Name}: measuring each student network's speed");
            var device = ExperimentDevice.ParseDevice(config.Device);
            var classes = result.ClassNames.Count;
            // One measurement per network and input size: rows that share a student share its numbers.
            var measured = new Dictionary<string, ModelProfile>(StringComparer.Ordinal);
            foreach (var point in sweep.Expand())
            {
                var student = point.Config.Student with { BackboneWeights = null };
                var (height, width) = (point.Config.StudentSchedule.CropHeight, point.Config.StudentSchedule.CropWidth);
                var key = FormattableString.Invariant($"{student}|{height}x{width}");
                if (!measured.TryGetValue(key, out var profile))
                {
                    using var network = ExperimentModels.CreateModel(student, classes, device);
                    measured[key] = profile = ModelProfile.Measure(network, height, width, Math.Max(1, point.Config.Evaluation.SpeedFrames));
                }
                profiles[point.Label] = profile;
            }
        }
        return new ExperimentResult(experiment, result, profiles);
    }
}
