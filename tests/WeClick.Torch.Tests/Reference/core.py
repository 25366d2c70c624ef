"""Reference values for TensorCoreTests (creation and arithmetic)."""
import torch
from refio import output_folder, save

torch.manual_seed(0)
a = torch.randn(3, 4)
b = torch.rand(3, 4) + 0.5
save(output_folder(), {
    "a": a, "b": b,
    "a+b": a + b,
    "a-2.5*b": torch.sub(a, b, alpha=2.5),
    "a*b": a * b,
    "a/b": a / b,
    "3-a": 3 - a,
    "full_int": torch.full((2, 2), 7),
})
