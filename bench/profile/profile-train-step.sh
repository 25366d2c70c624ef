#!/usr/bin/env bash
# Where the time of the DeepLabV3+ ResNet-18 training step goes (issue #12): the step of `weclick bench --only train`
# on both sides, with oneDNN's per-primitive execution times (ONEDNN_VERBOSE / DNNL_VERBOSE) and, on the PyTorch
# side, torch.profiler's per-op table. Run it alone on the machine (2 cores): anything else running skews it.
#
#   bench/profile/profile-train-step.sh [OUT]      (default OUT: build/profile-train-step)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/build/profile-train-step}"
PY="${WECLICK_PYTHON:-/usr/bin/python3}"
mkdir -p "$OUT"
cd "$ROOT"
echo "profile: C# (TorchSharp, libtorch 2.10) ..." >&2
ONEDNN_VERBOSE=profile_exec ./weclick bench --only train --rounds 2 > "$OUT/csharp.log" 2> "$OUT/csharp.err"
echo "profile: python3-torch ..." >&2
DNNL_VERBOSE=1 "$PY" bench/profile/train_step_profile.py 3 > "$OUT/python.log" 2> "$OUT/python-ops.txt"
"$PY" bench/profile/summarize_onednn.py "C# (TorchSharp 0.107, libtorch 2.10)=$OUT/csharp.log" "python3-torch $("$PY" -c 'import torch; print(torch.__version__)')=$OUT/python.log" | tee "$OUT/summary.md"
grep -E "training step|SGD step" "$OUT/csharp.err" "$OUT/csharp.log" | tail -3 || true
echo "profile: files in $OUT (python-ops.txt: torch.profiler's table)" >&2
