"""PyTorch side of `weclick bench losses`: WeClick training steps (Eq. 5 with terms switched off) on the same weights and inputs.

A persistent worker; one command per line on stdin, one JSON line per answer on stdout:
    threads N                                                   -> {"threads": N, "version": "..."}
    load STUDENT SPATH TEACHER TPATH INPUTS CLASSES SEED         -> {"student": P, "teacher": P}
        twins from weclick_models.py with the C# weights (strict); INPUTS holds frame0..frame{n-1} (target last,
        ImageNet-normalised [N,3,H,W]), flow0..flow{n-2} (target->neighbour, [N,2,H,W]) and clicks (int64 [N,H,W])
    step pce|weakly|weakly_kd|weakly_kd_mfd [trim]              -> {"seconds", "peak", "loss"}   one full SGD step
    loss pce|weakly [trim]                                      -> {"seconds", "peak", "loss"}   the loss alone, fwd+bwd
        (trim: malloc_trim(0) before the call, for the memory measurement)
    quit
"peak" is the peak resident growth in bytes during the call: VmHWM reset through /proc/self/clear_refs, as the C# side.
Losses as src/WeClick/Losses (KD teacher->student at T = 1, MFD with the decreasing per-element weight, pCE with
ignore_index 255); the Gated CRF is the reference algorithm (F.unfold over the window, Obukhov et al.).
"""
import ctypes
import ctypes.util
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Models", "python"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from bench_protocol import serve  # noqa: E402
from weclick_models import Segmentor, features, load_safetensors  # noqa: E402


def _status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    return 0


_libc = ctypes.CDLL(ctypes.util.find_library("c"))


def reset_peak(trim=False):
    if trim:
        _libc.malloc_trim(0)  # free heap back to the system, so the call's allocations are counted (as the C# side)
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass
    return _status("VmRSS:")


# --- Gated CRF: the reference algorithm (unfold), default kernel weight 1, sigma_xy 6, sigma_rgb 0.1, r = 5 ----------
def _unfold(img, radius):
    n, c, h, w = img.shape
    d = 2 * radius + 1
    return F.unfold(img, d, 1, radius).view(n, c, d, d, h, w)


def gated_crf(prob, image, radius=5, weight=1.0, sigma_xy=6.0, sigma_rgb=0.1):
    n, c, h, w = prob.shape
    with torch.no_grad():
        mesh = torch.cat((
            torch.arange(0, w, 1, dtype=prob.dtype).view(1, 1, 1, w).repeat(n, 1, h, 1),
            torch.arange(0, h, 1, dtype=prob.dtype).view(1, 1, h, 1).repeat(n, 1, 1, w)), 1)
        feats = torch.cat((mesh / sigma_xy, F.adaptive_avg_pool2d(image, (h, w)) / sigma_rgb), 1)
        k = _unfold(feats, radius)
        k = k - k[:, :, radius, radius, :, :].view(n, feats.shape[1], 1, 1, h, w)
        kernels = weight * (-0.5 * k ** 2).sum(dim=1, keepdim=True).exp()
        kernels[:, :, radius, radius, :, :] = 0
        mask = torch.ones(n, 1, h, w, dtype=prob.dtype)  # no padding: all valid, borders gated by the unfold's zeros
        denom = mask.sum().clamp(min=1)
        kernels = kernels * _unfold(mask, radius)
    d = 2 * radius + 1
    product = (kernels * _unfold(prob, radius)).view(n, c, d * d, h, w).sum(dim=2)
    return (kernels.sum() - (product * prob).sum()) / denom


# --- pCE, KD, MFD as src/WeClick/Losses ----------------------------------------------------------------------------
def pce(logits, clicks):
    return F.cross_entropy(logits, clicks, ignore_index=255)


def kd(student, teacher):  # KL(pT || pS), T = 1, mean over pixels
    return F.kl_div(F.log_softmax(student, 1), F.log_softmax(teacher, 1), reduction="none", log_target=True).sum(1).mean()


