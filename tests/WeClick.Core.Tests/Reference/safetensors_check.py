"""Checks a safetensors file written by C#: usage safetensors_check.py FILE REFIO_FOLDER METADATA_JSON.

Loads FILE with safetensors_ref (strict spec reader), compares every tensor bit for bit with the
copy in REFIO_FOLDER (written by ReferenceData.Save), checks the metadata equals METADATA_JSON, and
checks that the independent writer lays out the same tensors and metadata in exactly the same bytes.
Exits non-zero with a message on any difference.
"""
import json
import sys

import torch

import refio
import safetensors_ref


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    path, folder, expected_metadata = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    with open(path, "rb") as f:
        data = f.read()
    tensors, metadata, _ = safetensors_ref.loads(data)
    expected = refio.load(folder)
    if sorted(tensors) != sorted(expected):
        fail(f"names differ: file {sorted(tensors)}, expected {sorted(expected)}")
    for name, want in expected.items():
        got = tensors[name]
        if got.dtype != want.dtype or list(got.shape) != list(want.shape):
            fail(f"{name}: file has {got.dtype} {list(got.shape)}, expected {want.dtype} {list(want.shape)}")
        # Bitwise comparison (NaN-safe): compare the raw bytes.
        if safetensors_ref._raw_bytes(got) != safetensors_ref._raw_bytes(want):
            fail(f"{name}: values differ: file {got}, expected {want}")
    if metadata != expected_metadata:
        fail(f"metadata differ: file {metadata}, expected {expected_metadata}")
    rewritten = safetensors_ref.dumps(tensors, metadata)
    if rewritten != data:
        fail(f"layout differs from the reference writer:\nC#:  {data[:8 + 400]!r}\nref: {rewritten[:8 + 400]!r}")
    print("OK")


if __name__ == "__main__":
    main()
