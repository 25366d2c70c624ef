"""Loads a C#-written catalogue checkpoint into the PyTorch twin and writes its eval-mode logits (SegmentorParityTests).

usage: python3 segmentor.py OUTPUT_FOLDER MODEL_NAME CHECKPOINT INPUT_FOLDER
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Models", "python"))

import torch  # noqa: E402

import refio  # noqa: E402
from weclick_models import Segmentor, load_safetensors  # noqa: E402

folder, name, checkpoint, inputs = sys.argv[1:5]
model = Segmentor(name, classes=7)
model.load_state_dict(load_safetensors(checkpoint), strict=True)
model.eval()
with torch.no_grad():
    logits = model(refio.load(inputs)["x"])
refio.save(folder, {"logits": logits})
