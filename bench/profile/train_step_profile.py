"""The DeepLabV3+ ResNet-18 training step of `weclick bench --only train` (2x3x256x512, SGD, cross-entropy) in
python3-torch, with torch.profiler: where PyTorch's time goes, op by op. Run by profile-train-step.sh.

    DNNL_VERBOSE=1 python3 train_step_profile.py STEPS > python.log 2> python-ops.txt

stdout: oneDNN's verbose lines (one per primitive execution) and "step_seconds S" lines; stderr: the profiler's table.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "WeClick", "Models", "python"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from weclick_models import Segmentor  # noqa: E402

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
torch.set_num_threads(int(os.environ.get("THREADS", os.cpu_count())))
torch.manual_seed(0)
model = Segmentor("deeplabv3plus-resnet18", classes=19)
model.train()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
x = torch.randn(2, 3, 256, 512)
target = torch.randint(0, 19, (2, 256, 512))


def step():
    loss = F.cross_entropy(model(x), target, ignore_index=255)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()


step()  # warm-up, also profiled by oneDNN's verbose output (counted by the summary)
print("step_seconds warmup", flush=True)
with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
    for _ in range(steps):
        start = time.perf_counter()
        step()
        print(f"step_seconds {time.perf_counter() - start:.6f}", flush=True)
print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=25), file=sys.stderr)
