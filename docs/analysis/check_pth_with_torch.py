"""Manual check of the .pth reader and writer against torch (not run in CI: CI has no Python).

Usage (Debian: apt-get install python3-torch; torch 1.13):
  ./ssm convert fixtures/author-checkpoint/modelA-legacy.pth /tmp/legacy.safetensors
  ./ssm convert fixtures/author-checkpoint/modelA-zip.pth /tmp/zip.safetensors
  ./ssm convert fixtures/reference-parity/weights.safetensors /tmp/ours.pth
  /usr/bin/python3 docs/analysis/check_pth_with_torch.py \
      fixtures/author-checkpoint/modelA-legacy.pth=/tmp/legacy.safetensors \
      fixtures/author-checkpoint/modelA-zip.pth=/tmp/zip.safetensors \
      /tmp/ours.pth=fixtures/reference-parity/weights.safetensors

For each PTH=SAFETENSORS pair: torch.load(PTH) (weights_only is not used: the author's anchor
generator class is stubbed below so that torch can unpickle it), then every float32 tensor of
model_weights must be bit-equal to the same name in SAFETENSORS (read here with json + numpy,
not with the Java code), and the state dict must load with load_state_dict(strict=True) into a
module tree of the same names. Only run it on files you trust: torch.load executes pickles.
"""
import json
import struct
import sys
import types

import numpy as np
import torch

# The author's class (models/ssm/rpn.py), only so that torch.load can rebuild the object.
for name in ("models", "models.ssm", "models.ssm.rpn"):
    sys.modules.setdefault(name, types.ModuleType(name))


class AnchorGenerator(torch.nn.Module):
    pass


AnchorGenerator.__module__ = "models.ssm.rpn"
sys.modules["models.ssm.rpn"].AnchorGenerator = AnchorGenerator


def read_safetensors(path):
    data = open(path, "rb").read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        a, b = t["data_offsets"]
        out[name] = np.frombuffer(data[8 + n + a:8 + n + b], dtype="<f4").reshape(t["shape"])
    return out


def module_tree(state):
    """A module with a parameter or buffer at every name of state, for load_state_dict."""
    root = torch.nn.Module()
    for name, t in state.items():
        *path, leaf = name.split(".")
        m = root
        for p in path:
            if not hasattr(m, p):
                m.add_module(p, torch.nn.Module())
            m = getattr(m, p)
        m.register_buffer(leaf, torch.zeros_like(t))
    return root


def check(pth, safetensors):
    ckpt = torch.load(pth)
    state = ckpt["model_weights"]
    ref = read_safetensors(safetensors)
    floats = {n: t for n, t in state.items() if t.dtype == torch.float32}
    assert set(floats) == set(ref), (set(floats) ^ set(ref))
    for n, t in floats.items():
        assert t.numpy().tobytes() == ref[n].tobytes(), n
    counters = [n for n, t in state.items() if t.dtype == torch.int64]
    module = module_tree(state)
    result = module.load_state_dict(state, strict=True)
    anchors = ckpt.get("anchor_generator")
    print(f"{pth}: torch.load ok; {len(floats)} float32 tensors bit-equal to {safetensors};"
          f" {len(counters)} int64 counters; load_state_dict(strict=True): {result};"
          f" epoch {ckpt.get('epoch')!r}, lrate {ckpt.get('lrate')!r};"
          f" anchors {anchors.sizes} x {anchors.aspect_ratios}")


if __name__ == "__main__":
    for pair in sys.argv[1:]:
        check(*pair.split("="))
