#!/usr/bin/env bash
# Writes one click per object for every labelled frame of a dataset (WeClick §4.2), reproducibly.
#   data-scripts/clicks/make.sh ROOT [cityscapes|camvid] [SPLIT] [extra weclick clicks options...]
# Files go to ROOT/clicks/SPLIT/<image>.clicks.json; statistics are printed. Same as `./weclick clicks`.
set -euo pipefail
if [[ $# -lt 1 ]]; then
    echo "usage: $0 ROOT [cityscapes|camvid] [SPLIT] [options of 'weclick clicks']" >&2
    exit 2
fi
ROOT="$1"; DATASET="${2:-cityscapes}"; SPLIT="${3:-train}"
shift $(( $# < 3 ? $# : 3 ))
exec "$(dirname "${BASH_SOURCE[0]}")/../../weclick" clicks --root "$ROOT" --dataset "$DATASET" --split "$SPLIT" "$@"
