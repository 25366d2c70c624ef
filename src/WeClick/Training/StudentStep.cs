using TorchSharp;
using WeClick.Data;
using WeClick.Losses;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Training;

/// <summary>
/// The student's loss (WeClick §3.4, Eq. 5, Fig. 3b): α·weakly(x_k) + β·Σ_f MFD(x_f, x_k) + γ·Σ_f KD(x_f). The student
/// sees the target and, when a term needs them, its n − 1 neighbours in one forward pass; the frozen teacher (eval mode,
/// no gradients) predicts the frames the terms need once per step: the target for MFD's consistency weight, and every
/// frame KD distils.
/// </summary>
/// <remarks>
/// Neighbours are used when MFD is on (β &gt; 0) or when KD covers every input frame (γ &gt; 0 and
/// <see cref="WeClickLossSettings.KdFrames"/> = <see cref="KdFrames.All"/>, Eq. 5's Σ over f = k−n+1..k). So the Table 1
/// rows "weakly+KD" and "weakly+KD+MFD" see the same frames and distil the same frames, and differ only in the MFD term;
/// "weakly" trains on single frames, which no term of it needs more than. Flows are needed for MFD only.
/// </remarks>
public sealed class StudentStep : ITrainingStep
{
    private readonly WeClickLoss _loss;
    private readonly GatedCrfSettings _gatedCrf;
    private readonly Segmentor? _teacher;
    private readonly Device _device;
    private readonly bool _mfd;
    private readonly bool _kdOnNeighbours;

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
        _mfd = loss.Beta > 0;
        _kdOnNeighbours = loss.Gamma > 0 && loss.KdFrames == KdFrames.All;
        NeedsNeighbours = UsesNeighbours(loss);
    }

    /// <summary>
    /// Whether a student with these loss settings uses its clip's neighbour frames: MFD on (β &gt; 0), or KD over every
    /// input frame (γ &gt; 0 with <see cref="KdFrames.All"/>). The trainer loads clips of <c>clip.frames</c> frames then,
    /// else single frames.
    /// </summary>
    public static bool UsesNeighbours(WeClickLossSettings loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss.Beta > 0 || (loss.Gamma > 0 && loss.KdFrames == KdFrames.All);
    }

    /// <inheritdoc/>
    public bool NeedsNeighbours { get; }

    /// <inheritdoc/>
    /// <remarks>A batch without neighbours (clips of n = 1) is fine for KD over all frames: then all frames is the target.</remarks>
    public LossTerms Run(Segmentor model, ClipBatch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var images = batch.Images.to(_device);
        var valid = batch.Valid.to(_device);
        var b = images.size(0);
        var frames = images;
        var neighbours = 0;
        if (_mfd && (batch.Neighbours is null || batch.Flows is null))
        {
            throw new ArgumentException("MFD (β > 0) needs clips with neighbour frames and flows: set clip.frames ≥ 2 and a flow method.", nameof(batch));
        }
        if (NeedsNeighbours && batch.Neighbours is not null)
        {
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
                // MFD's consistency weight needs the teacher on the target; KD on every frame it distils.
                teacherLogits = _teacher.forward(_kdOnNeighbours ? frames : images).Logits.split(b);
            }
        }
        var flows = new List<Tensor>();
        var flowValid = batch.FlowValid is null ? null : new List<Tensor>();
        for (var j = 0; j < neighbours && _mfd; j++)
        {
            flows.Add(batch.Flows!.select(1, j).to(_device));
            flowValid?.Add(batch.FlowValid!.select(1, j).to(_device));
        }
        return _loss.Forward(new WeClickLossInputs(
            studentLogits[0],
            TeacherStep.Target(batch, _loss.Settings).to(_device),
            studentLogits.Skip(1).ToArray(),
            Flows: _mfd && neighbours > 0 ? flows : null,
            TeacherTarget: teacherLogits?[0],
            TeacherNeighbours: _kdOnNeighbours ? teacherLogits?.Skip(1).ToArray() : null,
            FlowValid: _mfd ? flowValid : null,
            ImageValid: valid,
            GatedCrf: () => TeacherStep.GatedCrf(headTarget, images, valid, _gatedCrf)));
    }
}
