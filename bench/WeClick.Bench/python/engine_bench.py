"""PyTorch side of `weclick bench engine`: the same workloads as EngineBenchmark.cs.

A persistent worker: it reads one command per line on stdin and answers one JSON line on stdout,
so that the C# driver can alternate C# and PyTorch rounds in one run (this machine is noisy).

    threads N            -> {"threads": N, "version": "..."}   (bench_protocol.py)
    overhead CALLS       -> {"seconds": [per-call seconds, one per batch]}
    conv REPS            -> {"seconds": [...]}    conv2d forward+backward
    step REPS            -> {"seconds": [...], "parameters": P}    one SGD training step of BenchNet
    quit
"""
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from bench_protocol import serve


class Block(nn.Module):
    """Basic residual block (two 3x3 convs + BN), stride on the first, 1x1 projection when needed."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.down(x))


class BenchNet(nn.Module):
    """A small ResNet-style segmenter: stride-8 features, 1x1 classifier, bilinear upsampling."""

    def __init__(self, classes=19):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 32, 3, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU())
        self.layer1 = Block(32, 64, 2)
        self.layer2 = Block(64, 128, 2)
        self.classifier = nn.Conv2d(128, classes, 1)

    def forward(self, x):
        y = self.classifier(self.layer2(self.layer1(self.stem(x))))
        return F.interpolate(y, size=x.shape[-2:], mode="bilinear", align_corners=False)


def overhead(calls):
    a, b = torch.ones(1), torch.ones(1)
    batches = []
    for _ in range(10):
        start = time.perf_counter()
        for _ in range(calls // 10):
            torch.add(a, b)
        batches.append((time.perf_counter() - start) / (calls // 10))
    return {"seconds": batches}


def conv(reps):
    torch.manual_seed(0)
    x = torch.randn(2, 64, 128, 256, requires_grad=True)
    w = torch.randn(64, 64, 3, 3, requires_grad=True)
    times = []
    for i in range(reps + 1):
        start = time.perf_counter()
        F.conv2d(x, w, padding=1).sum().backward()
        x.grad = None
        w.grad = None
        if i > 0:  # the first call warms oneDNN up
            times.append(time.perf_counter() - start)
    return {"seconds": times}


def step(reps):
    torch.manual_seed(0)
    net = BenchNet().train()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(2, 3, 256, 512)
    target = torch.randint(0, 19, (2, 256, 512))
    times = []
    for i in range(reps + 1):
        start = time.perf_counter()
        loss = F.cross_entropy(net(x), target, ignore_index=255)
        optimizer.zero_grad(set_to_none=True)  # as libtorch 2's (TorchSharp's) default; 1.13's Python default zeroes in place
        loss.backward()
        optimizer.step()
        if i > 0:
            times.append(time.perf_counter() - start)
    return {"seconds": times, "parameters": sum(p.numel() for p in net.parameters())}


if __name__ == "__main__":
    serve({
        "overhead": lambda words: overhead(int(words[0])),
        "conv": lambda words: conv(int(words[0])),
        "step": lambda words: step(int(words[0])),
    })
