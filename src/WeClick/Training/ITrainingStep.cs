using WeClick.Data;
using WeClick.Losses;
using WeClick.Models;

namespace WeClick.Training;

/// <summary>
/// The loss of one batch for the network being trained: forward passes and the loss terms, nothing else (the loop does
/// the backward pass, the optimiser and the bookkeeping). <see cref="TeacherStep"/> and <see cref="StudentStep"/>.
/// </summary>
public interface ITrainingStep
{
    /// <summary>Whether the step uses neighbour frames (MFD on, or KD over every input frame); flows only MFD needs.</summary>
    bool NeedsNeighbours { get; }

    /// <summary>Runs the forward passes of <paramref name="model"/> (in training mode) on the batch and returns Eq. 5's terms.</summary>
    LossTerms Run(Segmentor model, ClipBatch batch);
}
