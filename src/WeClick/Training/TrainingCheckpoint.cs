using System.Text.Json;
using TorchSharp;
using WeClick.Engine;
using WeClick.Serialization;
using static TorchSharp.torch;

namespace WeClick.Training;

/// <summary>
/// A run's checkpoints in its folder: <c>last.safetensors</c> (model weights as <c>model.*</c>, optimiser state as
/// <c>optimizer.state.{i}.{name}</c>, and the <see cref="CheckpointState"/> as JSON in the header's metadata, so weights,
/// optimiser and run state can never disagree), <c>last.json</c> (the same state, for people) and
/// <c>best.safetensors</c> (the weights alone, with the best validation mIoU, loadable by
/// <see cref="ModuleWeights.LoadWeights"/> and by PyTorch). Every file is written atomically: a run killed at any moment
/// leaves the previous checkpoint whole.
/// </summary>
/// <remarks>
/// No random-number state needs saving: every random choice of a step derives from (seed, epoch, step) — the loader's
/// clip seeds (ClipLoader.ClipSeed) and the torch generator reseeded before each step — so resuming at an epoch boundary
/// replays exactly what an uninterrupted run does, given the optimiser's momentum buffers, which the file holds.
/// </remarks>
public static class TrainingCheckpoint
{
    /// <summary>The metadata key holding the state JSON.</summary>
    public const string StateKey = "weclick.checkpoint";

    private const string ModelPrefix = "model.";
    private const string OptimizerPrefix = "optimizer.";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The last checkpoint of the run in <paramref name="folder"/>.</summary>
    public static string LastPath(string folder) => Path.Combine(folder, "last.safetensors");

    /// <summary>
    /// The weights the run in <paramref name="folder"/> hands on: its last epoch's, or with
    /// <c>schedule.selection = validation</c> its best validated epoch's (the name is kept for existing workspaces).
    /// </summary>
    public static string BestPath(string folder) => Path.Combine(folder, "best.safetensors");

    /// <summary>Writes the last checkpoint (and its readable JSON twin).</summary>
    /// <exception cref="NotSupportedException">The optimiser is not SGD, Adam or AdamW.</exception>
    public static void Save(string folder, nn.Module model, optim.Optimizer optimizer, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(folder);
        using var scope = torch.NewDisposeScope();
        var snapshot = optimizer.CaptureState();
        state = state with { OptimizerGroups = snapshot.Groups };
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in model.OrderedStateDict())
        {
            tensors[ModelPrefix + name] = tensor;
        }
        foreach (var (name, tensor) in snapshot.State)
        {
            tensors[OptimizerPrefix + name] = tensor;
        }
        var text = JsonSerializer.Serialize(state, Json);
        Safetensors.Save(tensors, LastPath(folder), new Dictionary<string, string> { [StateKey] = text });
        AtomicFile.Write(Path.Combine(folder, "last.json"), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text + "\n")));
    }

    /// <summary>Writes the handed-on weights (model only, PyTorch's state-dict names; the state as metadata).</summary>
    public static void SaveBest(string folder, nn.Module model, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(folder);
        model.SaveWeights(BestPath(folder), new Dictionary<string, string> { [StateKey] = JsonSerializer.Serialize(state, Json) });
    }

    /// <summary>Reads only the state of a checkpoint file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="SafetensorsFormatException">The file is damaged (named).</exception>
    /// <exception cref="InvalidDataException">The file is not a WeClick checkpoint (named).</exception>
    public static CheckpointState ReadState(string path)
    {
        var header = Safetensors.ReadHeader(path);
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

    /// <summary>
    /// The state a weights file records, or null for a safetensors file without one (weights saved by
    /// <see cref="ModuleWeights.SaveWeights"/> or converted from PyTorch): <c>best.safetensors</c> and
    /// <c>last.safetensors</c> record which network (role, catalogue name, config) they belong to.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="SafetensorsFormatException">The file is damaged (named).</exception>
    /// <exception cref="InvalidDataException">The state is there but unreadable (named).</exception>
    public static CheckpointState? TryReadState(string path) =>
        Safetensors.ReadHeader(path).Metadata.ContainsKey(StateKey) ? ReadState(path) : null;

    /// <summary>Loads the last checkpoint into <paramref name="model"/> and <paramref name="optimizer"/> and returns its state.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this model and optimiser (named, with the mismatch).</exception>
    /// <exception cref="SafetensorsFormatException">The file is damaged (named).</exception>
    public static CheckpointState Load(string folder, nn.Module model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var path = LastPath(folder);
        var state = ReadState(path);
        using var scope = torch.NewDisposeScope();
        using var file = Safetensors.Load(path);
        try
        {
            model.LoadStateDictStrict(WithoutPrefix(file.Tensors, ModelPrefix), $"model '{state.Model}' from '{path}'");
        }
        catch (StateDictException e)
        {
            throw new InvalidDataException($"'{path}' does not fit model '{state.Model}': {e.Message}", e);
        }
        try
        {
            optimizer.RestoreState(new OptimizerSnapshot(WithoutPrefix(file.Tensors, OptimizerPrefix), state.OptimizerGroups));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{path}': the optimiser state does not fit this optimiser: {e.Message}", e);
        }
        return state;
    }

    private static Dictionary<string, Tensor> WithoutPrefix(IReadOnlyDictionary<string, Tensor> tensors, string prefix) =>
        tensors.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(t => t.Key[prefix.Length..], t => t.Value, StringComparer.Ordinal);
}
