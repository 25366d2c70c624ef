"""Gated CRF loss references: a direct transcription of the GCRF reference algorithm (Obukhov et al. 2019,
models/model_loss_semseg_gatedcrf.py, as /work/shared/research/algorithms.md §1.1-1.3 describes it), using F.unfold
to materialise the N x C x (2r+1)^2 x h x w neighbourhoods the way the reference does, so that it shares nothing with
the C# offset loop.

For each case writes: <case>.prob (float64 [N,C,h,w]), <case>.image (float64 [N,3,H,W]), <case>.valid (float64
[N,H,W], absent = all ones), <case>.loss64 / <case>.grad64 (loss and d loss / d prob in float64), <case>.loss32 /
<case>.grad32 (the same from the float32-cast inputs).
"""
import torch
import torch.nn.functional as F

from refio import output_folder, save

# name: (N, C, h, w, downscale, radius, kernels, padded mask?)
CASES = {
    "r1_k1": (2, 3, 5, 7, 2, 1, [{"weight": 1.0, "xy": 6.0, "rgb": 0.5}], True),
    "r2_k2": (1, 4, 6, 9, 4, 2, [{"weight": 0.9, "xy": 6.0, "rgb": 0.1}, {"weight": 0.1, "xy": 6.0}], False),
    "r3_rgb": (2, 2, 8, 5, 1, 3, [{"weight": 2.0, "rgb": 0.3}], True),
    "r5_default": (2, 5, 12, 16, 4, 5, [{"weight": 1.0, "xy": 6.0, "rgb": 0.1}], True),
}


def unfold(img, radius):
    n, c, h, w = img.shape
    d = 2 * radius + 1
    return F.unfold(img, d, 1, radius).view(n, c, d, d, h, w)


def mesh(n, h, w, dtype):
    return torch.cat((
        torch.arange(0, w, 1, dtype=dtype).view(1, 1, 1, w).repeat(n, 1, h, 1),
        torch.arange(0, h, 1, dtype=dtype).view(1, 1, h, 1).repeat(n, 1, 1, w)), 1)


def kernels_from_features(features, radius):
    n, c, h, w = features.shape
    k = unfold(features, radius)
    k = k - k[:, :, radius, radius, :, :].view(n, c, 1, 1, h, w)
    k = (-0.5 * k ** 2).sum(dim=1, keepdim=True).exp()
    k[:, :, radius, radius, :, :] = 0
    return k


def gated_crf(prob, image, valid, kernels_desc, radius):
    n, c, h, w = prob.shape
    kernels = None
    for desc in kernels_desc:
        feats = []
        for modality, sigma in desc.items():
            if modality == "weight":
                continue
            if modality == "xy":
                f = mesh(n, h, w, prob.dtype)
            else:
                f = F.adaptive_avg_pool2d(image, (h, w))
            feats.append(f / sigma)
        k = desc["weight"] * kernels_from_features(torch.cat(feats, 1), radius)
        kernels = k if kernels is None else kernels + k
    mask = F.adaptive_avg_pool2d(valid.unsqueeze(1), (h, w))
    mask[mask != mask] = 0.0
    mask[mask < 1.0] = 0.0
    denom = mask.sum().clamp(min=1)
    kernels = kernels * unfold(mask, radius)
    y_unf = unfold(prob, radius)
    d = 2 * radius + 1
    product = (kernels * y_unf).view(n, c, d * d, h, w).sum(dim=2, keepdim=False)
    loss = -(product * prob).sum()
    loss = kernels.sum() + loss
    return loss / denom


def main():
    torch.manual_seed(5)
    out = {}
    for name, (n, c, h, w, ds, r, kernels, padded) in CASES.items():
        H, W = h * ds, w * ds
        prob = torch.softmax(2.0 * torch.randn(n, c, h, w, dtype=torch.float64), 1)
        # smooth-ish image so that rgb kernels are neither all 0 nor all 1
        image = 0.2 * torch.randn(n, 3, H, W, dtype=torch.float64)
        valid = torch.ones(n, H, W, dtype=torch.float64)
        if padded:
            valid[0, :, W - ds * 2 - 1:] = 0          # right band, not aligned to the stride (erosion)
            valid[-1, H - ds - 1:, :] = 0              # bottom band of the last sample
        out[f"{name}.prob"] = prob
        out[f"{name}.image"] = image
        if padded:
            out[f"{name}.valid"] = valid
        for bits, dtype in (("64", torch.float64), ("32", torch.float32)):
            p = prob.to(dtype).clone().requires_grad_(True)
            loss = gated_crf(p, image.to(dtype), valid.to(dtype), kernels, r)
            loss.backward()
            out[f"{name}.loss{bits}"] = loss.detach()
            out[f"{name}.grad{bits}"] = p.grad
    save(output_folder(), out)


if __name__ == "__main__":
    main()
