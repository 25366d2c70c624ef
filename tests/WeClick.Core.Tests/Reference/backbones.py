"""Reference features of torchvision's ResNet and MobileNetV2 for the C# backbones (Models/Backbones tests).

usage: python3 backbones.py OUTPUT_FOLDER

Writes to OUTPUT_FOLDER:
* <arch>.safetensors: the full torchvision state dict (fc / classifier included) of a seeded model whose BN
  layers were given random affine parameters and running statistics (so that eval-mode BN is not the identity);
* refio tensors (manifest.json): "input" [2, 3, 64, 64] and, per case "<arch>_os<S>" (eval mode), the three
  feature maps ".low", ".aux", ".high"; the train-mode case "resnet18_os16_train" adds BN running statistics
  after the forward pass;
* meta.json: seeds, per architecture the state-dict keys without fc./classifier. and the parameter count, and
  MobileNetV2's parameter count for other width multipliers.

ResNet-18 (BasicBlock) cannot be dilated in torchvision, so weclick_models.DilatedBasicBlock extends torchvision's
BasicBlock: both 3x3 convs get the block's dilation (padding = dilation); torchvision's _make_layer gives the
first block of a dilated stage the previous dilation. MobileNetV2 is dilated DeepLab-style, as torchvision's
dilated MobileNetV3: every block of features[14:] (OS 16), and of features[7:] (OS 8, dilation 2 for
features[7:14] and 4 for features[14:]), has stride 1 and its depthwise 3x3 conv the dilation, padding = dilation.
"""
import copy
import json
import os
import sys

import torch
import torchvision

# The dilated networks live with the library (src/WeClick/Models/python), copied next to the test assembly.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Models", "python"))
from weclick_models import features, torchvision_network  # noqa: E402

import refio
import safetensors_ref

SEEDS = {"resnet18": 11, "resnet50": 12, "mobilenet_v2": 13}
CLASSIFIER = ("fc.", "classifier.")


def build(arch, output_stride):
    """The seeded torchvision network, dilated as the C# backbones are (weclick_models.torchvision_network)."""
    torch.manual_seed(SEEDS[arch])
    return torchvision_network("mobilenetv2" if arch == "mobilenet_v2" else arch, output_stride)


def randomise_batch_norm(model):
    g = torch.Generator().manual_seed(1234)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                c = m.num_features
                m.weight.copy_(torch.rand(c, generator=g) + 0.5)
                m.bias.copy_(torch.randn(c, generator=g) * 0.1)
                m.running_mean.copy_(torch.randn(c, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(c, generator=g) + 0.5)
                m.num_batches_tracked.fill_(int(torch.randint(1, 1000, (1,), generator=g)))


def main():
    folder = refio.output_folder()
    torch.manual_seed(100)
    x = torch.randn(2, 3, 64, 64)
    tensors = {"input": x}
    for arch in SEEDS:
        weights = None
        for output_stride in (16, 8):
            model = build(arch, output_stride)
            randomise_batch_norm(model)
            state = model.state_dict()
            if weights is None:
                weights = state
                safetensors_ref.save(state, os.path.join(folder, arch + ".safetensors"),
                                     {"source": f"torchvision {torchvision.__version__} {arch}, seed {SEEDS[arch]}, random BN"})
            else:
                assert all(torch.equal(weights[k], state[k]) for k in state), "weights must not depend on the output stride"
            model.eval()
            with torch.no_grad():
                for name, t in zip(("low", "aux", "high"), features(model, x)):
                    tensors[f"{arch}_os{output_stride}.{name}"] = t
            if arch == "resnet18" and output_stride == 16:
                trained = copy.deepcopy(model).train()
                with torch.no_grad():
                    for name, t in zip(("low", "aux", "high"), features(trained, x)):
                        tensors[f"resnet18_os16_train.{name}"] = t
                for key in ("bn1.running_mean", "bn1.running_var", "layer4.1.bn2.running_mean", "layer4.1.bn2.running_var",
                            "layer4.1.bn2.num_batches_tracked"):
                    tensors["resnet18_os16_train." + key] = trained.state_dict()[key]
    refio.save(folder, tensors)

    meta = {"seeds": SEEDS, "architectures": {}}
    for arch in ("resnet18", "resnet34", "resnet50", "resnet101", "mobilenet_v2"):
        model = getattr(torchvision.models, arch)()
        meta["architectures"][arch] = {
            "keys": [k for k in model.state_dict() if not k.startswith(CLASSIFIER)],
            "parameters": sum(p.numel() for k, p in model.named_parameters() if not k.startswith(CLASSIFIER)),
        }
    meta["mobilenet_v2_width_parameters"] = {
        str(w): sum(p.numel() for k, p in torchvision.models.mobilenet_v2(width_mult=w).named_parameters() if not k.startswith(CLASSIFIER))
        for w in (0.35, 0.5, 0.75, 1.4)}
    with open(os.path.join(folder, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)


if __name__ == "__main__":
    main()
