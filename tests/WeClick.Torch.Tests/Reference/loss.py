"""Reference values for LossTests: cross_entropy, nll_loss, kl_div, mse_loss on random float32 inputs.

Key names encode the options (see LossTests): ce.<input>.<reduction>.<weight>.<ignore_index>.<label_smoothing>.
"""
import torch
import torch.nn.functional as F
from refio import output_folder, save

torch.manual_seed(0)
out = {}

# [N, C] and [N, C, H, W] logits; targets include class 2 (ignored when ignore_index=2) and -100 (the default ignore_index).
logits2 = torch.randn(7, 5) * 2
target2 = torch.tensor([0, 2, 4, -100, 1, 2, 3])
logits4 = torch.randn(2, 5, 3, 4) * 2
target4 = torch.randint(0, 5, (2, 3, 4))
target4[0, 1, 2] = -100
target4[1, 0, 0] = -100
weight = torch.rand(5) + 0.2
out.update({"in2": logits2, "in4": logits4, "weight": weight})
# With ignore_index=2 the -100 entries become 2 (a valid class that is ignored), since -100 would be out of range.
targets = {}
for key, t in {"2": target2, "4": target4}.items():
    for ii in (-100, 2):
        targets[key, ii] = torch.where(t == -100, torch.tensor(ii), t)
        out[f"t{key}.{ii}"] = targets[key, ii]

for key, x in {"2": logits2, "4": logits4}.items():
    for reduction in ("none", "mean", "sum"):
        for w in ("w", "nw"):
            for ii in (-100, 2):
                t = targets[key, ii]
                for ls in ("0", "0.2"):
                    out[f"ce.{key}.{reduction}.{w}.{ii}.{ls}"] = F.cross_entropy(
                        x, t, weight if w == "w" else None, ignore_index=ii, reduction=reduction, label_smoothing=float(ls))
                lp = F.log_softmax(x, 1)
                out[f"nll.{key}.{reduction}.{w}.{ii}"] = F.nll_loss(lp, t, weight if w == "w" else None, ignore_index=ii,
                                                                    reduction=reduction)

# Class-probability targets.
soft = F.softmax(torch.randn(7, 5), 1)
out["soft"] = soft
for reduction in ("none", "mean", "sum"):
    for ls in ("0", "0.2"):
        out[f"ce.soft.{reduction}.{ls}"] = F.cross_entropy(logits2, soft, weight, reduction=reduction, label_smoothing=float(ls))

# kl_div: log-probabilities against probabilities or log-probabilities.
kl_input = F.log_softmax(torch.randn(4, 6), 1)
kl_target = F.softmax(torch.randn(4, 6), 1)
kl_target[1, 2] = 0.0  # a zero probability contributes 0
out.update({"kl.input": kl_input, "kl.target": kl_target, "kl.logtarget": F.log_softmax(torch.randn(4, 6), 1)})
for reduction in ("none", "mean", "sum", "batchmean"):
    out[f"kl.{reduction}.False"] = F.kl_div(kl_input, kl_target, reduction=reduction, log_target=False)
    out[f"kl.{reduction}.True"] = F.kl_div(kl_input, out["kl.logtarget"], reduction=reduction, log_target=True)

# mse_loss.
a, b = torch.randn(3, 4, 5), torch.randn(3, 4, 5)
out.update({"mse.a": a, "mse.b": b})
for reduction in ("none", "mean", "sum"):
    out[f"mse.{reduction}"] = F.mse_loss(a, b, reduction=reduction)

save(output_folder(), out)
