"""Checkpoint interop for Engine/CheckpointTests: the same safetensors weights in PyTorch and in C#.

    checkpoint.py make OUT          seed, build Net, train one step so BN statistics move, write
                                    OUT/py.safetensors (via the spec-following safetensors_ref) and,
                                    through refio, the input and the eval-mode logits
    checkpoint.py eval OUT CKPT IN  load a C#-written CKPT into a fresh Net (strict), run it in eval
                                    mode on IN's input, write the logits to OUT
"""
import os
import sys

import torch

import refio
import safetensors_ref
from test_nets import Net


def make(folder):
    torch.manual_seed(7)
    net = Net()
    x = torch.randn(2, 3, 8, 8)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    net.train()
    loss = net(x).square().mean()
    loss.backward()
    optimizer.step()
    net.eval()
    with torch.no_grad():
        logits = net(x)
    os.makedirs(folder, exist_ok=True)
    safetensors_ref.save(dict(net.state_dict()), os.path.join(folder, "py.safetensors"), {"source": "pytorch"})
    refio.save(folder, {"x": x, "logits": logits})


def evaluate(folder, checkpoint, inputs):
    net = Net()
    tensors, metadata, _ = safetensors_ref.load(checkpoint)
    net.load_state_dict(tensors, strict=True)
    net.eval()
    x = refio.load(inputs)["x"]
    with torch.no_grad():
        logits = net(x)
    refio.save(folder, {"logits": logits, "has_source": torch.tensor(metadata.get("source") == "csharp")})


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "eval":
        evaluate(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
