#!/usr/bin/env bash
# Checks a Cityscapes-layout root (real or synthetic): every labelled frame under gtFine/<split>/ must have its
# whole snippet in leftImg8bit_sequence/<split>/ and its instanceIds file. Mirrors WeClick.Data.CityscapesLayout.Check.
# Usage: check-layout.sh <root> [split ...]     (default: every split under gtFine/)
# Exit status: 0 complete, 1 something missing, 2 usage error.
set -euo pipefail
if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
exec python3 - "$@" <<'PY'
import json, os, re, sys

root, splits = sys.argv[1], sys.argv[2:]
if not os.path.isdir(root):
    print(f"missing: the root folder '{root}'")
    sys.exit(1)
length, labelled_index, name = 30, 19, "cityscapes"
descriptor = os.path.join(root, "weclick-dataset.json")
if os.path.exists(descriptor):
    with open(descriptor) as f:
        d = json.load(f)
    length, labelled_index, name = d.get("snippetLength", 30), d.get("labelledIndex", 19), d.get("name", "dataset")
official = {"train": 2975, "val": 500, "test": 1525}
gt = os.path.join(root, "gtFine")
if not splits:
    splits = sorted(os.listdir(gt)) if os.path.isdir(gt) else ["train", "val"]
pattern = re.compile(r"^(.+)_(\d{6})_(\d{6})_gtFine_labelIds\.png$")
problems, shown, limit = 0, 0, 50

def problem(text):
    global problems, shown
    problems += 1
    if shown < limit:
        print(f"  missing: {text}")
        shown += 1

print(f"Cityscapes layout at '{root}' ({name}: snippets of {length}, labelled frame at index {labelled_index})")
for split in splits:
    labels, images = os.path.join(gt, split), os.path.join(root, "leftImg8bit_sequence", split)
    for folder, package in ((labels, "gtFine_trainvaltest.zip"), (images, "leftImg8bit_sequence_trainvaltest.zip")):
        if not os.path.isdir(folder):
            problem(f"folder '{folder}' (from {package})")
    if not os.path.isdir(labels):
        continue
    existing = set()
    if os.path.isdir(images):
        for city in os.listdir(images):
            existing.update(os.path.join(images, city, f) for f in os.listdir(os.path.join(images, city)))
    n = complete = missing_frames = missing_instances = 0
    for city in sorted(os.listdir(labels)):
        files = set(os.listdir(os.path.join(labels, city)))
        for f in sorted(files):
            m = pattern.match(f)
            if not m:
                continue
            n += 1
            stem_city, seq, frame = m.group(1), m.group(2), int(m.group(3))
            gone = 0
            for i in range(frame - labelled_index, frame - labelled_index + length):
                path = os.path.join(images, city, f"{stem_city}_{seq}_{i:06d}_leftImg8bit.png")
                if path not in existing:
                    gone += 1
                    problem(f"'{path}'")
            missing_frames += gone
            complete += gone == 0
            instance = f.replace("_gtFine_labelIds.png", "_gtFine_instanceIds.png")
            if instance not in files:
                missing_instances += 1
                problem(f"'{os.path.join(labels, city, instance)}'")
    note = f" (official: {official[split]})" if name == "cityscapes" and split in official else ""
    print(f"  {split}: {n} labelled frames{note}, {complete} complete snippets, {missing_frames} missing frames, "
          f"{missing_instances} missing instance files")
if problems > shown:
    print(f"  ... and {problems - shown} more")
print("OK" if problems == 0 else "INCOMPLETE")
sys.exit(0 if problems == 0 else 1)
PY
