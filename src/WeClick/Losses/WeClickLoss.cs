using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Losses;

/// <summary>
/// The total WeClick training loss (WeClick §3.4, Eq. 5, with Eq. 2):
/// L = α·(L_pCE(x_k) + λ·L_GCRF(x_k)) + β·Σ_{f≠k} L_MFD(x_f, x_k) + γ·Σ_{f∈clip} L_KD(x_f),
/// α = β = γ = 1 and λ = 0.1 by default (<see cref="WeClickLossSettings"/>).
/// </summary>
/// <remarks>
/// A term whose weight is 0 is not computed (its inputs may then be null) and does not appear in the parts; likewise the
/// Gated CRF when <see cref="WeClickLossInputs.GatedCrf"/> is null. KD runs over the target and, with
/// <see cref="WeClickLossSettings.KdFrames"/> = <see cref="KdFrames.All"/> (Eq. 5), every neighbour that has teacher logits
/// (<see cref="WeClickLossInputs.TeacherNeighbours"/>); with <see cref="KdFrames.Target"/> over the target alone. MFD runs
/// over every neighbour.
/// Under <see cref="Supervision.Dense"/> the α-term is the cross-entropy against the dense labels passed as
/// <see cref="WeClickLossInputs.Clicks"/>, named "ce", without the Gated CRF.
/// Parts: "pce" (or "ce"), "gcrf", "weakly" (= pce + λ·gcrf), "mfd" (Σ over neighbours), "kd" (Σ over the distilled frames), unweighted;
/// contributions: "weakly" (α·weakly), "mfd" (β·Σ MFD), "kd" (γ·Σ KD), which add up to Total.
/// </remarks>
public sealed class WeClickLoss
{
    private readonly PartialCrossEntropyLoss _pce;
    private readonly MemoryFlowDistillationLoss _mfd;
    private readonly DistillationLoss _kd;

    /// <summary>The settings (validated).</summary>
    public WeClickLossSettings Settings { get; }

    /// <param name="settings">Null: the paper's defaults.</param>
    /// <param name="partialCrossEntropy">The pCE loss (null: no class weights, as Eq. 1).</param>
    /// <exception cref="ArgumentException">Invalid settings.</exception>
    public WeClickLoss(WeClickLossSettings? settings = null, PartialCrossEntropyLoss? partialCrossEntropy = null)
    {
        Settings = (settings ?? new WeClickLossSettings()).Validate();
        _pce = partialCrossEntropy ?? new PartialCrossEntropyLoss();
        _mfd = new MemoryFlowDistillationLoss(Settings.MemoryFlow);
        _kd = new DistillationLoss(Settings.Distillation);
    }

    /// <summary>Computes Eq. 5 for one batch.</summary>
    /// <returns>The total (0-d, differentiable in the student logits) and its named parts.</returns>
    /// <exception cref="ArgumentException">An input that an active term needs is missing, or counts do not match.</exception>
    public LossTerms Forward(WeClickLossInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var s = Settings;
        var parts = new Dictionary<string, double>();
        var contributions = new Dictionary<string, double>();
        using var scope = NewDisposeScope();
        Tensor? total = null;
        void Add(string name, Tensor term, double weight)
        {
            var weighted = term.mul(weight);
            contributions[name] = weighted.ToDouble();
            total = total is null ? weighted : total.add(weighted);
        }

        // 1. weakly = pCE + λ·GCRF (Eq. 2) on the target frame. Under dense supervision the same cross-entropy runs over
        //    every labelled pixel (the ignore index leaves only void out), which is plain CE: the upper bound, no Gated CRF.
        if (s.Alpha > 0)
        {
            var weakly = _pce.Forward(inputs.StudentTarget, inputs.Clicks);
            parts[s.Supervision == Supervision.Dense ? "ce" : "pce"] = weakly.ToDouble();
            if (s.Supervision == Supervision.Clicks && s.Lambda > 0 && inputs.GatedCrf is not null)
            {
                var gcrf = inputs.GatedCrf();
                parts["gcrf"] = gcrf.ToDouble();
                weakly = weakly.add(gcrf.mul(s.Lambda));
            }
            parts["weakly"] = weakly.ToDouble();
            Add("weakly", weakly, s.Alpha);
        }

        // 2. Σ_f MFD(x_f, x_k) over the neighbours (Eq. 3).
        if (s.Beta > 0 && inputs.StudentNeighbours.Count > 0)
        {
            var teacher = inputs.TeacherTarget ?? throw new ArgumentException("MFD (β > 0) needs TeacherTarget.", nameof(inputs));
            var flows = inputs.Flows ?? throw new ArgumentException("MFD (β > 0) needs Flows.", nameof(inputs));
            if (flows.Count != inputs.StudentNeighbours.Count || (inputs.FlowValid is { } fv && fv.Count != flows.Count))
            {
                throw new ArgumentException(
                    $"MFD: {inputs.StudentNeighbours.Count} neighbours but {flows.Count} flows and {inputs.FlowValid?.Count} flow-validity masks.", nameof(inputs));
            }
            Tensor? mfd = null;
            for (int j = 0; j < flows.Count; j++)
            {
                var term = _mfd.Forward(inputs.StudentTarget, inputs.StudentNeighbours[j], flows[j], teacher,
                    inputs.FlowValid?[j], inputs.ImageValid);
                mfd = mfd is null ? term : mfd.add(term);
            }
            parts["mfd"] = mfd!.ToDouble();
            Add("mfd", mfd!, s.Beta);
        }

        // 3. Σ_f KD(x_f) (Eq. 4) over the target, then each neighbour with teacher logits unless KD covers the target alone.
        if (s.Gamma > 0)
        {
            var teacher = inputs.TeacherTarget ?? throw new ArgumentException("KD (γ > 0) needs TeacherTarget.", nameof(inputs));
            var kd = _kd.Forward(inputs.StudentTarget, teacher, inputs.ImageValid);
            var teachers = s.KdFrames == KdFrames.All ? inputs.TeacherNeighbours ?? [] : [];
            if (teachers.Count > 0 && teachers.Count != inputs.StudentNeighbours.Count)
            {
                throw new ArgumentException(
                    $"KD: {teachers.Count} teacher neighbour logits for {inputs.StudentNeighbours.Count} student neighbours.", nameof(inputs));
            }
            for (int j = 0; j < teachers.Count; j++)
            {
                kd = kd.add(_kd.Forward(inputs.StudentNeighbours[j], teachers[j], inputs.ImageValid));
            }
            parts["kd"] = kd.ToDouble();
            Add("kd", kd, s.Gamma);
        }

        // Every term off: a constant 0 that still accepts backward().
        var result = total ?? inputs.StudentTarget.sum().mul(0.0);
        return new LossTerms(result.MoveToOuterDisposeScope(), parts, contributions);
    }
}
