"""Writes test_nets.Net's weights with torch.save, for Engine/PyTorchStateDictTests.

Usage: pytorch_pickle.py OUT. Writes OUT/net.pth (the state dict itself), OUT/nested.pth
({"state_dict": ..., "epoch": 3}) and, through refio, the input and the eval-mode logits.
"""
import os

import torch
from refio import output_folder, save
from test_nets import Net

folder = output_folder()
torch.manual_seed(11)
net = Net()
x = torch.randn(2, 3, 8, 8)
net.train()
net(x)  # moves the BatchNorm statistics away from their initial values
net.eval()
with torch.no_grad():
    logits = net(x)
os.makedirs(folder, exist_ok=True)
torch.save(net.state_dict(), os.path.join(folder, "net.pth"))
torch.save({"state_dict": net.state_dict(), "epoch": 3}, os.path.join(folder, "nested.pth"))
save(folder, {"x": x, "logits": logits})
