"""The validation split of the issue-18 measurements in docs/log/README.md (cut before `ssm train`
cut its own; `ssm train` now does it itself with java.util.Random(training.seed), which gives a
different, equally sized split). Links, never copies, the real slices:

    python3 docs/analysis/real_ct_split.py ../shared/data/real-ct runs/real-split

seg: 40 train / 10 val slices; cls: 437 train / 109 val (59 non-COVID, 50 COVID-19), per class
20%, Python random.Random(18)."""
import os
import random
import sys

src, out = os.path.abspath(sys.argv[1]), sys.argv[2]
rng = random.Random(18)
seg = sorted(os.listdir(src + "/seg/train/images"))
rng.shuffle(seg)
val = set(seg[:10])
for f in seg:
    part = "val" if f in val else "train"
    for kind in ("images", "masks"):
        os.makedirs(f"{out}/seg/{part}/{kind}", exist_ok=True)
        os.symlink(f"{src}/seg/train/{kind}/{f}", f"{out}/seg/{part}/{kind}/{f}")
lines = [l for l in open(src + "/cls/train_COVIDx_CT.txt") if l.strip()]
train, valid = [], []
for c in ("0", "2"):
    of_class = [l for l in lines if l.split()[1] == c]
    rng.shuffle(of_class)
    n = round(len(of_class) * 0.2)
    valid += of_class[:n]
    train += of_class[n:]
os.makedirs(out + "/cls", exist_ok=True)
os.symlink(src + "/cls/images", out + "/cls/images")
open(out + "/cls/train.txt", "w").writelines(sorted(train))
open(out + "/cls/val.txt", "w").writelines(sorted(valid))
