using System.Text.Json;
using WeClick.Torch;
using WeClick.Torch.Optim;
using WeClick.Torch.Serialization;
using static WeClick.Torch.torch;

namespace WeClick.Training;

/// <summary>Where a run stands, stored inside its checkpoint (and beside it as readable JSON).</summary>
/// <param name="Role">Teacher or student.</param>
/// <param name="Model">Catalogue name of the trained network.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="EpochsDone">Completed epochs.</param>
/// <param name="Step">Optimisation steps done.</param>
/// <param name="BestMetric">Best validation mIoU so far (null before the first validation).</param>
/// <param name="BestEpoch">The epoch that reached it.</param>
/// <param name="Config">The full effective experiment config (JSON text) the run was started with.</param>
/// <param name="OptimizerGroups">The optimiser's parameter-group options (lr, momentum, …) and parameter indices.</param>
public sealed record CheckpointState(
    TrainingRole Role,
    string Model,
    int Seed,
    int EpochsDone,
    long Step,
    double? BestMetric,
    int? BestEpoch,
    string Config,
    IReadOnlyList<ParamGroupState> OptimizerGroups);

/// <summary>
/// A run's checkpoints in its folder: <c>last.safetensors</c> (model weights as <c>model.*</c>, optimiser state as
/// <c>optimizer.*</c>, and the <see cref="CheckpointState"/> as JSON in the header's metadata, so weights and state can
/// never disagree), <c>last.json</c> (the same state, for people) and <c>best.safetensors</c> (the weights alone, with
/// the best validation mIoU, loadable by <c>Module.load</c> and by PyTorch). Every file is written atomically: a run
/// killed at any moment leaves the previous checkpoint whole.
/// </summary>
/// <remarks>
/// No random-number state needs saving: every random choice of a step derives from (seed, epoch, step) — the loader's
/// clip seeds (ClipLoader.ClipSeed) and the torch generator reseeded before each step — so resuming at an epoch boundary
/// replays exactly what an uninterrupted run does.
/// </remarks>
public static class TrainingCheckpoint
{
    /// <summary>The metadata key holding the state JSON.</summary>
    public const string StateKey = "weclick.checkpoint";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The last checkpoint of the run in <paramref name="folder"/>.</summary>
    public static string LastPath(string folder) => Path.Combine(folder, "last.safetensors");

    /// <summary>The best-on-validation weights of the run in <paramref name="folder"/>.</summary>
    public static string BestPath(string folder) => Path.Combine(folder, "best.safetensors");

    /// <summary>Writes the last checkpoint (and its readable JSON twin).</summary>
    public static void Save(string folder, nn.Module model, Optimizer optimizer, CheckpointState state)
    {
        Directory.CreateDirectory(folder);
        using var scope = NewDisposeScope();
        var optimizerState = optimizer.state_dict();
        state = state with { OptimizerGroups = optimizerState.param_groups };
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, tensor) in model.state_dict())
        {
            tensors["model." + name] = tensor;
        }
        foreach (var (name, tensor) in optimizerState.state)
        {
            tensors["optimizer." + name] = tensor;
        }
        var text = JsonSerializer.Serialize(state, Json);
        save_safetensors(tensors, LastPath(folder), new Dictionary<string, string> { [StateKey] = text });
        AtomicFile.Write(Path.Combine(folder, "last.json"), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text + "\n")));
    }

    /// <summary>Writes the best weights (model only).</summary>
    public static void SaveBest(string folder, nn.Module model, CheckpointState state)
    {
        Directory.CreateDirectory(folder);
        model.save(BestPath(folder), new Dictionary<string, string> { [StateKey] = JsonSerializer.Serialize(state, Json) });
    }

    /// <summary>Reads only the state of a checkpoint file.</summary>
    /// <exception cref="InvalidDataException">The file is not a WeClick checkpoint (named).</exception>
    public static CheckpointState ReadState(string path)
    {
        var header = read_safetensors_header(path);
        if (!header.Metadata.TryGetValue(StateKey, out var text))
        {
            throw new InvalidDataException($"'{path}' is a safetensors file but not a WeClick training checkpoint (no '{StateKey}' metadata).");
        }
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(text, Json)
                ?? throw new InvalidDataException($"'{path}': empty checkpoint state.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}': unreadable checkpoint state ({e.Message}).", e);
        }
    }

    /// <summary>Loads the last checkpoint into <paramref name="model"/> and <paramref name="optimizer"/> and returns its state.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this model (named, with the mismatch).</exception>
    public static CheckpointState Load(string folder, nn.Module model, Optimizer optimizer)
    {
        var path = LastPath(folder);
        var state = ReadState(path);
        using var file = load_safetensors(path);
        var weights = file.Tensors.Where(t => t.Key.StartsWith("model.", StringComparison.Ordinal))
            .ToDictionary(t => t.Key["model.".Length..], t => t.Value);
        try
        {
            model.load_state_dict(weights, strict: true);
        }
        catch (StateDictException e)
        {
            throw new InvalidDataException($"'{path}' does not fit model '{state.Model}': {e.Message}", e);
        }
        var optimizerTensors = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in file.Tensors.Where(t => t.Key.StartsWith("optimizer.", StringComparison.Ordinal)))
        {
            optimizerTensors[name["optimizer.".Length..]] = tensor;
        }
        optimizer.load_state_dict(new OptimizerState(optimizerTensors, state.OptimizerGroups));
        return state;
    }
}
