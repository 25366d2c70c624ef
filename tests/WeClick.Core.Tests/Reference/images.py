"""Decodes image files with Pillow (independently of OpenCV) for VisionTests.

    images.py OUT FILE [FILE ...]   writes each decoded file as a tensor named by its position: "0", "1", ...
"""
import sys

import numpy as np
import torch
from PIL import Image

from refio import save

tensors = {}
for i, path in enumerate(sys.argv[2:]):
    image = Image.open(path)
    if image.mode in ("I;16", "I;16B", "I"):
        array = np.array(image, dtype=np.int32)
    elif image.mode in ("L", "P"):
        array = np.array(image, dtype=np.uint8)
    else:
        array = np.array(image.convert("RGB"), dtype=np.uint8)
    tensors[str(i)] = torch.from_numpy(array.copy())
save(sys.argv[1], tensors)
