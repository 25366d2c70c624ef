"""Exchange of reference tensors between python3-torch and the C# tests.

A folder holds manifest.json ({name: {"dtype", "shape", "file"}}) and one raw little-endian,
row-major .bin file per tensor. Deliberately not safetensors, so that the C# safetensors code is
tested against something it does not share.
"""
import json
import os
import sys

import torch

DTYPES = {
    torch.float32: "float32", torch.float64: "float64", torch.float16: "float16",
    torch.bfloat16: "bfloat16", torch.int64: "int64", torch.int32: "int32",
    torch.uint8: "uint8", torch.bool: "bool", torch.int8: "int8", torch.int16: "int16",
}
NAMES = {v: k for k, v in DTYPES.items()}


def save(folder, tensors):
    """Writes a dict of tensors to folder (created if needed)."""
    os.makedirs(folder, exist_ok=True)
    manifest = {}
    for i, (name, t) in enumerate(tensors.items()):
        t = t.detach().contiguous().cpu()
        file = f"t{i:05d}.bin"
        raw = t.view(torch.int16) if t.dtype == torch.bfloat16 else t
        with open(os.path.join(folder, file), "wb") as f:
            f.write(raw.numpy().tobytes())
        manifest[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "file": file}
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


def load(folder):
    """Reads a folder written by save() or by the C# ReferenceData.Save."""
    import numpy as np
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    result = {}
    for name, entry in manifest.items():
        dtype = NAMES[entry["dtype"]]
        with open(os.path.join(folder, entry["file"]), "rb") as f:
            data = f.read()
        if dtype == torch.bfloat16:
            t = torch.frombuffer(bytearray(data), dtype=torch.int16).view(torch.bfloat16)
        else:
            t = torch.frombuffer(bytearray(data), dtype=dtype) if len(data) else torch.empty(0, dtype=dtype)
        result[name] = t.reshape(entry["shape"]).clone()
    return result


def output_folder():
    """The folder given as the first command-line argument."""
    if len(sys.argv) < 2:
        sys.exit("usage: python3 script.py OUTPUT_FOLDER")
    return sys.argv[1]
