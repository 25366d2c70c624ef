"""Reference values for ReductionTests: sums, means, extrema, spread, logical and cumulative reductions."""
import torch
from refio import output_folder, save

torch.manual_seed(0)
x = torch.randn(3, 4, 5)
p = torch.rand(3, 4) + 0.5
i = torch.randint(-10, 10, (3, 4))
mask = torch.rand(3, 4) > 0.3
maxv, maxi = x.max(1)
minv, mini = x.min(-1, keepdim=True)
out = {
    "x": x, "p": p, "i": i, "mask": mask,
    "sum_1": x.sum(1),
    "sum_02_keep": x.sum((0, 2), keepdim=True),
    "sum_neg": x.sum(-1),
    "sum_int": i.sum(),
    "sum_int_dim": i.sum(0),
    "sum_f64": x.sum(1, dtype=torch.float64),
    "mean": x.mean(),
    "mean_1": x.mean(1),
    "mean_12_keep": x.mean((1, 2), keepdim=True),
    "prod": p.prod(),
    "prod_1": p.prod(1),
    "max": x.max(), "min": x.min(),
    "max_values": maxv, "max_indices": maxi,
    "min_values": minv, "min_indices": mini,
    "amax": x.amax((0, 2)),
    "amin": x.amin(1, keepdim=True),
    "argmax": x.argmax(),
    "argmax_1_keep": x.argmax(1, keepdim=True),
    "argmin_2": x.argmin(2),
    "std": x.std(),
    "std_biased_1": x.std(1, unbiased=False),
    "var_0_keep": x.var(0, keepdim=True),
    "var_biased": x.var(unbiased=False),
    "all": mask.all(), "any": mask.any(),
    "all_1": mask.all(1), "any_0_keep": mask.any(0, keepdim=True),
    "norm": x.norm(),
    "norm_1": x.norm(p=1, dim=1),
    "norm_inf": x.norm(p=float("inf")),
    "norm_2_keep": x.norm(p=2, dim=(1, 2), keepdim=True),
    "logsumexp": x.logsumexp(2),
    "cumsum": x.cumsum(1),
    "cumsum_int": i.cumsum(1),
    "cumprod": p.cumprod(0),
}
save(output_folder(), out)
