"""One catalogue model's eval-mode inference (batch 1, torch.inference_mode) in python3-torch, with torch.profiler:
where PyTorch's time goes, op by op. Run by profile-inference.sh.

    DNNL_VERBOSE=1 python3 inference_profile.py MODEL HEIGHT WIDTH FORWARDS > python.log 2> python-ops.txt

stdout: oneDNN's verbose lines (one per primitive execution) and "step_seconds S" lines; stderr: the profiler's table.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "WeClick", "Models", "python"))

import torch  # noqa: E402
from weclick_models import Segmentor  # noqa: E402

name, height, width = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
forwards = int(sys.argv[4]) if len(sys.argv) > 4 else 3
torch.set_num_threads(int(os.environ.get("THREADS", os.cpu_count())))
torch.manual_seed(0)
model = Segmentor(name, classes=19)
model.eval()
x = torch.randn(1, 3, height, width)
with torch.inference_mode():
    model(x)  # warm-up, also seen by oneDNN's verbose output (counted by the summary)
    print("step_seconds warmup", flush=True)
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        for _ in range(forwards):
            start = time.perf_counter()
            model(x)
            print(f"step_seconds {time.perf_counter() - start:.6f}", flush=True)
print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=20), file=sys.stderr)
