using TorchSharp;
using static TorchSharp.torch;

namespace WeClick.Losses;

/// <summary>
/// What <see cref="WeClickLoss"/> needs for one batch of clips: target frame k and its n − 1 neighbours f (ClipBatch).
/// </summary>
/// <param name="StudentTarget">Student logits of frame k at the click-map resolution, [N, C, H, W].</param>
/// <param name="Clicks">ClipBatch.ClickMaps, int64 [N, H, W], 255 = no click.</param>
/// <param name="StudentNeighbours">Student logits of each neighbour, [N, C, H, W] each (may be empty).</param>
/// <param name="Flows">Backward-warping flow f→k on the target grid for each neighbour, [N, 2, H, W] each
/// (ClipBatch.Flows[:, j]); same count as <paramref name="StudentNeighbours"/>. Null when MFD is off.</param>
/// <param name="TeacherTarget">Frozen teacher's logits of frame k, [N, C, H, W] (computed under no-grad, A13). Needed by MFD
/// and KD.</param>
/// <param name="TeacherNeighbours">Teacher logits of each neighbour (KD over every frame, Eq. 5's Σ_f). Null or empty, or
/// <see cref="WeClickLossSettings.KdFrames"/> = <see cref="KdFrames.Target"/>: KD on the target frame only.</param>
/// <param name="FlowValid">Per-neighbour flow validity [N, H, W] (ClipBatch.FlowValid[:, j]), or null.</param>
/// <param name="ImageValid">ClipBatch.Valid [N, H, W], 1 = real pixel, or null; masks MFD and KD (the neighbours share the
/// target's geometric augmentation, hence its padding).</param>
/// <param name="GatedCrf">The Gated CRF regulariser of frame k, computed lazily (only when α·λ &gt; 0). The trainer passes
/// e.g. <c>() =&gt; gatedCrf.Forward(softmax(output.HeadLogits), images, valid)</c>; this keeps WeClickLoss independent
/// of the Gated CRF class. Null: the term is skipped (weakly = pCE).</param>
public sealed record WeClickLossInputs(
    Tensor StudentTarget,
    Tensor Clicks,
    IReadOnlyList<Tensor> StudentNeighbours,
    IReadOnlyList<Tensor>? Flows = null,
    Tensor? TeacherTarget = null,
    IReadOnlyList<Tensor>? TeacherNeighbours = null,
    IReadOnlyList<Tensor>? FlowValid = null,
    Tensor? ImageValid = null,
    Func<Tensor>? GatedCrf = null);
