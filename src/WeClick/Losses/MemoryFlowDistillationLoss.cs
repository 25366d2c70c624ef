using WeClick.Flow;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Losses;

/// <summary>
/// Memory flow distillation for one neighbour frame f (WeClick §3.3, Eq. 3):
/// L_MFD = (1/|Ω|) Σ_{i∈Ω} Σ_c W_f(i, c) · (ŷS_k(i, c) − ŷS_{f→k}(i, c))²,
/// with ŷ = softmax of the logits (probability maps, A4), ŷS_{f→k} = <see cref="Warp.Backward"/>(ŷS_f, flow) (bilinear,
/// flow on the target grid: ŷS_{f→k}(p) = ŷS_f(p + flow(p)), A2), W_f = exp(−|ŷS_{f→k} − ŷT_k|) by default or the printed
/// exp(+|…|) (<see cref="ConsistencyWeight"/>, A1), and Ω the pixels whose sample p + flow(p) lies inside the frame and
/// (when given) whose flow and image are valid.
/// </summary>
/// <remarks>
/// Default Decreasing: the paper prints exp(+|…|), but says twice that W_f "decreases the weight of unreliable regions",
/// and the prior work it builds on (ETC, LAI) uses negative exponents (algorithms.md §4.3). W_f is detached
/// (stop-gradient): otherwise the student could lower the loss by pushing its warped prediction away from the teacher.
/// The teacher's logits are detached too. An empty Ω gives 0 with a gradient path (all-zero gradient), never NaN.
/// Eq. 5 sums this over the neighbours; see <see cref="WeClickLoss"/>.
/// </remarks>
public sealed class MemoryFlowDistillationLoss
{
    /// <summary>The settings (validated).</summary>
    public MemoryFlowDistillationSettings Settings { get; }

    /// <param name="settings">Null: the defaults (decreasing per-element weights, neighbour not detached).</param>
    /// <exception cref="ArgumentException">Invalid settings.</exception>
    public MemoryFlowDistillationLoss(MemoryFlowDistillationSettings? settings = null) =>
        Settings = (settings ?? new MemoryFlowDistillationSettings()).Validate();

    /// <summary>L_MFD for one neighbour.</summary>
    /// <param name="studentTarget">Student logits of the target frame k, [N, C, H, W] floating point.</param>
    /// <param name="studentNeighbour">Student logits of the neighbour f, [N, C, H, W].</param>
    /// <param name="flow">[N, 2, H, W] backward-warping flow f→k on the target grid, pixels (ClipBatch.Flows[:, j]).</param>
    /// <param name="teacherTarget">Teacher logits of frame k, [N, C, H, W] (detached here).</param>
    /// <param name="flowValid">Optional [N, H, W] or [N, 1, H, W], 1 where the flow is valid (ClipBatch.FlowValid).</param>
    /// <param name="imageValid">Optional [N, H, W] or [N, 1, H, W], 1 = real pixel (ClipBatch.Valid).</param>
    /// <returns>A 0-d tensor, differentiable in both student inputs (only the target one with DetachNeighbour).</returns>
    /// <exception cref="ArgumentException">Shapes do not match.</exception>
    public Tensor Forward(Tensor studentTarget, Tensor studentNeighbour, Tensor flow, Tensor teacherTarget,
        Tensor? flowValid = null, Tensor? imageValid = null)
    {
        ArgumentNullException.ThrowIfNull(studentTarget);
        ArgumentNullException.ThrowIfNull(studentNeighbour);
        ArgumentNullException.ThrowIfNull(teacherTarget);
        if (studentTarget.dim() != 4 || !studentTarget.shape.SequenceEqual(studentNeighbour.shape)
            || !studentTarget.shape.SequenceEqual(teacherTarget.shape))
        {
            throw new ArgumentException(
                $"MFD: student target, student neighbour and teacher logits must share one shape [N, C, H, W], got [{string.Join(", ", studentTarget.shape)}], " +
                $"[{string.Join(", ", studentNeighbour.shape)}] and [{string.Join(", ", teacherTarget.shape)}].", nameof(studentNeighbour));
        }
        return Core(studentTarget, studentNeighbour, flow, WeightOf(teacherTarget), flowValid, imageValid);
    }

    /// <summary>
    /// The loss with a given (constant) weight W [N, C or 1, H, W]: what <see cref="Forward"/> differentiates, since W is
    /// stop-gradient there. Internal so that finite-difference checks can hold W fixed.
    /// </summary>
    internal Tensor WithWeight(Tensor studentTarget, Tensor studentNeighbour, Tensor flow, Tensor weight,
        Tensor? flowValid, Tensor? imageValid) =>
        Core(studentTarget, studentNeighbour, flow, _ => weight, flowValid, imageValid);

    /// <summary>W_f from the warped neighbour probabilities (detached) and the teacher's target logits.</summary>
    private Func<Tensor, Tensor> WeightOf(Tensor teacherTarget) => warped =>
    {
        using (no_grad())
        {
            var pT = F.softmax(teacherTarget.detach(), 1);
            var diff = warped.detach().sub(pT).abs(); // |ŷS_{f→k} − ŷT_k|, [N, C, H, W]
            if (Settings.PerPixelWeight)
            {
                diff = diff.sum(1, keepdim: true); // Σ_c |…|, [N, 1, H, W]
            }
            return (Settings.Weight == ConsistencyWeight.Decreasing ? diff.neg() : diff).exp();
        }
    };

    private Tensor Core(Tensor studentTarget, Tensor studentNeighbour, Tensor flow, Func<Tensor, Tensor> weightOf,
        Tensor? flowValid, Tensor? imageValid)
    {
        using var scope = NewDisposeScope();
        var pK = F.softmax(studentTarget, 1);
        var pF = F.softmax(Settings.DetachNeighbour ? studentNeighbour.detach() : studentNeighbour, 1);
        var (warped, inFrame) = Warp.Backward(pF, flow.to(pF.dtype)); // ŷS_{f→k}, [N, C, H, W]; inFrame [N, 1, H, W]
        var weight = weightOf(warped);
        var perPixel = weight.mul(pK.sub(warped).square()).sum(1); // Σ_c W ⊙ (ŷS_k − ŷS_{f→k})², [N, H, W]
        var mask = inFrame.squeeze(1);
        mask = Multiply(mask, flowValid, nameof(flowValid));
        mask = Multiply(mask, imageValid, nameof(imageValid));
        return DistillationLoss.MaskedMean(perPixel, mask, perPixel).MoveToOuterDisposeScope();
    }

    private static Tensor Multiply(Tensor mask, Tensor? other, string name)
    {
        if (other is null)
        {
            return mask;
        }
        var m = other.dim() == 4 ? other.squeeze(1) : other;
        if (!m.shape.SequenceEqual(mask.shape))
        {
            throw new ArgumentException($"MFD: {name} must be [N, H, W] or [N, 1, H, W] matching [{string.Join(", ", mask.shape)}], got [{string.Join(", ", other.shape)}].", name);
        }
        return mask.mul(m.detach().to(mask.dtype));
    }
}
