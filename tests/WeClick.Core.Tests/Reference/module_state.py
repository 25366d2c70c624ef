"""Reference values for Engine/ModuleWeightsTests: the state dict of test_nets.Net, and its forward in train/eval mode."""
import torch
from refio import output_folder, save
from test_nets import Net

out = {}


def put(prefix, tensors):
    for k, v in tensors.items():
        out[prefix + k] = v.clone()  # state_dict() shares storage; later forwards would change it


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

save(output_folder(), out)
