using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Losses;

/// <summary>
/// A loss value for the optimiser plus its named terms for logging (mmsegmentation's named loss terms).
/// </summary>
/// <param name="Total">The 0-d loss to call backward() on.</param>
/// <param name="Parts">Each term's unweighted value (e.g. "pce", "gcrf", "weakly", "mfd", "kd"); only the terms that were
/// computed appear.</param>
/// <param name="Contributions">Each weighted term of <paramref name="Total"/> (e.g. "weakly" = α·weakly); they add up to
/// Total (up to float rounding).</param>
public sealed record LossTerms(Tensor Total, IReadOnlyDictionary<string, double> Parts, IReadOnlyDictionary<string, double> Contributions);
