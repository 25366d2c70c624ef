"""PyTorch side of `weclick bench models`: inference latency of the catalogue's twins (weclick_models.py).

A persistent worker; one command per line on stdin, one JSON line per answer on stdout:
    threads N                     -> {"threads": N, "version": "..."}   (bench_protocol.py)
    load NAME CHECKPOINT          -> {"parameters": P}   builds the twin (19 classes) and loads the C# weights (strict)
    time HEIGHT WIDTH REPS        -> {"seconds": [...]}  eval-mode forward of one frame in inference mode, after one warm-up
    step BATCH HEIGHT WIDTH REPS  -> {"seconds": [...]}  SGD training steps (cross-entropy on random targets), after one warm-up
    quit
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Models", "python"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from bench_protocol import serve  # noqa: E402
from weclick_models import Segmentor, load_safetensors  # noqa: E402

model = None


def load(words):
    global model
    model = Segmentor(words[0], classes=19)
    model.load_state_dict(load_safetensors(words[1]), strict=True)
    model.eval()
    return {"parameters": sum(p.numel() for p in model.parameters())}


def time_forward(words):
    height, width, reps = int(words[0]), int(words[1]), int(words[2])
    x = torch.randn(1, 3, height, width)
    times = []
    with torch.inference_mode():
        for i in range(reps + 1):
            start = time.perf_counter()
            model(x)
            if i > 0:
                times.append(time.perf_counter() - start)
    return {"seconds": times}


def train_step(words):
    batch, height, width, reps = int(words[0]), int(words[1]), int(words[2]), int(words[3])
    torch.manual_seed(0)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(batch, 3, height, width)
    target = torch.randint(0, 19, (batch, height, width))
    times = []
    for i in range(reps + 1):
        start = time.perf_counter()
        loss = F.cross_entropy(model(x), target, ignore_index=255)
        optimizer.zero_grad(set_to_none=True)  # as libtorch 2's (TorchSharp's) default
        loss.backward()
        optimizer.step()
        if i > 0:
            times.append(time.perf_counter() - start)
    model.eval()
    return {"seconds": times}


serve({"load": load, "time": time_forward, "step": train_step})
