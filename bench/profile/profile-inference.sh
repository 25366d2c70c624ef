#!/usr/bin/env bash
# Where the time of one model's inference goes (issue #12's student-inference target): eval-mode forwards of one frame
# on both sides, with oneDNN's per-primitive execution times (ONEDNN_VERBOSE / DNNL_VERBOSE) and, on the PyTorch side,
# torch.profiler's per-op table. The C# side is `weclick bench models` (its forwards with and without BatchNorm
# folding are both counted). Run it alone on the machine: anything else running skews it. On an AMD CPU, run it with
# WECLICK_CONV_GUARD=1 to compare the same oneDNN kernels on both sides (environment.md, "AMD CPUs").
#
#   bench/profile/profile-inference.sh MODEL HEIGHT WIDTH [OUT]      (default OUT: build/profile-inference-MODEL-HxW)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ $# -lt 3 ]]; then
  echo "usage: $0 MODEL HEIGHT WIDTH [OUT]   (e.g. pspnet-mobilenetv2 512 1024)" >&2
  exit 2
fi
MODEL="$1" H="$2" W="$3"
OUT="${4:-$ROOT/build/profile-inference-$MODEL-${H}x$W}"
PY="${WECLICK_PYTHON:-/usr/bin/python3}"
mkdir -p "$OUT"
cd "$ROOT"
echo "profile: C# (TorchSharp, libtorch 2.10) ..." >&2
ONEDNN_VERBOSE=profile_exec ./weclick bench models --models "$MODEL" --sizes "${H}x$W" --reps 3 > "$OUT/csharp.log" 2> "$OUT/csharp.err"
echo "profile: python3-torch ..." >&2
DNNL_VERBOSE=1 "$PY" bench/profile/inference_profile.py "$MODEL" "$H" "$W" 3 > "$OUT/python.log" 2> "$OUT/python-ops.txt"
"$PY" bench/profile/summarize_onednn.py --shapes 8 "C# (TorchSharp 0.107, libtorch 2.10)=$OUT/csharp.log" "python3-torch $("$PY" -c 'import torch; print(torch.__version__)')=$OUT/python.log" | tee "$OUT/summary.md"
grep -E "$MODEL" "$OUT/csharp.log" | grep -v verbose | tail -3 || true
echo "profile: files in $OUT (python-ops.txt: torch.profiler's table)" >&2
