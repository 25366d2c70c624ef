"""Writes a safetensors file with the independent reference writer, and the same tensors with refio.

Usage: safetensors_write.py REFIO_FOLDER FILE. The C# test loads FILE with WeClick.Serialization.Safetensors.Load and
compares it with the refio copy, and checks the metadata written here.
"""
import sys

import torch

import refio
import safetensors_ref

torch.manual_seed(0)
tensors = {
    "encoder.weight": torch.randn(3, 4),
    "encoder.bias": torch.randn(4, dtype=torch.float64),
    "half": torch.randn(2, 3).half(),
    "brain": torch.tensor([1.0, -2.5, 3.140625, float("inf"), float("nan")]).bfloat16(),
    "mask": torch.tensor([[True, False, True], [False, False, True]]),
    "steps": torch.tensor(1234567890123, dtype=torch.int64),  # 0-d
    "labels": torch.tensor([-3, 0, 7], dtype=torch.int32),
    "small": torch.tensor([-128, 0, 127], dtype=torch.int8),
    "shorts": torch.tensor([[-32768, 1], [2, 32767]], dtype=torch.int16),
    "pixels": torch.arange(0, 256, 37).to(torch.uint8),
    "nothing": torch.empty(0, 3),
    "ünïcode名": torch.tensor([42.0]),
}
refio.save(refio.output_folder(), tensors)
safetensors_ref.save(tensors, sys.argv[2], metadata={"format": "pt", "source": "safetensors_ref.py"})
