#!/usr/bin/env python3
"""Converts torchvision's ImageNet weights to safetensors files for WeClick's backbones.

usage: python3 convert_torchvision.py [--output DIR] [--models resnet18 ... mobilenet_v2]
                                      [--weights IMAGENET1K_V1] [--random [--seed S]] [--print-paths]

For each model, builds torchvision's network (torchvision >= 0.13 API, e.g.
torchvision.models.resnet18(weights="IMAGENET1K_V1"); the weights are downloaded on first use, so this needs
internet access) and writes DIR/<name>_imagenet.safetensors: its state dict (parameters, BN running statistics
and num_batches_tracked) under torchvision's names, without the classifier (fc.* / classifier.*), as little-endian
float32 (num_batches_tracked int64), with __metadata__ saying where it came from.

--random writes DIR/<name>_random.safetensors instead: torchvision's random initialisation after
torch.manual_seed(S) (no download; what the tests and offline machines use). The C# backbones give the same
weights after torch.manual_seed(S), since they draw in torchvision's order.

--print-paths prints the path of each file it would write and stops (no download): the values for the configs'
teacher.backboneWeights and student.backboneWeights (the paper presets name data/weights/resnet101_imagenet.safetensors
and data/weights/resnet18_imagenet.safetensors).

Load a file with WeClick.Models.Backbones.ImageNetWeights.Load(backbone, path).
"""
import argparse
import json
import os
import struct
import sys

import torch
import torchvision

MODELS = ("resnet18", "resnet34", "resnet50", "resnet101", "mobilenet_v2")
CLASSIFIER = ("fc.", "classifier.")

# safetensors dtypes in the reference (Rust) Dtype enum's order; the writer sorts tensors by descending
# alignment, then name, as the reference writer does (same layout as the C# writer).
DTYPES = [(torch.bool, "BOOL"), (torch.uint8, "U8"), (torch.int8, "I8"), (torch.int16, "I16"),
          (torch.float16, "F16"), (torch.bfloat16, "BF16"), (torch.int32, "I32"), (torch.float32, "F32"),
          (torch.float64, "F64"), (torch.int64, "I64")]
NAME_OF = {d: n for d, n in DTYPES}
RANK = {d: i for i, (d, _) in enumerate(DTYPES)}


def safetensors_bytes(tensors, metadata):
    """The bytes of a safetensors file (https://github.com/huggingface/safetensors, "Format")."""
    items = sorted(tensors.items(), key=lambda kv: (-RANK[kv[1].dtype], kv[0].encode("utf-8")))
    header = {"__metadata__": dict(metadata)}
    blobs, offset = [], 0
    for name, t in items:
        t = t.detach().contiguous().cpu()
        raw = (t.view(torch.int16) if t.dtype == torch.bfloat16 else t).numpy().tobytes()
        if sys.byteorder != "little" and t.element_size() > 1:
            raise SystemExit("this writer assumes a little-endian machine")
        header[name] = {"dtype": NAME_OF[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def output_path(output, name, random):
    """The file convert() writes for one model: the one name both conversion and --print-paths use."""
    return os.path.join(output, f"{name}_{'random' if random else 'imagenet'}.safetensors")


def convert(name, output, weights, random, seed):
    factory = getattr(torchvision.models, name)
    path = output_path(output, name, random)
    if random:
        torch.manual_seed(seed)
        model = factory(weights=None)
        source = f"torchvision.models.{name}(weights=None) after torch.manual_seed({seed})"
    else:
        model = factory(weights=weights)
        source = f"torchvision.models.{name}(weights=\"{weights}\")"
    state = {k: v for k, v in model.state_dict().items() if not k.startswith(CLASSIFIER)}
    metadata = {
        "format": "pt",
        "source": source,
        "model": name,
        "weights": "random" if random else weights,
        "torchvision": torchvision.__version__,
        "torch": torch.__version__,
        "classifier": "dropped (" + ", ".join(k for k in model.state_dict() if k.startswith(CLASSIFIER)) + ")",
    }
    write_atomically(path, safetensors_bytes(state, metadata))
    parameters = sum(p.numel() for k, p in model.named_parameters() if not k.startswith(CLASSIFIER))
    print(f"{path}: {len(state)} tensors, {parameters} parameters")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=".", help="folder for the .safetensors files (created if needed)")
    parser.add_argument("--models", nargs="+", default=list(MODELS), choices=MODELS)
    parser.add_argument("--weights", default="IMAGENET1K_V1", help="torchvision weights name (default IMAGENET1K_V1)")
    parser.add_argument("--random", action="store_true", help="write seeded random initialisations instead (no download)")
    parser.add_argument("--seed", type=int, default=0, help="seed for --random (default 0)")
    parser.add_argument("--print-paths", action="store_true", help="print the path of each file it would write, and stop")
    args = parser.parse_args()
    if args.print_paths:
        for name in args.models:
            print(output_path(args.output, name, args.random))
        return
    os.makedirs(args.output, exist_ok=True)
    for name in args.models:
        convert(name, args.output, args.weights, args.random, args.seed)


if __name__ == "__main__":
    main()
