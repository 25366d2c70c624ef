"""Reference values for AutogradTests: gradients of a composite expression."""
import torch
from refio import output_folder, save

torch.manual_seed(1)
x = torch.randn(4, 5, requires_grad=True)
w = torch.randn(5, 3, requires_grad=True)
t = torch.rand(4, 3)
loss = (torch.tanh(x @ w).softmax(1) * t).sum() + x.abs().mean()
loss.backward()
save(output_folder(), {"x": x, "w": w, "t": t, "loss": loss, "x.grad": x.grad, "w.grad": w.grad})
