#!/usr/bin/env bash
# Writes the embedded synthetic driving video in the Cityscapes layout (no download needed):
# 30-frame snippets with the 20th labelled, exact labels and instance ids, ground-truth optical flow.
#   data-scripts/synthetic/make.sh [OUT] [extra 'weclick data synth' options, e.g. --train 32 --width 512 --height 256]
# Default OUT: data/synthetic. Same seed and settings give byte-identical files. Same as `./weclick data synth`.
set -euo pipefail
OUT="${1:-data/synthetic}"
shift $(( $# < 1 ? $# : 1 ))
exec "$(dirname "${BASH_SOURCE[0]}")/../../weclick" data synth --out "$OUT" "$@"
