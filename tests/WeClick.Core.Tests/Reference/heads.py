"""PyTorch twins of src/WeClick/Models/Heads (DeepLabV3PlusHead, PspHead), with the same parameter names.

algorithms.md §5.1 (DeepLabV3+ as Gated CRF's model_net_deeplab_v3_plus.py) and §5.2 (PSPNet as ETC's
model/pspnet_18.py, names as hszhao/semseg's PSPNet: ppm.features.i, cls, aux).

Usage:
    python3 heads.py OUTPUT_FOLDER CONFIG   writes weights ("param.<name>"), inputs, outputs and gradients
                                            for the parity tests (HeadParityTests.cs); CONFIG is one of CONFIGS
    python3 heads.py --counts               prints the head parameter counts of the paper's configurations
"""
import sys

import torch
import torch.nn.functional as F
from torch import nn


def conv_bn_relu(cin, cout, kernel, dilation=1):
    """Bias-free conv + BN + ReLU, 'same' padding."""
    padding = dilation * (kernel // 2)
    return nn.Sequential(nn.Conv2d(cin, cout, kernel, padding=padding, dilation=dilation, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU())


class Aspp(nn.Module):
    """torchvision's ASPP layout: convs.0 (1×1), convs.1-3 (3×3 atrous), convs.4 (image pooling), project."""

    def __init__(self, cin, channels, rates, dropout):
        super().__init__()
        branches = [conv_bn_relu(cin, channels, 1)]
        branches += [conv_bn_relu(cin, channels, 3, r) for r in rates]
        branches.append(nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(cin, channels, 1, bias=False),
                                      nn.BatchNorm2d(channels), nn.ReLU()))
        self.convs = nn.ModuleList(branches)
        self.project = nn.Sequential(nn.Conv2d(len(branches) * channels, channels, 1, bias=False),
                                     nn.BatchNorm2d(channels), nn.ReLU(), nn.Dropout(dropout))

    def forward(self, x):
        size = x.shape[-2:]
        outs = [b(x) for b in self.convs[:-1]]
        pooled = self.convs[-1](x)
        outs.append(F.interpolate(pooled, size=size, mode="bilinear", align_corners=False))
        return self.project(torch.cat(outs, 1))


class Decoder(nn.Module):
    def __init__(self, low_channels, low_level_channels, aspp_channels, classes):
        super().__init__()
        self.reduce = conv_bn_relu(low_channels, low_level_channels, 1)
        fuse1 = conv_bn_relu(low_level_channels + aspp_channels, aspp_channels, 3)
        fuse2 = conv_bn_relu(aspp_channels, aspp_channels, 3)
        self.fuse = nn.Sequential(*fuse1, *fuse2)
        self.classifier = nn.Conv2d(aspp_channels, classes, 1)

    def forward(self, low, high):
        low = self.reduce(low)
        high = F.interpolate(high, size=low.shape[-2:], mode="bilinear", align_corners=False)
        return self.classifier(self.fuse(torch.cat([high, low], 1)))


class DeepLabV3PlusHead(nn.Module):
    def __init__(self, low_channels, high_channels, classes, output_stride=16, aspp_channels=256, rates=None,
                 low_level_channels=48, dropout=0.0):
        super().__init__()
        if rates is None:
            rates = (6, 12, 18) if output_stride == 16 else (12, 24, 36)
        self.aspp = Aspp(high_channels, aspp_channels, rates, dropout)
        self.decoder = Decoder(low_channels, low_level_channels, aspp_channels, classes)

    def forward(self, low, aux, high):
        return self.decoder(low, self.aspp(high)), None


class Ppm(nn.Module):
    def __init__(self, cin, reduction, bins):
        super().__init__()
        self.features = nn.ModuleList([nn.Sequential(nn.AdaptiveAvgPool2d(b), nn.Conv2d(cin, reduction, 1, bias=False),
                                                     nn.BatchNorm2d(reduction), nn.ReLU()) for b in bins])

    def forward(self, x):
        size = x.shape[-2:]
        return torch.cat([x] + [F.interpolate(f(x), size=size, mode="bilinear", align_corners=True) for f in self.features], 1)


def psp_classifier(cin, channels, classes, dropout):
    return nn.Sequential(nn.Conv2d(cin, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels), nn.ReLU(),
                         nn.Dropout2d(dropout), nn.Conv2d(channels, classes, 1))


class PspHead(nn.Module):
    def __init__(self, high_channels, auxiliary_channels, classes, bins=(1, 2, 3, 6), reduction=None,
                 head_channels=256, auxiliary=False, dropout=0.1):
        super().__init__()
        reduction = reduction or high_channels // 4
        self.ppm = Ppm(high_channels, reduction, bins)
        self.cls = psp_classifier(high_channels + len(bins) * reduction, head_channels, classes, dropout)
        self.aux = psp_classifier(auxiliary_channels, 256, classes, dropout) if auxiliary else None

    def forward(self, low, aux, high):
        logits = self.cls(self.ppm(high))
        return logits, (self.aux(aux) if self.training and self.aux is not None else None)


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
