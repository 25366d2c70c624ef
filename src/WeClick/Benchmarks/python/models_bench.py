"""PyTorch side of `weclick bench models`: forward latency of the catalogue's twins (weclick_models.py).

A persistent worker; one command per line on stdin, one JSON line per answer on stdout:
    threads N                     -> {"threads": N}
    load NAME CHECKPOINT          -> {"parameters": P}   builds the twin (19 classes) and loads the C# weights (strict)
    time HEIGHT WIDTH REPS        -> {"seconds": [...]}  eval-mode, no-grad forward of one frame, after one warm-up
    quit
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Models", "python"))

import torch  # noqa: E402

from weclick_models import Segmentor, load_safetensors  # noqa: E402

model = None
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    try:
        if words[0] == "quit":
            break
        if words[0] == "threads":
            torch.set_num_threads(int(words[1]))
            answer = {"threads": torch.get_num_threads()}
        elif words[0] == "load":
            model = Segmentor(words[1], classes=19)
            model.load_state_dict(load_safetensors(words[2]), strict=True)
            model.eval()
            answer = {"parameters": sum(p.numel() for p in model.parameters())}
        elif words[0] == "time":
            height, width, reps = int(words[1]), int(words[2]), int(words[3])
            x = torch.randn(1, 3, height, width)
            times = []
            with torch.no_grad():
                for i in range(reps + 1):
                    start = time.perf_counter()
                    model(x)
                    if i > 0:
                        times.append(time.perf_counter() - start)
            answer = {"seconds": times}
        else:
            answer = {"error": f"unknown command {words[0]}"}
    except Exception as e:  # report, do not die: the C# side turns it into an error message
        answer = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(answer), flush=True)
