"""Reference values for the WeClick losses (tests/WeClick.Core.Tests/Losses), computed independently in PyTorch.

- pCE (Eq. 1): F.cross_entropy(ignore_index=255), mean over clicked pixels, with and without class weights, and its gradient.
- KD (Eq. 4): F.kl_div(..., reduction='none', log_target=True) summed over classes, averaged over (masked) pixels, × T²,
  in both directions: KL(pT‖pS) ("t2s") and KL(pS‖pT) ("s2t").
- MFD (Eq. 3): a from-scratch twin that warps with explicit bilinear gathers (coordinates clamped to the frame, as
  flownet2's Resample2d), not grid_sample, so that the C# warping convention is checked too.

Usage: python3 losses.py OUTPUT_FOLDER
"""
import torch
import torch.nn.functional as F

from refio import output_folder, save


def warp(src, flow):
    """Backward warp: out(p) = src(p + flow(p)), bilinear, border-clamped; validity = sample inside [0, W-1]×[0, H-1]."""
    n, c, h, w = src.shape
    ys, xs = torch.meshgrid(torch.arange(h, dtype=src.dtype), torch.arange(w, dtype=src.dtype), indexing="ij")
    x = xs + flow[:, 0]
    y = ys + flow[:, 1]
    valid = ((x >= 0) & (x <= w - 1) & (y >= 0) & (y <= h - 1)).to(src.dtype)
    x = x.clamp(0, w - 1)
    y = y.clamp(0, h - 1)
    x0, y0 = x.floor(), y.floor()
    x1, y1 = (x0 + 1).clamp(max=w - 1), (y0 + 1).clamp(max=h - 1)
    wx, wy = (x - x0).unsqueeze(1), (y - y0).unsqueeze(1)
    flat = src.reshape(n, c, h * w)

    def at(yy, xx):
        idx = (yy * w + xx).long().reshape(n, 1, h * w).expand(n, c, h * w)
        return flat.gather(2, idx).reshape(n, c, h, w)

    out = (1 - wy) * ((1 - wx) * at(y0, x0) + wx * at(y0, x1)) + wy * ((1 - wx) * at(y1, x0) + wx * at(y1, x1))
    return out, valid


def mfd(sk, sf, flow, tk, flow_valid, sign, per_pixel, detach):
    pk = sk.softmax(1)
    pf = (sf.detach() if detach else sf).softmax(1)
    wf, valid = warp(pf, flow)
    d = (wf.detach() - tk.softmax(1)).abs()
    if per_pixel:
        d = d.sum(1, keepdim=True)
    weight = torch.exp(sign * d)
    per = (weight * (pk - wf) ** 2).sum(1)
    m = valid * flow_valid
    return (per * m).sum() / m.sum()


def main():
    folder = output_folder()
    torch.manual_seed(0)
    out = {}
    n, c, h, w = 2, 5, 6, 7

    # pCE
    logits = torch.randn(n, c, h, w) * 2
    clicks = torch.randint(0, c, (n, h, w))
    clicks[torch.rand(n, h, w) > 0.3] = 255
    weights = torch.rand(c) + 0.5
    out.update({"pce.logits": logits, "pce.clicks": clicks, "pce.weights": weights})
    out["pce.loss"] = F.cross_entropy(logits, clicks, ignore_index=255)
    out["pce.weighted"] = F.cross_entropy(logits, clicks, weight=weights, ignore_index=255)
    lg = logits.clone().requires_grad_()
    F.cross_entropy(lg, clicks, ignore_index=255).backward()
    out["pce.grad"] = lg.grad

    # KD
    s = torch.randn(n, c, h, w) * 2
    t = torch.randn(n, c, h, w) * 2
    mask = (torch.rand(n, h, w) > 0.3).float()
    out.update({"kd.student": s, "kd.teacher": t, "kd.mask": mask})
    for temp in (1.0, 2.0):
        ls, lt = F.log_softmax(s / temp, 1), F.log_softmax(t / temp, 1)
        t2s = F.kl_div(ls, lt, reduction="none", log_target=True).sum(1)  # KL(pT‖pS)
        s2t = F.kl_div(lt, ls, reduction="none", log_target=True).sum(1)  # KL(pS‖pT)
        out[f"kd.T{temp:g}.t2s"] = t2s.mean() * temp * temp
        out[f"kd.T{temp:g}.s2t"] = s2t.mean() * temp * temp
        out[f"kd.T{temp:g}.t2s.masked"] = (t2s * mask).sum() / mask.sum() * temp * temp

    # MFD
    sk, sf, tk = torch.randn(n, c, h, w) * 2, torch.randn(n, c, h, w) * 2, torch.randn(n, c, h, w) * 2
    flow = torch.randn(n, 2, h, w) * 1.5
    flow_valid = (torch.rand(n, h, w) > 0.2).float()
    out.update({"mfd.sk": sk, "mfd.sf": sf, "mfd.tk": tk, "mfd.flow": flow, "mfd.flow_valid": flow_valid})
    for sign, sname in ((-1.0, "decreasing"), (1.0, "literal")):
        for per_pixel, pname in ((False, "element"), (True, "pixel")):
            out[f"mfd.{sname}.{pname}"] = mfd(sk, sf, flow, tk, flow_valid, sign, per_pixel, False)
    for detach, dname in ((False, "attached"), (True, "detached")):
        a, b = sk.clone().requires_grad_(), sf.clone().requires_grad_()
        loss = mfd(a, b, flow, tk, flow_valid, -1.0, False, detach)
        loss.backward()
        out[f"mfd.{dname}.loss"] = loss
        out[f"mfd.{dname}.grad_sk"] = a.grad
        out[f"mfd.{dname}.grad_sf"] = b.grad if b.grad is not None else torch.zeros_like(sf)
    save(folder, out)


if __name__ == "__main__":
    main()
