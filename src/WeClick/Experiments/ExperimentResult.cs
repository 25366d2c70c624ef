using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>What <see cref="ExperimentRunner.Run"/> returns: the sweep's rows and, where the experiment shows speed, each
/// student row's size and speed.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Sweep">The sweep's result (rows read back from the store).</param>
/// <param name="Profiles">Row label → #params and inference latency of its student network (Table 4, Fig. 2); empty
/// for the other experiments.</param>
public sealed record ExperimentResult(PaperExperiment Experiment, SweepResult Sweep, IReadOnlyDictionary<string, ModelProfile> Profiles);
