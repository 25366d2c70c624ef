namespace WeClick.Torch.Optim;

/// <summary>One parameter group of an <see cref="OptimizerState"/>.</summary>
/// <param name="options">Hyperparameters by PyTorch key (<c>lr</c>, <c>momentum</c>, <c>beta1</c>, ...).</param>
/// <param name="params">Indices of the group's parameters in the optimiser's overall numbering.</param>
public sealed record ParamGroupState(IReadOnlyDictionary<string, double> options, IReadOnlyList<int> @params);
