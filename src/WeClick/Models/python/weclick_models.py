"""PyTorch twins of the WeClick model catalogue (src/WeClick/Models), with the same parameter names.

A segmentor here has `backbone` (torchvision's ResNet or MobileNetV2 without its classifier, dilated as
src/WeClick/Models/Backbones does) and `head` (DeepLabV3+ or PSPNet as src/WeClick/Models/Heads does), so
`weclick` checkpoints load with `model.load_state_dict(load_safetensors(path))` and PyTorch code can use
C#-trained weights. Used by the parity tests (tests/WeClick.Core.Tests/Reference) and by
`weclick bench models` (the PyTorch side of the latency comparison).
"""
import json
import struct

import torch
import torch.nn.functional as F
import torchvision
from torch import nn
from torchvision.models.resnet import BasicBlock, ResNet

BACKBONES = ("resnet18", "resnet34", "resnet50", "resnet101", "mobilenetv2")
HEADS = ("deeplabv3plus", "pspnet")


class DilatedBasicBlock(BasicBlock):
    """torchvision's BasicBlock with both 3x3 convs dilated (same construction order, so same seeded weights)."""

    def __init__(self, inplanes, planes, stride=1, downsample=None, groups=1, base_width=64, dilation=1, norm_layer=None):
        super().__init__(inplanes, planes, stride, downsample, groups, base_width, 1, norm_layer)
        for conv in (self.conv1, self.conv2):
            conv.dilation = (dilation, dilation)
            conv.padding = (dilation, dilation)


def torchvision_network(arch, output_stride):
    """torchvision's network (classifier included), dilated for output stride 8 or 16 as the C# backbones are."""
    dilate = [False, output_stride == 8, True]
    if arch in ("resnet18", "resnet34"):
        model = ResNet(DilatedBasicBlock, [2, 2, 2, 2] if arch == "resnet18" else [3, 4, 6, 3], replace_stride_with_dilation=dilate)
    elif arch in ("resnet50", "resnet101"):
        model = getattr(torchvision.models, arch)(replace_stride_with_dilation=dilate)
    elif arch == "mobilenetv2":
        model = torchvision.models.mobilenet_v2()
        for index, block in enumerate(model.features):
            dilation = (4 if output_stride == 8 else 2) if index >= 14 else (2 if output_stride == 8 and index >= 7 else 1)
            if dilation == 1:
                continue
            for m in block.modules():
                if isinstance(m, nn.Conv2d) and m.kernel_size == (3, 3):
                    m.stride, m.dilation, m.padding = (1, 1), (dilation, dilation), (dilation, dilation)
    else:
        raise ValueError(f"unknown backbone {arch}; known: {', '.join(BACKBONES)}")
    return model


def backbone(arch, output_stride):
    """torchvision's network, dilated for output stride 8 or 16, without its classifier (a C# Backbone's twin)."""
    model = torchvision_network(arch, output_stride)
    if hasattr(model, "fc"):
        del model.fc
    if hasattr(model, "classifier"):
        del model.classifier
    return model


def features(model, x):
    """(low: stride 4, auxiliary: layer3 / features[0:14], high: last stage), as Backbone.forward in C#."""
    if isinstance(model, ResNet):
        x = model.maxpool(model.relu(model.bn1(model.conv1(x))))
        low = model.layer1(x)
        aux = model.layer3(model.layer2(low))
        return low, aux, model.layer4(aux)
    outputs = []
    for block in model.features:
        x = block(x)
        outputs.append(x)
    return outputs[3], outputs[13], outputs[-1]


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


CHANNELS = {  # (low, auxiliary, high)
    "resnet18": (64, 256, 512), "resnet34": (64, 256, 512), "resnet50": (256, 1024, 2048),
    "resnet101": (256, 1024, 2048), "mobilenetv2": (24, 96, 1280),
}


class Segmentor(nn.Module):
    """Backbone + head, logits upsampled bilinearly (align_corners=False) to the input size, as Segmentor.cs."""

    def __init__(self, name, classes=19, output_stride=None, auxiliary=False):
        super().__init__()
        head, arch = name.split("-", 1)
        if head not in HEADS or arch not in BACKBONES:
            raise ValueError(f"unknown model {name}")
        output_stride = output_stride or (16 if head == "deeplabv3plus" else 8)
        low, aux, high = CHANNELS[arch]
        self.backbone = backbone(arch, output_stride)
        self.head = (DeepLabV3PlusHead(low, high, classes, output_stride) if head == "deeplabv3plus"
                     else PspHead(high, aux, classes, auxiliary=auxiliary))

    def forward(self, x):
        logits, _ = self.head(*features(self.backbone, x))
        return F.interpolate(logits, size=x.shape[-2:], mode="bilinear", align_corners=False)


DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}


def load_safetensors(path):
    """Reads a safetensors file (as written by `Module.save` in C#) into a dict of CPU tensors."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    buffer = data[8 + n:]
    result = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        raw = bytearray(buffer[begin:end])
        dtype = DTYPES[info["dtype"]]
        tensor = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        result[name] = tensor.reshape(info["shape"]).clone()
    return result
