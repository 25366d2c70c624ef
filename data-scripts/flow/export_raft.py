"""Exports torchvision's RAFT to TorchScript for WeClick's learned flow estimator (TorchScriptFlowEstimator).

    python3 data-scripts/flow/export_raft.py [--model raft_small|raft_large] [--random] [--output data/flow]

Pretrained weights (C_T_V2 for RAFT-large, C_T_V2 for RAFT-small) need internet access once; --random writes a
randomly initialised net instead (what this repository's tests do, offline). The paper used FlowNet 2.0, whose
custom CUDA layers libtorch cannot load (research notes, ambiguity A9); RAFT is the TorchScript-able substitute.
Use the file with: new WeClick.Flow.TorchScriptFlowEstimator("data/flow/raft_small.pt").
"""
import argparse
import os

import torch
from torchvision.models import optical_flow


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["raft_small", "raft_large"], default="raft_small")
    parser.add_argument("--random", action="store_true", help="randomly initialised weights (no download)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", default="data/flow")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    builder = getattr(optical_flow, args.model)
    weights = None if args.random else "C_T_V2"
    model = builder(weights=weights).eval()
    scripted = torch.jit.script(model)
    os.makedirs(args.output, exist_ok=True)
    path = os.path.join(args.output, f"{args.model}{'_random' if args.random else ''}.pt")
    scripted.save(path)
    print(f"wrote {path} ({sum(p.numel() for p in model.parameters()):,} parameters, weights: {weights or 'random'})")


if __name__ == "__main__":
    main()
