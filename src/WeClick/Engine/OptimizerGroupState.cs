using System.Text.Json.Serialization;

namespace WeClick.Engine;

/// <summary>
/// One parameter group of an <see cref="OptimizerSnapshot"/>, JSON-ready (it goes into a checkpoint's metadata):
/// PyTorch's <c>param_groups</c> entry.
/// </summary>
/// <param name="Optimizer">The optimiser's kind: <c>SGD</c>, <c>Adam</c> or <c>AdamW</c> (a checkpoint of one does not load into another).</param>
/// <param name="Options">Hyperparameters by PyTorch key: <c>lr</c>, <c>initial_lr</c>, <c>momentum</c>, <c>dampening</c>,
/// <c>weight_decay</c>, <c>nesterov</c>, <c>maximize</c> (SGD); <c>lr</c>, <c>initial_lr</c>, <c>beta1</c>, <c>beta2</c>,
/// <c>eps</c>, <c>weight_decay</c>, <c>amsgrad</c>, <c>maximize</c> (Adam, AdamW). Booleans are 0 or 1.</param>
/// <param name="Params">Indices of the group's parameters in the optimiser's overall numbering (across groups, in order).</param>
public sealed record OptimizerGroupState(
    [property: JsonPropertyName("optimizer")] string Optimizer,
    [property: JsonPropertyName("options")] IReadOnlyDictionary<string, double> Options,
    [property: JsonPropertyName("params")] IReadOnlyList<int> Params);
