"""Reference values for OptimTests and LrScheduleTests: 20 steps of SGD/Adam/AdamW on a small MLP, and LR schedules."""
import torch
from torch import nn
from refio import output_folder, save

out = {}
STEPS = 20


def model(dtype):
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).to(dtype)


torch.manual_seed(1)
x = torch.randn(8, 4, dtype=torch.float64)
t = torch.randn(8, 2, dtype=torch.float64)
out["x"], out["t"] = x, t


def train(name, dtype, make_optimizer):
    net = model(dtype)
    opt = make_optimizer(net)
    xs, ts = x.to(dtype), t.to(dtype)
    for _ in range(STEPS):
        opt.zero_grad(set_to_none=True)
        y = net(xs)
        loss = ((y - ts) * (y - ts)).sum() / y.shape[0]
        loss.backward()
        opt.step()
    for k, v in net.state_dict().items():
        out[f"{name}.{k}"] = v


d = torch.float64
train("sgd", d, lambda m: torch.optim.SGD(m.parameters(), lr=0.1, foreach=False))
train("sgd_momentum", d, lambda m: torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, dampening=0.1, weight_decay=1e-2, foreach=False))
train("sgd_nesterov", d, lambda m: torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3, foreach=False))
train("sgd_maximize", d, lambda m: torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.5, maximize=True, foreach=False))
train("adam", d, lambda m: torch.optim.Adam(m.parameters(), lr=0.01, betas=(0.8, 0.99), weight_decay=1e-2, foreach=False))
train("adamw", d, lambda m: torch.optim.AdamW(m.parameters(), lr=0.01, weight_decay=0.1, foreach=False))
train("adam_f32", torch.float32, lambda m: torch.optim.Adam(m.parameters(), lr=0.01, foreach=False))
train("groups", d, lambda m: torch.optim.SGD([
    {"params": m[0].parameters(), "lr": 0.01},
    {"params": m[2].parameters(), "momentum": 0.0},
], lr=0.1, momentum=0.9, foreach=False))

# LR schedulers: the lr in effect at iterations 0..14 (scheduler.step() after each optimizer step).
def lrs(name, make):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    sched = make(opt)
    values = []
    for _ in range(15):
        values.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    out["lr." + name] = torch.tensor(values, dtype=torch.float64)


S = torch.optim.lr_scheduler
lrs("poly", lambda o: S.PolynomialLR(o, total_iters=10, power=0.9))
lrs("step", lambda o: S.StepLR(o, step_size=4, gamma=0.5))
lrs("cosine", lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001))
lrs("linear", lambda o: S.LinearLR(o, start_factor=0.1, total_iters=5))

save(output_folder(), out)
