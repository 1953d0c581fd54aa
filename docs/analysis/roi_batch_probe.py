#!/usr/bin/env python3
"""How much of the image class the ranked RoI batch carries, for a trained model.

Reads the JSON that `./ssm predict --debug --out PRED <data>/cls/images` writes (the 128x5 RoI
batch that fed S, the class S chose, the detected lesions) and the split files of a synthetic
(or COVIDx-style) classification folder, then fits small classifiers on the training split's
batches and scores them on the validation and test splits:
  - S itself (the model's own prediction),
  - a linear softmax on counts of RoI scores above 0.3/0.5/0.75/0.9/0.99 and their sum,
  - an MLP with S's shape (640 -> 512 -> 512 -> 3, BCE, Adam, batch 1) on the fixed batches,
  - a linear softmax on the segmentation output S does not see (lesions, their area).
Needs numpy only. Usage: roi_batch_probe.py DATA_ROOT PRED_DIR [MLP_EPOCHS]
"""
import json
import sys

import numpy as np


def load(root, pred, split):
    batches, counts, lesions, labels, own = [], [], [], [], []
    for line in open(f"{root}/cls/{split}.txt"):
        name, label = line.split()[:2]
        d = json.load(open(f"{pred}/json/{name.rsplit('.', 1)[0]}.json"))
        rows = np.array(d["debug"]["roi_batch"], dtype=np.float64)
        s = rows[:, 0]
        batches.append(rows.ravel())
        counts.append([(s > t).sum() for t in (0.3, 0.5, 0.75, 0.9, 0.99)] + [s.sum()])
        les = d["lesions"]
        lesions.append([len(les), 100 * d["lesion_area_fraction"],
                        np.mean([x["score"] for x in les]) if les else 0.0])
        labels.append(int(label))
        own.append(d["class_index"])
    return (np.array(batches), np.array(counts, float), np.array(lesions, float),
            np.array(labels), np.array(own))


def macro_f1(y, p):
    f = []
    for c in range(3):
        tp = ((p == c) & (y == c)).sum()
        prec = tp / max((p == c).sum(), 1)
        rec = tp / max((y == c).sum(), 1)
        f.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return float(np.mean(f))


def linear(x_train, y_train, xs, epochs=300, lr=1e-2):
    """Full-batch softmax regression on standardised features."""
    mu, sd = x_train.mean(0), x_train.std(0) + 1e-6
    z = (x_train - mu) / sd
    w, b = np.zeros((z.shape[1], 3)), np.zeros(3)
    y = np.eye(3)[y_train]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for t in range(1, epochs + 1):
        logits = z @ w + b
        p = np.exp(logits - logits.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        g = (p - y) / len(z)
        for k, (param, grad) in enumerate(((w, z.T @ g), (b, g.sum(0)))):
            m[k] = 0.9 * m[k] + 0.1 * grad
            v[k] = 0.999 * v[k] + 0.001 * grad ** 2
            param -= lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
    return [(((x - mu) / sd) @ w + b).argmax(1) for x in xs]


def s_shaped_mlp(x_train, y_train, xs, epochs, lr=1e-4, wd=1e-3, seed=0):
    """S's architecture and loss, trained on fixed batches (no backbone drift)."""
    rng = np.random.default_rng(seed)
    dims = [x_train.shape[1], 512, 512, 3]
    params = [rng.uniform(-1, 1, (dims[i], dims[i + 1])) / np.sqrt(dims[i]) for i in range(3)]
    params += [rng.uniform(-1, 1, dims[i + 1]) / np.sqrt(dims[i]) for i in range(3)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]

    def forward(x):
        hs = [x]
        for i in range(3):
            x = x @ params[i] + params[3 + i]
            if i < 2:
                x = np.maximum(x, 0)
            hs.append(x)
        return hs

    t = 0
    for _ in range(epochs):
        for j in rng.permutation(len(x_train)):
            hs = forward(x_train[j:j + 1])
            y = np.eye(3)[y_train[j:j + 1]]
            g = (1 / (1 + np.exp(-hs[-1])) - y) / 3
            grads = [None] * 6
            for i in reversed(range(3)):
                grads[i], grads[3 + i] = hs[i].T @ g, g.sum(0)
                if i > 0:
                    g = (g @ params[i].T) * (hs[i] > 0)
            t += 1
            for k in range(6):
                gk = grads[k] + wd * params[k]
                m[k] = 0.9 * m[k] + 0.1 * gk
                v[k] = 0.999 * v[k] + 0.001 * gk * gk
                params[k] -= lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
    return [forward(x)[-1].argmax(1) for x in xs]


def main():
    root, pred = sys.argv[1], sys.argv[2]
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    tr, va, te = (load(root, pred, s) for s in ("train", "val", "test"))
    print(f"slices: train {len(tr[3])}, val {len(va[3])}, test {len(te[3])}")

    def report(name, pv, pt):
        print(f"{name:46s} val macro F1 {macro_f1(va[3], pv):.3f}   "
              f"test macro F1 {macro_f1(te[3], pt):.3f}")

    report("S (the model's own class)", va[4], te[4])
    report("linear on RoI-score counts", *linear(tr[1], tr[3], [va[1], te[1]]))
    report(f"S-shaped MLP on the fixed batches, {epochs} ep.",
           *s_shaped_mlp(tr[0], tr[3], [va[0], te[0]], epochs))
    report("linear on the detections (not seen by S)",
           *linear(tr[2], tr[3], [va[2], te[2]]))


if __name__ == "__main__":
    main()
