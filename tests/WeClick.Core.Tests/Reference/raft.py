"""A randomly initialised, TorchScript-ed RAFT-small and its flows, for TorchScriptFlowEstimatorTests.

usage: python3 raft.py OUTPUT_FOLDER     writes raft_small.pt and (refio) two frame pairs and their flows:
        "target64", "neighbour64", "flow64" (64x96) and "target60", "neighbour60", "flow60" (60x90, padded to 64x96)
Preprocessing as TorchScriptFlowEstimator: [-1, 1] scaling, edge padding to multiples of 8, 4 flow updates.
"""
import os

import torch
import torch.nn.functional as F
from torchvision.models.optical_flow import raft_small

from refio import output_folder, save

folder = output_folder()
torch.manual_seed(0)
model = torch.jit.script(raft_small(weights=None).eval())
model.save(os.path.join(folder, "raft_small.pt"))


def prepare(image):
    x = image.permute(2, 0, 1).unsqueeze(0).float().div(255).sub(0.5).div(0.5)
    pad_bottom, pad_right = (8 - image.shape[0] % 8) % 8, (8 - image.shape[1] % 8) % 8
    return F.pad(x, [0, pad_right, 0, pad_bottom], mode="replicate") if pad_bottom + pad_right else x


texture = torch.nn.functional.avg_pool2d(torch.rand(1, 3, 80, 112) * 255, 5, stride=1, padding=2)[0].permute(1, 2, 0).to(torch.uint8)
out = {}
for height, width in ((64, 96), (60, 90)):
    target = texture[8:8 + height, 8:8 + width].contiguous()
    neighbour = texture[6:6 + height, 5:5 + width].contiguous()
    with torch.no_grad():
        flow = model(prepare(target), prepare(neighbour), num_flow_updates=4)[-1][0, :, :height, :width]
    out[f"target{height}"], out[f"neighbour{height}"], out[f"flow{height}"] = target, neighbour, flow
save(folder, out)
