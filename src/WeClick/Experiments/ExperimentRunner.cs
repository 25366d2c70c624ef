using System.Globalization;
using WeClick.Evaluation;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// Runs an experiment of <see cref="PaperExperiments"/> on a preset: its sweep (<see cref="SweepRunner"/>), and, once the
/// sweep's checks passed and before any training, for Table 1 the ground-truth labels' temporal consistency and, for the
/// experiments that put accuracy beside speed (Table 1, Table 4, Fig. 2), the size and inference speed of every network
/// they train at the schedule's crop, one frame at a time as WeClick runs at inference. The CLI and the notebooks both
/// call this.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs (or continues) <paramref name="experiment"/> on <paramref name="config"/>: the sweep it makes of it.</summary>
    /// <exception cref="ArgumentException">The experiment does not apply to this preset (e.g. table5 off CamVid; named).</exception>
    public static ExperimentResult Run(PaperExperiment experiment, ExperimentConfig config, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(config);
        return Run(experiment, experiment.Build(config), options);
    }

    /// <summary>Runs (or continues) <paramref name="experiment"/> as <paramref name="sweep"/>, a variant of its sweep
    /// (Table 1 without the upper bound: <c>PaperExperiments.Table1(config, upperBound: false)</c>).</summary>
    public static ExperimentResult Run(PaperExperiment experiment, Sweep sweep, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(options);
        var config = sweep.Base;
        var log = options.Log ?? (_ => { });
        GroundTruthConsistency? reference = null;
        var profiles = new Dictionary<string, ModelProfile>(StringComparer.Ordinal);
        var result = SweepRunner.Run(sweep, options with
        {
            Checked = () =>
            {
                options.Checked?.Invoke();
                if (experiment.MeasuresConsistencyReference)
                {
                    reference = GroundTruthReference(config, log);
                }
                if (experiment.ProfilesNetworks)
                {
                    // Before any training: measured after training in the same process, the first network ran at about
                    // half its speed (DL-R18 at 160×80: 35 FPS right after Fig. 2's runs, 61-68 FPS in a process that
                    // had trained nothing), and a network that cannot be built fails here, not after the sweep.
                    Profile(experiment, sweep, log, profiles);
                }
            },
        });
        return new ExperimentResult(experiment, result, profiles, reference);
    }

    // #Params and single-frame latency of every network the sweep trains, each distinct network and input size once (rows
    // that share a network share its numbers), at the students' crop: the input WeClick runs at, so teacher and student compare.
    private static void Profile(PaperExperiment experiment, Sweep sweep, Action<string> log, Dictionary<string, ModelProfile> profiles)
    {
        log($"{experiment.Name}: measuring each network's size and speed");
        var config = sweep.Base;
        var device = ExperimentDevice.ParseDevice(config.Device);
        var classes = ExperimentData.OpenSplit(config, config.Data.ValSplit, clicks: false).Classes.Count;
        var measured = new Dictionary<string, ModelProfile>(StringComparer.Ordinal);
        var networks = SweepRunner.Teachers(sweep).Select(t => (t.Label, Model: t.Config.Teacher, t.Config))
            .Concat(sweep.Expand().Select(p => (p.Label, Model: p.Config.Student, p.Config)));
        foreach (var (label, model, pointConfig) in networks)
        {
            var network = model with { BackboneWeights = null };
            var (height, width) = (pointConfig.StudentSchedule.CropHeight, pointConfig.StudentSchedule.CropWidth);
            var key = FormattableString.Invariant($"{network}|{height}x{width}");
            if (!measured.TryGetValue(key, out var profile))
            {
                using var segmentor = ExperimentModels.CreateModel(network, classes, device);
                measured[key] = profile = ModelProfile.Measure(segmentor, height, width, Math.Max(1, pointConfig.Evaluation.SpeedFrames));
            }
            profiles[label] = profile;
        }
    }

    // The ground truth's TC, the reference the rows' TC is read against (null where TC is off). It runs no network, so it
    // is measured once per call, before any training: data it cannot read stops the run now, not after the students.
    private static GroundTruthConsistency? GroundTruthReference(ExperimentConfig config, Action<string> log)
    {
        if (config.Evaluation.TemporalFrames < 2)
        {
            return null;
        }
        var reference = ExperimentEvaluation.MeasureGroundTruthConsistency(config, config.Data.ValSplit, config.Evaluation.TemporalFrames);
        log(reference.Available
            ? string.Create(CultureInfo.InvariantCulture, $"temporal consistency reference: {100 * reference.MeanAgreement:F1} %, {reference.Description}")
            : $"temporal consistency reference: {reference.Description}");
        return reference;
    }
}
