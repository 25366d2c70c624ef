using static TorchSharp.torch;

namespace WeClick.Engine;

/// <summary>
/// An optimiser's state as PyTorch's <c>optimizer.state_dict()</c> lays it out: per-parameter tensors under
/// <c>state.{i}.{name}</c> (i numbers the parameters across all groups, in order: <c>state.0.momentum_buffer</c>,
/// <c>state.3.exp_avg</c>, <c>state.3.exp_avg_sq</c>, <c>state.3.step</c>) and each group's hyperparameters, so it can
/// be saved beside the model's weights in one safetensors file (<see cref="OptimizerStates"/>).
/// </summary>
/// <param name="State">Tensors by <c>state.{i}.{name}</c>; parameters without state (no step taken yet) have no entries.</param>
/// <param name="Groups">Per group: the options and the parameter indices.</param>
public sealed record OptimizerSnapshot(
    IReadOnlyDictionary<string, Tensor> State,
    IReadOnlyList<OptimizerGroupState> Groups);
