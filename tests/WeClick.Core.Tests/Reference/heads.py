"""PyTorch twins of src/WeClick/Models/Heads (DeepLabV3PlusHead, PspHead), with the same parameter names.

algorithms.md §5.1 (DeepLabV3+ as Gated CRF's model_net_deeplab_v3_plus.py) and §5.2 (PSPNet as ETC's
model/pspnet_18.py, names as hszhao/semseg's PSPNet: ppm.features.i, cls, aux).

Usage:
    python3 heads.py OUTPUT_FOLDER CONFIG   writes weights ("param.<name>"), inputs, outputs and gradients
                                            for the parity tests (HeadParityTests.cs); CONFIG is one of CONFIGS
    python3 heads.py --counts               prints the head parameter counts of the paper's configurations
"""
import os
import sys

# The twins live with the library (src/WeClick/Models/python), copied next to the test assembly.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Models", "python"))

import torch
import torch.nn.functional as F
from torch import nn


from weclick_models import Aspp, Decoder, DeepLabV3PlusHead, Ppm, PspHead, conv_bn_relu, psp_classifier  # noqa: E402,F401


def count(module):
    return sum(p.numel() for p in module.parameters())


# Backbone parameter counts (torchvision conventions, no fc), algorithms.md §5.1.
BACKBONES = {"resnet18": (64, 256, 512, 11_176_512), "resnet34": (64, 256, 512, 21_284_672),
             "resnet101": (256, 1024, 2048, 42_500_160), "mobilenetv2": (24, 96, 1280, 2_223_872)}


def print_counts():
    for name, (low, aux, high, backbone) in BACKBONES.items():
        dl = count(DeepLabV3PlusHead(low, high, 19))
        psp = count(PspHead(high, aux, 19))
        psp_aux = count(PspHead(high, aux, 19, auxiliary=True))
        print(f"{name}: DL head {dl} total {dl + backbone}; PSP head {psp} total {psp + backbone}; "
              f"PSP+aux head {psp_aux} total {psp_aux + backbone}")


# Small heads for the parity tests: (constructor, keyword arguments, batch, low/aux/high sizes).
CONFIGS = {
    "deeplab-os16": (DeepLabV3PlusHead, dict(low_channels=8, high_channels=12, classes=5, output_stride=16,
                                             aspp_channels=16, low_level_channels=6), 2, (16, 20), (4, 5), (4, 5)),
    "deeplab-os8": (DeepLabV3PlusHead, dict(low_channels=8, high_channels=12, classes=5, output_stride=8,
                                            aspp_channels=16, low_level_channels=6), 2, (16, 20), (8, 10), (8, 10)),
    "psp": (PspHead, dict(high_channels=16, auxiliary_channels=8, classes=5, head_channels=12, auxiliary=True,
                          dropout=0.0), 2, (16, 20), (7, 9), (7, 9)),
}


def randomise(module, generator):
    """Weights and BN statistics away from their initial values, so that every term is tested."""
    with torch.no_grad():
        for name, t in module.state_dict().items():
            if name.endswith("num_batches_tracked"):
                t.fill_(3)
            elif name.endswith("running_var"):
                t.copy_(torch.rand(t.shape, generator=generator) + 0.5)
            elif name.endswith("running_mean") or name.endswith(".bias"):
                t.copy_(torch.randn(t.shape, generator=generator) * 0.1)
            elif t.dim() == 1:  # BN weight
                t.copy_(torch.rand(t.shape, generator=generator) + 0.5)
            else:  # conv weight, fan-in scaled
                t.copy_(torch.randn(t.shape, generator=generator) / (t[0].numel() ** 0.5))


def parity(folder, config):
    import refio
    cls, kwargs, batch, low_size, aux_size, high_size = CONFIGS[config]
    generator = torch.Generator().manual_seed(1234)
    head = cls(**kwargs)
    randomise(head, generator)
    out = {f"param.{k}": v.clone() for k, v in head.state_dict().items()}
    aux_channels = kwargs.get("auxiliary_channels", 4)
    low = torch.randn(batch, kwargs.get("low_channels", 4), *low_size, generator=generator)
    aux = torch.randn(batch, aux_channels, *aux_size, generator=generator)
    high = torch.randn(batch, kwargs["high_channels"], *high_size, generator=generator)
    out.update(low=low, aux=aux, high=high)
    # 1. Eval: running statistics, no auxiliary output.
    head.eval()
    with torch.no_grad():
        out["eval.logits"], _ = head(low, aux, high)
    # 2. Training (dropout 0): batch statistics, auxiliary output, gradients of logits.sum() (+ aux.sum()).
    head.train()
    logits, aux_logits = head(low, aux, high)
    out["train.logits"] = logits.detach()
    loss = logits.sum()
    if aux_logits is not None:
        out["train.aux"] = aux_logits.detach()
        loss = loss + aux_logits.sum()
    loss.backward()
    for name, p in head.named_parameters():
        out[f"grad.{name}"] = p.grad
    for name, t in head.state_dict().items():
        if "running" in name:
            out[f"after.{name}"] = t
    refio.save(folder, out)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--counts":
        print_counts()
    else:
        parity(sys.argv[1], sys.argv[2])
