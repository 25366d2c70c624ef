namespace WeClick.Torch;

/// <summary>What <see cref="torch.nn.Module.load_state_dict"/> could not match, as PyTorch's <c>_IncompatibleKeys</c>.</summary>
/// <param name="missing_keys">Keys the module has but the state dict lacks.</param>
/// <param name="unexpected_keys">Keys the state dict has but the module lacks.</param>
public sealed record IncompatibleKeys(IReadOnlyList<string> missing_keys, IReadOnlyList<string> unexpected_keys);
