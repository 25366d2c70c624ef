using TorchSharp;
using WeClick.Data;
using WeClick.Losses;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Training;

/// <summary>
/// The student's loss (WeClick §3.4, Eq. 5, Fig. 3b): α·weakly(x_k) + β·Σ_f MFD(x_f, x_k) + γ·Σ_f KD(x_f). The student
/// sees the target and, when MFD is on, its n − 1 neighbours in one forward pass; the frozen teacher (eval mode, no
/// gradients) predicts the same frames once per step.
/// </summary>
/// <remarks>
/// Neighbours are loaded only when β &gt; 0: the Table 1 rows "weakly" and "weakly+KD" train on single frames, and KD
/// covers every frame the student sees (the target alone, or the whole clip with MFD on), as Eq. 5's Σ_f reads.
/// </remarks>
public sealed class StudentStep : ITrainingStep
{
    private readonly WeClickLoss _loss;
    private readonly GatedCrfSettings _gatedCrf;
    private readonly Segmentor? _teacher;
    private readonly Device _device;

    /// <summary>Creates the step.</summary>
    /// <param name="loss">Weights and settings of Eq. 5.</param>
    /// <param name="gatedCrf">Gated CRF settings (its downscale follows the student's head grid).</param>
    /// <param name="teacher">The trained teacher (frozen here); needed when β or γ is above 0.</param>
    /// <param name="device">Where the batches go.</param>
    /// <exception cref="ArgumentException">KD or MFD is on but no teacher was given.</exception>
    public StudentStep(WeClickLossSettings loss, GatedCrfSettings gatedCrf, Segmentor? teacher, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        loss.Validate();
        if ((loss.Beta > 0 || loss.Gamma > 0) && teacher is null)
        {
            throw new ArgumentException("The student's KD (γ > 0) and MFD (β > 0) need a trained teacher.", nameof(teacher));
        }
        _loss = new WeClickLoss(loss);
        _gatedCrf = gatedCrf ?? throw new ArgumentNullException(nameof(gatedCrf));
        _teacher = loss.Beta > 0 || loss.Gamma > 0 ? teacher : null;
        if (_teacher is not null)
        {
            ModelTraining.Freeze(_teacher);
        }
        _device = device ?? CPU;
        NeedsNeighbours = loss.Beta > 0;
    }

    /// <inheritdoc/>
    public bool NeedsNeighbours { get; }

    /// <inheritdoc/>
    public LossTerms Run(Segmentor model, ClipBatch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var images = batch.Images.to(_device);
        var valid = batch.Valid.to(_device);
        var b = images.size(0);
        var frames = images;
        var neighbours = 0;
        if (NeedsNeighbours)
        {
            if (batch.Neighbours is null || batch.Flows is null)
            {
                throw new ArgumentException("MFD (β > 0) needs clips with neighbour frames and flows: set clip.frames ≥ 2 and a flow method.", nameof(batch));
            }
            neighbours = (int)batch.Neighbours.size(1);
            var rest = batch.Neighbours.to(_device).transpose(0, 1).flatten(0, 1); // [(n−1)·B, 3, H, W], neighbour-major
            frames = cat([images, rest]);
        }
        var output = model.forward(frames);
        var studentLogits = output.Logits.split(b); // target, then each neighbour
        var headTarget = output.HeadLogits.narrow(0, 0, b);
        Tensor[]? teacherLogits = null;
        if (_teacher is not null)
        {
            ModelTraining.Freeze(_teacher); // keep BatchNorm in eval even if someone called train()
            using (no_grad())
            {
                teacherLogits = _teacher.forward(frames).Logits.split(b);
            }
        }
        var flows = new List<Tensor>();
        var flowValid = batch.FlowValid is null ? null : new List<Tensor>();
        for (var j = 0; j < neighbours; j++)
        {
            flows.Add(batch.Flows!.select(1, j).to(_device));
            flowValid?.Add(batch.FlowValid!.select(1, j).to(_device));
        }
        return _loss.Forward(new WeClickLossInputs(
            studentLogits[0],
            batch.ClickMaps.to(_device),
            studentLogits.Skip(1).ToArray(),
            Flows: neighbours > 0 ? flows : null,
            TeacherTarget: teacherLogits?[0],
            TeacherNeighbours: teacherLogits?.Skip(1).ToArray(),
            FlowValid: flowValid,
            ImageValid: valid,
            GatedCrf: () => TeacherStep.GatedCrf(headTarget, images, valid, _gatedCrf)));
    }
}
