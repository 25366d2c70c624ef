"""Reference values for ShapeTests: views, joins, splits, slicing, gather/scatter, masks, one_hot."""
import torch
from refio import output_folder, save

torch.manual_seed(0)
x = torch.randn(2, 3, 4)
y = torch.randn(2, 3, 4)
idx = torch.randint(0, 3, (2, 3, 4))
src = torch.randn(2, 3, 4)
mask = torch.rand(2, 3, 4) > 0.5
labels = torch.tensor([0, 2, 1, 3])
out = {
    "x": x, "y": y, "idx": idx, "src": src, "mask": mask, "labels": labels,
    "permute": x.permute(2, 0, 1),
    "transpose": x.transpose(0, 2),
    "t": x[0].t(),
    "squeeze": x[:, :1].squeeze(),
    "unsqueeze": x.unsqueeze(-1),
    "expand": x[:, :1, :].expand(2, 5, 4),
    "flatten": x.flatten(1),
    "unflatten": x.flatten().unflatten(0, (4, 6)),
    "repeat": x[0].repeat(2, 1, 3),
    "flip": x.flip(0, 2),
    "roll": x.roll(1, 2),
    "roll_flat": x.roll(3),
    "tril": x[0].tril(),
    "triu": x[0].triu(1),
    "cat": torch.cat([x, y], 1),
    "stack": torch.stack([x, y], -1),
    "slice": x[:, 1:3],
    "slice_step": x[..., ::2],
    "slice_neg": x[:, -2:],
    "select": x[:, 1],
    "index_select": x.index_select(2, torch.tensor([3, 0, 3])),
    "gather": x.gather(1, idx),
    "scatter": torch.zeros(2, 3, 4).scatter(1, idx, src),
    "scatter_value": torch.zeros(2, 3, 4).scatter(2, idx, 1.5),
    "scatter_add": torch.zeros(2, 3, 4).scatter_add(1, idx, src),
    "masked_fill": x.masked_fill(mask, -1.0),
    "masked_select": x.masked_select(mask),
    "nonzero": mask.nonzero(),
    "one_hot": torch.nn.functional.one_hot(labels),
    "one_hot_6": torch.nn.functional.one_hot(labels, 6),
}
for k, t in enumerate(x.split(3, 2)):
    out[f"split{k}"] = t
for k, t in enumerate(x.split([1, 3], 2)):
    out[f"split_sizes{k}"] = t
for k, t in enumerate(x.chunk(3, 2)):
    out[f"chunk{k}"] = t
for k, t in enumerate(x.unbind(1)):
    out[f"unbind{k}"] = t
save(output_folder(), out)
