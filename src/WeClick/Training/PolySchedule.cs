using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Training;

/// <summary>
/// The "poly" learning-rate policy of WeClick §4.1 (mmsegmentation's poly, PyTorch's <c>PolynomialLR</c>) as a tiny pure
/// function of the step, nanoGPT style: lr(s) = base·(1 − min(s, S)/S)^power for step s of S. The loop sets it on every
/// parameter group before each step, so a resumed run needs no scheduler state: the step count alone gives the rate.
/// </summary>
public static class PolySchedule
{
    /// <summary>The learning rate of step <paramref name="step"/> (0-based) of <paramref name="totalSteps"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSteps"/> is not positive or <paramref name="step"/> is negative.</exception>
    public static double LearningRate(long step, double baseLr, long totalSteps, double power)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        // 1. Fraction of the run left, clamped at the end.
        var remaining = 1.0 - (double)Math.Min(step, totalSteps) / totalSteps;
        // 2. Decay from the base rate towards 0.
        return baseLr * Math.Pow(remaining, power);
    }

    /// <summary>Sets <paramref name="learningRate"/> on every parameter group of <paramref name="optimizer"/>.</summary>
    public static void Apply(optim.Optimizer optimizer, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }
}
