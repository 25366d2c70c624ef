"""Reference values for FunctionalTests: torch.nn.functional on random float32 inputs."""
import torch
import torch.nn.functional as F
from refio import output_folder, save

torch.manual_seed(0)
out = {}

# conv2d: stride, padding, dilation, groups, with and without bias.
x = torch.randn(2, 4, 7, 6)
out["conv.x"] = x
conv_cases = {
    "a": dict(w=torch.randn(6, 4, 3, 3), b=torch.randn(6), stride=(2, 1), padding=(1, 2), dilation=(1, 1), groups=1),
    "b": dict(w=torch.randn(6, 2, 3, 2), b=None, stride=(1, 1), padding=(0, 0), dilation=(2, 1), groups=2),
    "c": dict(w=torch.randn(4, 1, 3, 3), b=torch.randn(4), stride=(2, 2), padding=(1, 1), dilation=(2, 2), groups=4),
}
for name, c in conv_cases.items():
    out[f"conv.{name}.w"] = c["w"]
    if c["b"] is not None:
        out[f"conv.{name}.b"] = c["b"]
    out[f"conv.{name}.y"] = F.conv2d(x, c["w"], c["b"], c["stride"], c["padding"], c["dilation"], c["groups"])

# batch_norm: training (running stats updated in place) and evaluation.
x = torch.randn(4, 3, 5, 5) * 2 + 0.5
rm, rv = torch.randn(3), torch.rand(3) + 0.5
w, b = torch.randn(3), torch.randn(3)
out.update({"bn.x": x, "bn.rm": rm.clone(), "bn.rv": rv.clone(), "bn.w": w, "bn.b": b})
out["bn.train.y"] = F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.2, eps=1e-5)
out["bn.train.rm"], out["bn.train.rv"] = rm, rv
out["bn.eval.y"] = F.batch_norm(x, out["bn.rm"], out["bn.rv"], w, b, training=False, eps=1e-3)

# linear, with and without bias, 2-D and 3-D input.
x, w, b = torch.randn(3, 2, 5), torch.randn(4, 5), torch.randn(4)
out.update({"lin.x": x, "lin.w": w, "lin.b": b, "lin.y": F.linear(x, w, b), "lin.y_nobias": F.linear(x[0], w)})

# softmax / log_softmax over each dimension, and in float64.
x = torch.randn(3, 4, 5) * 3
out["sm.x"] = x
for d in (0, 1, -1):
    out[f"sm.{d}"] = F.softmax(x, d)
    out[f"lsm.{d}"] = F.log_softmax(x, d)
out["sm.f64"] = F.softmax(x, 1, dtype=torch.float64)
out["lsm.f64"] = F.log_softmax(x, 1, dtype=torch.float64)

# Pooling.
x = torch.randn(2, 3, 9, 8)
out["pool.x"] = x
out["maxpool.a"] = F.max_pool2d(x, 3, 2, 1)
out["maxpool.b"] = F.max_pool2d(x, (3, 2), ceil_mode=True)
out["maxpool.c"] = F.max_pool2d(x, (2, 3), (1, 2), (1, 1), (2, 1), ceil_mode=False)
out["avgpool.a"] = F.avg_pool2d(x, 3, 2, 1)
out["avgpool.b"] = F.avg_pool2d(x, 3, 2, 1, count_include_pad=False)
out["avgpool.c"] = F.avg_pool2d(x, (3, 2), None, 0, ceil_mode=True)
out["avgpool.d"] = F.avg_pool2d(x, (2, 3), (1, 2), (1, 1), ceil_mode=True, count_include_pad=False, divisor_override=5)
out["adaptive.3x4"] = F.adaptive_avg_pool2d(x, (3, 4))
out["adaptive.5x5"] = F.adaptive_avg_pool2d(x, 5)
out["adaptive.1"] = F.adaptive_avg_pool2d(x, 1)

# interpolate (names encode the C# call, see FunctionalTests.InterpolateCases).
x = torch.randn(2, 3, 5, 7)
out["interp.x"] = x
out["interp.nearest.size"] = F.interpolate(x, size=(8, 9), mode="nearest")
out["interp.nearest.scale"] = F.interpolate(x, scale_factor=1.7, mode="nearest")
out["interp.nearest.scale2"] = F.interpolate(x, scale_factor=(0.6, 2.5), mode="nearest")
out["interp.nearest-exact.scale"] = F.interpolate(x, scale_factor=1.7, mode="nearest-exact")
for ac in (False, True):
    out[f"interp.bilinear.size.{ac}"] = F.interpolate(x, size=(8, 4), mode="bilinear", align_corners=ac)
    out[f"interp.bilinear.scale.{ac}"] = F.interpolate(x, scale_factor=1.7, mode="bilinear", align_corners=ac)
    out[f"interp.bilinear.scale2.{ac}"] = F.interpolate(x, scale_factor=(0.55, 1.3), mode="bilinear", align_corners=ac)
    out[f"interp.bilinear.recompute.{ac}"] = F.interpolate(x, scale_factor=1.7, mode="bilinear", align_corners=ac,
                                                             recompute_scale_factor=True)
    out[f"interp.bicubic.size.{ac}"] = F.interpolate(x, size=(8, 4), mode="bicubic", align_corners=ac)
out["interp.bilinear.default"] = F.interpolate(x, scale_factor=1.7, mode="bilinear")

# grid_sample: every mode, padding mode and align_corners; the grid reaches outside [-1, 1].
x = torch.randn(2, 3, 5, 6)
grid = torch.rand(2, 4, 7, 2) * 2.6 - 1.3
out["gs.x"], out["gs.grid"] = x, grid
for mode in ("bilinear", "nearest", "bicubic"):
    for padding in ("zeros", "border", "reflection"):
        for ac in (False, True):
            out[f"gs.{mode}.{padding}.{ac}"] = F.grid_sample(x, grid, mode, padding, ac)

# unfold / fold.
x = torch.randn(2, 3, 6, 7)
out["unfold.x"] = x
out["unfold.default"] = F.unfold(x, (2, 3))
out["unfold.params"] = F.unfold(x, (2, 3), dilation=(2, 1), padding=(1, 0), stride=(1, 2))
out["fold.params"] = F.fold(out["unfold.params"], (6, 7), (2, 3), dilation=(2, 1), padding=(1, 0), stride=(1, 2))

# pad.
x = torch.randn(2, 3, 4, 5)
out["pad.x"] = x
out["pad.constant"] = F.pad(x, (1, 2, 0, 3), value=1.5)
out["pad.constant_crop"] = F.pad(x, (-1, 2))
out["pad.reflect"] = F.pad(x, (2, 1, 3, 0), mode="reflect")
out["pad.replicate"] = F.pad(x, (1, 2, 2, 1), mode="replicate")
out["pad.circular"] = F.pad(x, (1, 1, 2, 0), mode="circular")

save(output_folder(), out)
