"""Reference values for CreationTests: ranges, eye, and seeded random draws (default generator)."""
import torch
from refio import output_folder, save

out = {
    "arange5": torch.arange(5),
    "arange_float": torch.arange(0.5, 3),
    "arange_step": torch.arange(1, 10, 3),
    "arange_neg": torch.arange(2, -1.0, -0.5),
    "linspace": torch.linspace(-1, 1, 7),
    "linspace64": torch.linspace(0, 1, 5, dtype=torch.float64),
    "eye3": torch.eye(3),
    "eye23": torch.eye(2, 3, dtype=torch.int64),
}
# Parity of the default generator: the same seed and the same sequence of draws as CreationTests.
torch.manual_seed(1234)
out["rand"] = torch.rand(3, 4)
out["randn"] = torch.randn(2, 5)
out["randint"] = torch.randint(-5, 5, (4, 3))
out["rand64"] = torch.rand(3, dtype=torch.float64)
out["randperm"] = torch.randperm(6)
torch.manual_seed(7)
base = torch.zeros(2, 3)
out["rand_like"] = torch.rand_like(base)
out["randn_like"] = torch.randn_like(base)
out["randint_high"] = torch.randint(10, (5,))
save(output_folder(), out)
