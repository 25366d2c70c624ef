using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeClick.Losses;

/// <summary>
/// Pixel-wise knowledge distillation (WeClick §3.2, Eq. 4), for one frame:
/// L_KD = s · (1/|Ω|) Σ_{i∈Ω} KL(p_i ‖ q_i), with p_T = softmax(z_T / T), p_S = softmax(z_S / T),
/// (p, q) = (p_T, p_S) for <see cref="KlDirection.TeacherToStudent"/> (default) or (p_S, p_T) for the paper's literal
/// <see cref="KlDirection.StudentToTeacher"/>, the KL summed over the C classes and averaged over the pixels Ω (all
/// N·H·W pixels, or those with mask = 1), and s = T² when <see cref="DistillationSettings.ScaleByTemperatureSquared"/>
/// (default) else 1.
/// </summary>
/// <remarks>
/// The teacher's logits are detached (the teacher is frozen, A13). Both directions are computed from log_softmax
/// (finite even where a probability underflows), not through a library call with a hidden default. An empty mask gives 0
/// with a gradient path (all-zero gradient), never NaN. Eq. 5 sums this over every frame of the clip; see
/// <see cref="WeClickLoss"/>.
/// </remarks>
public sealed class DistillationLoss
{
    /// <summary>The settings (validated).</summary>
    public DistillationSettings Settings { get; }

    /// <param name="settings">Null: the defaults (T = 1, KL(p_T ‖ p_S), × T²).</param>
    /// <exception cref="ArgumentException">Invalid settings.</exception>
    public DistillationLoss(DistillationSettings? settings = null) => Settings = (settings ?? new DistillationSettings()).Validate();

    /// <summary>L_KD of one frame.</summary>
    /// <param name="studentLogits">[N, C, H, W] floating point.</param>
    /// <param name="teacherLogits">[N, C, H, W], same dtype (detached here).</param>
    /// <param name="mask">Optional pixel weights [N, H, W] or [N, 1, H, W] (e.g. 1 = real pixel, 0 = padding).</param>
    /// <returns>A 0-d tensor, differentiable in <paramref name="studentLogits"/>.</returns>
    /// <exception cref="ArgumentException">Shapes do not match.</exception>
    public Tensor Forward(Tensor studentLogits, Tensor teacherLogits, Tensor? mask = null)
    {
        ArgumentNullException.ThrowIfNull(studentLogits);
        ArgumentNullException.ThrowIfNull(teacherLogits);
        if (studentLogits.dim() != 4 || !studentLogits.shape.SequenceEqual(teacherLogits.shape))
        {
            throw new ArgumentException(
                $"KD: expected student and teacher logits of the same shape [N, C, H, W], got [{string.Join(", ", studentLogits.shape)}] and [{string.Join(", ", teacherLogits.shape)}].",
                nameof(teacherLogits));
        }
        using var scope = NewDisposeScope();
        double t = Settings.Temperature;
        var logS = F.log_softmax(studentLogits.div(t), 1);
        var logT = F.log_softmax(teacherLogits.detach().div(t), 1);
        var kl = Settings.Direction == KlDirection.TeacherToStudent
            ? logT.exp().mul(logT.sub(logS)).sum(1)  // KL(p_T ‖ p_S), [N, H, W]
            : logS.exp().mul(logS.sub(logT)).sum(1); // KL(p_S ‖ p_T), [N, H, W]
        var loss = MaskedMean(kl, mask, studentLogits);
        if (Settings.ScaleByTemperatureSquared && t != 1.0)
        {
            loss = loss.mul(t * t);
        }
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Σ mask·v / max(Σ mask, 1) over [N, H, W] (plain mean without a mask).</summary>
    internal static Tensor MaskedMean(Tensor perPixel, Tensor? mask, Tensor like)
    {
        if (mask is null)
        {
            return perPixel.mean();
        }
        var m = mask.dim() == 4 ? mask.squeeze(1) : mask;
        if (!m.shape.SequenceEqual(perPixel.shape))
        {
            throw new ArgumentException(
                $"mask must be [N, H, W] or [N, 1, H, W] matching [{string.Join(", ", perPixel.shape)}], got [{string.Join(", ", mask.shape)}].", nameof(mask));
        }
        m = m.detach().to(like.dtype);
        return perPixel.mul(m).sum().div(m.sum().clamp_min(1.0));
    }
}
