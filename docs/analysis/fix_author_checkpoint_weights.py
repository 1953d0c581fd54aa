"""Rewrites fixtures/author-checkpoint/modelA-{zip,legacy}.pth with the parity weights.

The committed modelA-*.pth hold weights that are NOT fixtures/reference-parity/weights.safetensors
(checked with torch.load: 0 of 113 float32 tensors equal; the two files agree with each other on
only the 65 tensors a fresh initialisation makes deterministic), although the fixture README says
"same values, bit for bit". This keeps everything else of each file (epoch, lrate, Adam state,
anchor generator, num_batches_tracked, tensor order) and replaces the float32 tensors by the
parity weights. Run with Debian's torch 1.13 on trusted files only (torch.load runs pickles):

  /usr/bin/python3 docs/analysis/fix_author_checkpoint_weights.py SRC_DIR DST_DIR
"""
import json
import os
import struct
import sys
import types
from collections import OrderedDict

import numpy as np
import torch

for name in ("models", "models.ssm", "models.ssm.rpn"):
    sys.modules.setdefault(name, types.ModuleType(name))


class AnchorGenerator(torch.nn.Module):
    pass


AnchorGenerator.__module__ = "models.ssm.rpn"
sys.modules["models.ssm.rpn"].AnchorGenerator = AnchorGenerator

src, dst = sys.argv[1], sys.argv[2]
fixtures = os.path.dirname(os.path.abspath(src))
data = open(os.path.join(fixtures, "reference-parity", "weights.safetensors"), "rb").read()
(n,) = struct.unpack("<Q", data[:8])
header = json.loads(data[8:8 + n])
for fmt, legacy in (("zip", False), ("legacy", True)):
    ckpt = torch.load(os.path.join(src, f"modelA-{fmt}.pth"))
    weights = OrderedDict()
    for name, t in ckpt["model_weights"].items():
        if t.dtype == torch.float32:
            a, b = header[name]["data_offsets"]
            values = np.frombuffer(data[8 + n + a:8 + n + b], dtype="<f4").copy()
            t = torch.from_numpy(values).reshape(header[name]["shape"])
        weights[name] = t
    ckpt["model_weights"] = weights
    torch.save(ckpt, os.path.join(dst, f"modelA-{fmt}.pth"),
               _use_new_zipfile_serialization=not legacy)
    print(f"modelA-{fmt}.pth: {len(weights)} tensors")
