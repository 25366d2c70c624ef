"""Reference weights for Engine/OptimizerStatesTests: 20 steps of SGD (momentum), Adam and AdamW on a small MLP.

The same model, data and hyperparameters as the C# side; a run resumed from a captured optimiser state must end
where these uninterrupted runs end.
"""
import torch
from torch import nn
from refio import output_folder, save

out = {}
STEPS = 20


def model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).to(torch.float64)


torch.manual_seed(1)
x = torch.randn(8, 4, dtype=torch.float64)
t = torch.randn(8, 2, dtype=torch.float64)
out["x"], out["t"] = x, t


def train(name, make_optimizer):
    net = model()
    opt = make_optimizer(net)
    for _ in range(STEPS):
        opt.zero_grad(set_to_none=True)
        y = net(x)
        loss = ((y - t) * (y - t)).sum() / y.shape[0]
        loss.backward()
        opt.step()
    for k, v in net.state_dict().items():
        out[f"{name}.{k}"] = v
    # PyTorch's own optimiser state after 20 steps, under the names CaptureState uses.
    for i, state in opt.state_dict()["state"].items():
        for key, value in state.items():
            out[f"{name}.state.{i}.{key}"] = value if torch.is_tensor(value) else torch.tensor(float(value))


train("sgd_momentum", lambda m: torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, dampening=0.1, weight_decay=1e-2, foreach=False))
train("adam", lambda m: torch.optim.Adam(m.parameters(), lr=0.01, betas=(0.8, 0.99), weight_decay=1e-2, foreach=False))
train("adam_amsgrad", lambda m: torch.optim.Adam(m.parameters(), lr=0.01, amsgrad=True, foreach=False))
train("adamw", lambda m: torch.optim.AdamW(m.parameters(), lr=0.01, weight_decay=0.1, foreach=False))

save(output_folder(), out)
