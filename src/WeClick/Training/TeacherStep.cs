using TorchSharp;
using WeClick.Data;
using WeClick.Losses;
using WeClick.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Training;

/// <summary>
/// The teacher's loss (WeClick §3.1, Fig. 3a): α·weakly on the target frame, weakly = pCE(clicks) + λ·GatedCRF
/// (Eq. 1, 2); under <see cref="Supervision.Dense"/> plain cross-entropy on the dense labels instead (the upper bound). pCE is taken on the logits at the input size; the Gated CRF on the head's own output grid (stride 4 for
/// DeepLabV3+, algorithms.md A5) against the normalised image, gated by the augmentation's validity mask.
/// </summary>
public sealed class TeacherStep : ITrainingStep
{
    private readonly WeClickLoss _loss;
    private readonly GatedCrfSettings _gatedCrf;
    private readonly Device _device;

    /// <summary>Creates the step; KD and MFD weights in <paramref name="loss"/> are ignored (the teacher has no teacher).</summary>
    public TeacherStep(WeClickLossSettings loss, GatedCrfSettings gatedCrf, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        _loss = new WeClickLoss(loss with { Beta = 0, Gamma = 0 });
        _gatedCrf = gatedCrf ?? throw new ArgumentNullException(nameof(gatedCrf));
        _device = device ?? CPU;
    }

    /// <inheritdoc/>
    public bool NeedsNeighbours => false;

    /// <inheritdoc/>
    public LossTerms Run(Segmentor model, ClipBatch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var images = batch.Images.to(_device);
        var valid = batch.Valid.to(_device);
        var output = model.forward(images);
        return _loss.Forward(new WeClickLossInputs(output.Logits, Target(batch, _loss.Settings).to(_device), [],
            GatedCrf: () => GatedCrf(output.HeadLogits, images, valid, _gatedCrf)));
    }

    /// <summary>
    /// The α-term's target: the click maps (Eq. 1), or under <see cref="Supervision.Dense"/> the dense labels of the
    /// augmented target frame (the fully supervised upper bound).
    /// </summary>
    internal static Tensor Target(ClipBatch batch, WeClickLossSettings settings) =>
        settings.Supervision == Supervision.Dense ? batch.Labels : batch.ClickMaps;

    /// <summary>The Gated CRF term on the head grid, its downscale set from the input and head sizes.</summary>
    internal static Tensor GatedCrf(Tensor headLogits, Tensor images, Tensor valid, GatedCrfSettings settings)
    {
        var downscale = images.size(2) / headLogits.size(2);
        if (downscale < 1 || images.size(2) != headLogits.size(2) * downscale || images.size(3) != headLogits.size(3) * downscale)
        {
            throw new ArgumentException(
                $"Gated CRF: the crop {images.size(2)}×{images.size(3)} is not a multiple of the head's grid {headLogits.size(2)}×{headLogits.size(3)}; choose a crop size divisible by the model's output stride.");
        }
        return GatedCrfLoss.Compute(F.softmax(headLogits, 1), images, valid, settings with { Downscale = (int)downscale });
    }
}
