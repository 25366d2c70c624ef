namespace WeClick.Training;

/// <summary>
/// A loss became NaN or infinite: training stops before the optimiser applies it, so the weights on disk (the last
/// checkpoint) stay good. The message names the step, the term and what to try.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException()
    {
    }
}
