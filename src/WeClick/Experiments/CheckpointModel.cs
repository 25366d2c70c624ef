using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// Which network a trained weights file is, for evaluation and inference: the role and model its checkpoint state
/// records (<see cref="TrainingCheckpoint.TryReadState"/>; every <c>best.safetensors</c> a run writes has one), so a
/// teacher's weights build the teacher without being told. One helper for <c>weclick eval</c>, <c>weclick infer</c> and
/// notebooks, so they cannot disagree.
/// </summary>
/// <param name="Role">The network of the experiment the weights belong to.</param>
/// <param name="Model">The network to build: the model section of the config the run was trained with when the
/// checkpoint holds it, else the given config's section for <paramref name="Role"/> (backbone weights off: the trained
/// weights replace them).</param>
/// <param name="FromCheckpoint">Whether the role came from the file (false: a plain weights file, the requested or
/// default role).</param>
/// <param name="Weights">The weights file.</param>
public sealed record CheckpointModel(TrainingRole Role, ModelConfig Model, bool FromCheckpoint, string Weights)
{
    /// <summary>Reads the role and model of <paramref name="weights"/>.</summary>
    /// <param name="config">The experiment given on the command line (its models serve plain weights files).</param>
    /// <param name="weights">A run's <c>best.safetensors</c> or <c>last.safetensors</c>, or plain weights.</param>
    /// <param name="requested">The role the caller asked for (<c>--model</c>), or null to take the checkpoint's
    /// (student for a plain weights file).</param>
    /// <exception cref="ArgumentException"><paramref name="requested"/> contradicts the role the checkpoint records
    /// (the message names the file, both roles and what to do).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Serialization.SafetensorsFormatException">The file is damaged (named).</exception>
    public static CheckpointModel Resolve(ExperimentConfig config, string weights, TrainingRole? requested = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(weights);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"Trained weights '{weights}' do not exist.", weights);
        }
        var state = TrainingCheckpoint.TryReadState(weights);
        if (state is null)
        {
            var role = requested ?? TrainingRole.Student;
            return new CheckpointModel(role, Section(config, role) with { BackboneWeights = null }, false, weights);
        }
        if (requested is { } asked && asked != state.Role)
        {
            throw new ArgumentException(
                $"--model {Name(asked)}, but '{weights}' holds a {Name(state.Role)} ({state.Model}, seed {state.Seed}): " +
                $"leave --model out to evaluate the {Name(state.Role)}, or pass a {Name(asked)}'s weights.");
        }
        // The config the run was trained with names the exact network (width, output stride); a checkpoint whose config
        // text is not an experiment (hand-made runs) falls back to the given config's section under the recorded name.
        ModelConfig model;
        try
        {
            model = Section(ConfigFile.FromJson(state.Config, weights), state.Role);
        }
        catch (ConfigException)
        {
            model = Section(config, state.Role) with { Name = state.Model };
        }
        return new CheckpointModel(state.Role, model with { BackboneWeights = null }, true, weights);
    }

    /// <summary>One line for the terminal: which network is built and why.</summary>
    public string Describe() => FromCheckpoint
        ? $"'{Weights}': the {Name(Role)} {Model.Name}, as its checkpoint records"
        : $"'{Weights}' records no run: built as the config's {Name(Role)} {Model.Name}";

    private static ModelConfig Section(ExperimentConfig config, TrainingRole role) => role == TrainingRole.Teacher ? config.Teacher : config.Student;

    private static string Name(TrainingRole role) => role.ToString().ToLowerInvariant();
}
