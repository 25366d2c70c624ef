"""Reference values for ModuleTests and LayersTests: state-dict names, seeded initialisation, forward in train/eval."""
import math

import torch
from torch import nn
from refio import output_folder, save
from test_nets import Block, Net  # noqa: F401  (the architectures TestNets.cs mirrors)

out = {}


def put(prefix, tensors):
    for k, v in tensors.items():
        out[prefix + k] = v.clone()  # state_dict() shares storage; later forwards would change it


# 1. Seeded initialisation of single layers.
torch.manual_seed(0)
conv = nn.Conv2d(3, 4, 3)
put("conv.", conv.state_dict())
torch.manual_seed(1)
conv2 = nn.Conv2d(4, 6, (3, 2), stride=2, padding=(1, 0), groups=2, bias=True)
put("conv_groups.", conv2.state_dict())
torch.manual_seed(2)
lin = nn.Linear(5, 3)
put("linear.", lin.state_dict())
put("bn.", nn.BatchNorm2d(3).state_dict())

# 2. init functions after a seed, one draw each, in this order.
torch.manual_seed(3)
w = torch.empty(6, 4, 3, 3)
out["init.kaiming_uniform"] = nn.init.kaiming_uniform_(w.clone(), a=0.1, mode="fan_out", nonlinearity="leaky_relu")
out["init.kaiming_normal"] = nn.init.kaiming_normal_(w.clone(), mode="fan_in", nonlinearity="relu")
out["init.xavier_uniform"] = nn.init.xavier_uniform_(w.clone(), gain=nn.init.calculate_gain("tanh"))
out["init.xavier_normal"] = nn.init.xavier_normal_(w.clone(), gain=2.0)
out["init.uniform"] = nn.init.uniform_(w.clone(), -0.5, 2.0)
out["init.normal"] = nn.init.normal_(w.clone(), 1.0, 0.25)

# 3. The net: seeded init, then forward in train mode (BN statistics update) and in eval mode.
torch.manual_seed(4)
net = Net()
put("net.init.", net.state_dict())
torch.manual_seed(5)
x = torch.randn(2, 3, 8, 8)
out["net.x"] = x
net.train()
out["net.train_out"] = net(x)
put("net.after_train.", net.state_dict())
net.eval()
out["net.eval_out"] = net(x)
out["net.parameter_count"] = torch.tensor(sum(p.numel() for p in net.parameters()))

# 4. BatchNorm with momentum=None (cumulative average) over two batches, and without running stats.
torch.manual_seed(6)
bn = nn.BatchNorm2d(3, momentum=None)
a, b = torch.randn(4, 3, 2, 2), torch.randn(4, 3, 2, 2) * 2 + 1
out["bn_cum.a"], out["bn_cum.b"] = a, b
bn(a)
out["bn_cum.out_b"] = bn(b)
put("bn_cum.", bn.state_dict())
bn_nostats = nn.BatchNorm2d(3, affine=False, track_running_stats=False).eval()
out["bn_nostats.out"] = bn_nostats(b)

save(output_folder(), out)
