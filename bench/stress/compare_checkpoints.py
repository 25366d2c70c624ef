"""Largest absolute difference between the model.* tensors of two or more safetensors checkpoints.

    compare_checkpoints.py REFERENCE OTHER [OTHER ...]

Reads the files with numpy alone (the safetensors format: an 8-byte header length, a JSON header, raw data), so it
needs no safetensors package. Prints one line per OTHER; exits 1 if any differs from REFERENCE at all.
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64, "I32": np.int32}


def model_tensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + length])
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or not name.startswith("model."):
            continue
        start, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(blob[base + start : base + end], dtype=DTYPES[entry["dtype"]]).astype(np.float64)
    return tensors


def main(reference, others):
    expected = model_tensors(reference)
    differs = False
    for path in others:
        actual = model_tensors(path)
        if sorted(actual) != sorted(expected):
            print(f"{path}: other tensor names than {reference}")
            differs = True
            continue
        worst, where = max((float(np.abs(expected[k] - actual[k]).max()) if expected[k].size else 0.0, k) for k in expected)
        print(f"{path}: max |difference| {worst:.3g} ({where})")
        differs |= worst != 0.0
    return 1 if differs else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
