namespace WeClick.Losses;

/// <summary>Settings of <see cref="DistillationLoss"/> (WeClick §3.2, Eq. 4; algorithms.md §3.1, A3).</summary>
/// <param name="Temperature">T &gt; 0 (default 1, as ETC and SKD; the paper gives none): p = softmax(z / T).</param>
/// <param name="Direction">Which KL (default <see cref="KlDirection.TeacherToStudent"/>, A3).</param>
/// <param name="ScaleByTemperatureSquared">Multiply by T² (default true, Hinton et al.'s convention, so that the gradient
/// scale does not shrink as 1/T²; irrelevant at T = 1).</param>
public sealed record DistillationSettings(double Temperature = 1.0, KlDirection Direction = KlDirection.TeacherToStudent,
    bool ScaleByTemperatureSquared = true)
{
    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">Temperature is not finite and positive, or Direction is undefined.</exception>
    public DistillationSettings Validate()
    {
        if (!double.IsFinite(Temperature) || Temperature <= 0)
        {
            throw new ArgumentException($"DistillationSettings.Temperature must be finite and > 0, got {Temperature}.", nameof(Temperature));
        }
        if (!Enum.IsDefined(Direction))
        {
            throw new ArgumentException($"DistillationSettings.Direction: undefined value {(int)Direction}.", nameof(Direction));
        }
        return this;
    }
}
