"""A small, independent safetensors reader/writer for the interop tests.

Debian has no python3-safetensors, so this follows the format as documented by huggingface/safetensors
(README "Format" and safetensors/src/tensor.rs), written from the spec rather than from the C# code:

* 8 bytes: N, unsigned little-endian 64-bit, the header length (at most 100,000,000);
* N bytes: UTF-8 JSON object, starting with '{', optionally right-padded with spaces;
  {"__metadata__": {str: str}, NAME: {"dtype": D, "shape": [..], "data_offsets": [BEGIN, END]}, ...};
* the data buffer: little-endian, row-major tensor bytes; offsets are relative to its start; it is
  entirely covered with no holes or overlaps, and ends exactly at the end of the file.

The writer uses the reference layout: tensors sorted by descending dtype (the Rust Dtype enum is in
increasing alignment order) then by name (UTF-8 bytes), "__metadata__" first, compact JSON as
serde_json writes it, padded with spaces to a multiple of 8.
"""
import json
import struct

import torch

# In the order of the reference Dtype enum (increasing alignment), restricted to what torch 1.13 has.
DTYPES = [
    ("BOOL", torch.bool, 1), ("U8", torch.uint8, 1), ("I8", torch.int8, 1), ("I16", torch.int16, 2),
    ("F16", torch.float16, 2), ("BF16", torch.bfloat16, 2), ("I32", torch.int32, 4),
    ("F32", torch.float32, 4), ("F64", torch.float64, 8), ("I64", torch.int64, 8),
]
BY_NAME = {name: (dtype, size) for name, dtype, size in DTYPES}
NAME_OF = {dtype: name for name, dtype, _ in DTYPES}
RANK = {dtype: i for i, (_, dtype, _) in enumerate(DTYPES)}
MAX_HEADER = 100_000_000


class FormatError(Exception):
    pass


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise FormatError(f"duplicate keys in {keys}")
    return dict(pairs)


def _raw_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)  # numpy has no bfloat16; same bytes
    return t.numpy().tobytes()


def _from_bytes(data, dtype, shape):
    if len(data) == 0:
        return torch.empty(shape, dtype=dtype)
    if dtype == torch.bfloat16:
        return torch.frombuffer(bytearray(data), dtype=torch.int16).view(torch.bfloat16).reshape(shape).clone()
    return torch.frombuffer(bytearray(data), dtype=dtype).reshape(shape).clone()


def dumps(tensors, metadata=None):
    """The bytes of a safetensors file holding tensors (dict name -> tensor) and metadata (dict str -> str)."""
    items = sorted(tensors.items(), key=lambda kv: (-RANK[kv[1].dtype], kv[0].encode("utf-8")))
    header = {}
    if metadata is not None:
        header["__metadata__"] = dict(metadata)
    offset = 0
    blobs = []
    for name, t in items:
        raw = _raw_bytes(t)
        header[name] = {"dtype": NAME_OF[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def save(tensors, path, metadata=None):
    with open(path, "wb") as f:
        f.write(dumps(tensors, metadata))


def loads(data):
    """(tensors, metadata, header_text) from the bytes of a file; raises FormatError when invalid."""
    if len(data) < 8:
        raise FormatError("shorter than 8 bytes")
    (n,) = struct.unpack("<Q", data[:8])
    if n > MAX_HEADER:
        raise FormatError(f"header length {n} too large")
    if 8 + n > len(data):
        raise FormatError(f"header length {n} beyond the file")
    raw = data[8:8 + n]
    if not raw.startswith(b"{"):
        raise FormatError("header does not start with '{'")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FormatError(f"header not UTF-8: {e}")
    if text.rstrip(" ") != text.rstrip(" \t\r\n"):
        raise FormatError("header padded with something other than spaces")
    try:
        header = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as e:
        raise FormatError(f"header not JSON: {e}")
    metadata = header.pop("__metadata__", None)
    if metadata is not None:
        if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
            raise FormatError("__metadata__ must map strings to strings")
    entries = []
    for name, info in header.items():
        if not isinstance(info, dict) or set(info) != {"dtype", "shape", "data_offsets"}:
            raise FormatError(f"{name}: entry must hold exactly dtype, shape, data_offsets")
        if info["dtype"] not in BY_NAME:
            raise FormatError(f"{name}: unsupported dtype {info['dtype']}")
        shape, offsets = info["shape"], info["data_offsets"]
        ints = shape + offsets
        if not all(type(v) is int and v >= 0 for v in ints) or len(offsets) != 2:
            raise FormatError(f"{name}: bad shape or offsets")
        entries.append((offsets[0], offsets[1], name, info))
    entries.sort()
    buffer = data[8 + n:]
    position = 0
    tensors = {}
    for begin, end, name, info in entries:
        dtype, size = BY_NAME[info["dtype"]]
        numel = 1
        for d in info["shape"]:
            numel *= d
        if begin != position or end - begin != numel * size:
            raise FormatError(f"{name}: offsets [{begin}, {end}] do not continue at {position} with {numel * size} bytes")
        position = end
        tensors[name] = _from_bytes(buffer[begin:end], dtype, info["shape"])
    if position != len(buffer):
        raise FormatError(f"data buffer is {len(buffer)} bytes but the offsets cover {position}")
    return tensors, metadata, raw


def load(path):
    with open(path, "rb") as f:
        return loads(f.read())
