"""Reference for PolyScheduleTests: PolynomialLR's rates, and a small net trained as WeClick §4.1 trains
(SGD, momentum 0.9, weight decay 1e-4, poly learning rate with power 0.9, one scheduler step per optimizer step)."""
import torch
from torch import nn
from refio import output_folder, save

out = {}
S = torch.optim.lr_scheduler

# 1. The learning rate in effect at iterations 0..14 (scheduler.step() after each optimizer step).
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
sched = S.PolynomialLR(opt, total_iters=10, power=0.9)
values = []
for _ in range(15):
    values.append(opt.param_groups[0]["lr"])
    opt.step()
    sched.step()
out["lr.poly"] = torch.tensor(values, dtype=torch.float64)

# 2. Twelve training steps of a small MLP in float64.
STEPS = 12
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).double()
for k, v in net.state_dict().items():
    out["initial." + k] = v.clone()
torch.manual_seed(1)
x = torch.randn(8, 4, dtype=torch.float64)
t = torch.randn(8, 2, dtype=torch.float64)
out["x"], out["t"] = x, t
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4, foreach=False)
sched = S.PolynomialLR(opt, total_iters=STEPS, power=0.9)
for _ in range(STEPS):
    opt.zero_grad(set_to_none=True)
    y = net(x)
    loss = ((y - t) * (y - t)).sum() / y.shape[0]
    loss.backward()
    opt.step()
    sched.step()
for k, v in net.state_dict().items():
    out["final." + k] = v

save(output_folder(), out)
