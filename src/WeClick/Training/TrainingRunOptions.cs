using TorchSharp;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Training;

/// <summary>How one training run is kept, watched and validated.</summary>
public sealed record TrainingRunOptions
{
    /// <summary>The run's folder: checkpoints (<c>last.safetensors</c>, <c>last.json</c>, <c>best.safetensors</c>) go here.</summary>
    public required string Folder { get; init; }

    /// <summary>The run's seed: clip order, augmentation and every torch random draw derive from it.</summary>
    public required int Seed { get; init; }

    /// <summary>The full effective experiment config as JSON, stored in each checkpoint; a resume must see the same text.</summary>
    public required string Config { get; init; }

    /// <summary>Continue from <c>last.safetensors</c> in <see cref="Folder"/> when it exists (default); false = start over.</summary>
    public bool Resume { get; init; } = true;

    /// <summary>Receives every step, validation, epoch end and the finish (the terminal bar, a notebook's live plot, the store).</summary>
    public Action<TrainingUpdate>? Observer { get; init; }

    /// <summary>Evaluates the model on the validation split and returns metrics; <c>mIoU</c> (0..1) picks the best checkpoint.
    /// Null: no validation (the last weights are also the best).</summary>
    public Func<Segmentor, IReadOnlyDictionary<string, double>>? Validate { get; init; }

    /// <summary>Where the batches go (the model must already be there).</summary>
    public Device Device { get; init; } = torch.CPU;

    /// <summary>Stops the run between steps (the last checkpoint stays; a later run resumes from it).</summary>
    public CancellationToken Cancellation { get; init; }
}
