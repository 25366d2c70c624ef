namespace WeClick.Torch.Optim;

/// <summary>
/// An optimiser's checkpoint, as PyTorch's <c>optimizer.state_dict()</c>: the per-parameter state tensors under
/// <c>state.{i}.{name}</c> (i numbers the parameters across all groups, in order; e.g. <c>state.0.momentum_buffer</c>,
/// <c>state.3.exp_avg</c>, <c>state.3.step</c>) and each group's hyperparameters and parameter indices.
/// </summary>
/// <param name="state">Tensors by <c>state.{i}.{name}</c>, ready to be saved next to the model's state dict.</param>
/// <param name="param_groups">Per group: the option values by PyTorch key (booleans 0/1, betas as beta1/beta2) and the indices of its parameters.</param>
public sealed record OptimizerState(
    OrderedDictionary<string, Tensor> state,
    IReadOnlyList<ParamGroupState> param_groups);