def warp(src, flow):  # backward warp, grid_sample border, align_corners=True; validity = sample inside the frame
    n, c, h, w = src.shape
    ys, xs = torch.meshgrid(torch.arange(h, dtype=src.dtype), torch.arange(w, dtype=src.dtype), indexing="ij")
    x, y = xs + flow[:, 0], ys + flow[:, 1]
    grid = torch.stack((x * (2.0 / (w - 1)) - 1, y * (2.0 / (h - 1)) - 1), -1)
    warped = F.grid_sample(src, grid, mode="bilinear", padding_mode="border", align_corners=True)
    with torch.no_grad():
        valid = ((x >= 0) & (x <= w - 1) & (y >= 0) & (y <= h - 1)).to(src.dtype)
    return warped, valid


def mfd(sk, sf, flow, tk):
    pk, pf = sk.softmax(1), sf.softmax(1)
    wf, valid = warp(pf, flow)
    with torch.no_grad():
        weight = torch.exp(-(wf.detach() - tk.softmax(1)).abs())
    per = (weight * (pk - wf) ** 2).sum(1)
    return (per * valid).sum() / valid.sum().clamp(min=1)


student = teacher = optimizer = None
frames, flows, clicks = [], [], None


def forward(model, x):  # (upsampled logits, head logits), as Segmentor.cs's SegmentationOutput
    head, _ = model.head(*features(model.backbone, x))
    return F.interpolate(head, size=x.shape[-2:], mode="bilinear", align_corners=False), head


def step(config, trim=False):
    video = config == "weakly_kd_mfd"
    distil = config in ("weakly_kd", "weakly_kd_mfd")
    before = reset_peak(trim)
    start = time.perf_counter()
    target = frames[-1]
    logits, head = forward(student, target)
    neighbours = [forward(student, f)[0] for f in frames[:-1]] if video else []
    total = pce(logits, clicks)
    if config != "pce":
        total = total + 0.1 * gated_crf(head.softmax(1), target)
    if distil:
        with torch.no_grad():
            t_target = forward(teacher, target)[0]
            t_neighbours = [forward(teacher, f)[0] for f in frames[:-1]] if video else []
        if video:
            total = total + sum(mfd(logits, s, fl, t_target) for s, fl in zip(neighbours, flows))
        total = total + kd(logits, t_target) + sum((kd(s, t) for s, t in zip(neighbours, t_neighbours)), torch.zeros(()))
    total.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    loss = total.item()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak": _status("VmHWM:") - before, "loss": loss}


def loss_alone(config, trim=False):
    with torch.no_grad():
        logits, head = forward(student, frames[-1])
    logits, head = logits.detach().requires_grad_(), head.detach().requires_grad_()
    before = reset_peak(trim)
    start = time.perf_counter()
    total = pce(logits, clicks)
    if config == "weakly":
        total = total + 0.1 * gated_crf(head.softmax(1), frames[-1])
    total.backward()
    loss = total.item()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak": _status("VmHWM:") - before, "loss": loss}


def load(words):
    global student, teacher, optimizer, frames, flows, clicks
    classes, seed = int(words[5]), int(words[6])
    torch.manual_seed(seed)
    student = Segmentor(words[0], classes=classes)
    student.load_state_dict(load_safetensors(words[1]), strict=True)
    student.train()
    teacher = Segmentor(words[2], classes=classes)
    teacher.load_state_dict(load_safetensors(words[3]), strict=True)
    teacher.requires_grad_(False)
    teacher.eval()
    optimizer = torch.optim.SGD(student.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    inputs = load_safetensors(words[4])
    frames = [inputs[f"frame{t}"] for t in range(sum(1 for k in inputs if k.startswith("frame")))]
    flows = [inputs[f"flow{j}"] for j in range(len(frames) - 1)]
    clicks = inputs["clicks"]
    return {"student": sum(p.numel() for p in student.parameters()),
            "teacher": sum(p.numel() for p in teacher.parameters())}


serve({
    "load": load,
    "step": lambda words: step(words[0], words[1:] == ["trim"]),
    "loss": lambda words: loss_alone(words[0], words[1:] == ["trim"]),
})
