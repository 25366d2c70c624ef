#!/usr/bin/env bash
# Kill-and-resume stress test of training (environment.md, "AMD CPUs"): trains the teacher of TrainResumeAfterKillTests
# once uninterrupted, then CYCLES times starts it afresh, SIGKILLs it a random 0-400 ms after its epoch 2, 3 or 4 line,
# resumes it, and compares every model.* tensor of the final checkpoint with the uninterrupted run's (bitwise).
# Extra environment (WECLICK_CONV_GUARD=1, MALLOC_PERTURB_=...) passes through to every run.
#
#   bench/stress/resume-cycles.sh [CYCLES] [OUT]        (defaults: 10, build/resume-cycles)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CYCLES="${1:-10}"
OUT="$(mkdir -p "${2:-$ROOT/build/resume-cycles}" && cd "${2:-$ROOT/build/resume-cycles}" && pwd)"
PY="${WECLICK_PYTHON:-/usr/bin/python3}"
"$ROOT/scripts/setup.sh" --quiet   # build once here, not inside a run that is about to be killed

train() {  # train WORKSPACE: exec, so that the PID the caller holds is the training process itself
  exec "$ROOT/weclick" train teacher --preset quick --workspace "$1" --set data.root="$OUT/data" \
    --set data.synthetic.width=64 --set data.synthetic.height=32 --set data.synthetic.snippetLength=21 \
    --set data.synthetic.trainSnippets=8 --set data.synthetic.valSnippets=2 --set data.workers=0 --set 'seeds=[0]' \
    --set threads=2 --set teacher.name=deeplabv3plus-mobilenetv2 --set teacher.widthMultiplier=0.5 \
    --set teacherSchedule.epochs=6 --set teacherSchedule.batchSize=2 --set teacherSchedule.evaluateEvery=3 \
    --set teacherSchedule.cropHeight=32 --set teacherSchedule.cropWidth=64 --set evaluation.temporalFrames=0
}
checkpoint() { echo "$1/quick/teacher-seed0/last.safetensors"; }

rm -rf "$OUT/uninterrupted"
(train "$OUT/uninterrupted") > "$OUT/uninterrupted.log" 2>&1
failed=0
for cycle in $(seq 1 "$CYCLES"); do
  workspace="$OUT/cycle$cycle"
  rm -rf "$workspace"
  epoch=$((RANDOM % 3 + 2)) delay_ms=$((RANDOM % 400))
  (train "$workspace") > "$workspace.killed.log" 2>&1 &
  pid=$!
  until grep -q ": epoch $epoch/" "$workspace.killed.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "cycle $cycle: the run ended before epoch $epoch" >&2; exit 1; }
    sleep 0.01
  done
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  (train "$workspace") > "$workspace.resumed.log" 2>&1
  resumed=$(grep -o 'resuming after epoch [0-9]*' "$workspace.resumed.log" || echo "no resume")
  if result=$("$PY" "$ROOT/bench/stress/compare_checkpoints.py" "$(checkpoint "$OUT/uninterrupted")" "$(checkpoint "$workspace")"); then
    verdict=identical
  else
    verdict=DIFFERENT failed=$((failed + 1))
  fi
  echo "cycle $cycle: killed ${delay_ms} ms after the epoch $epoch line, $resumed: $verdict (${result#*: })"
done
echo "$failed of $CYCLES resumed runs differ from the uninterrupted one"
[[ $failed == 0 ]]
