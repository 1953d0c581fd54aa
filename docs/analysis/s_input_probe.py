#!/usr/bin/env python3
"""How much COVID-19-versus-rest signal what S reads holds, on a two-split classification folder.

Reads the JSON that `./ssm predict --debug --out PRED <cls>/images` writes for every slice (the
128x5 RoI batch that fed S, the feature map averaged over space, S's own probabilities) and the
split files <cls>/train.txt and <cls>/val.txt (COVIDx-CT lines: name class ...; class 2 is
COVID-19). Fits L2-regularised logistic regressions (COVID-19 versus rest, standardised inputs,
Newton's method; the penalty chosen by 5-fold cross-validation on train only) on the training
slices and scores them on the validation slices:
  - the RoI batch (640 values), the feature mean (256), both;
  - beside them S itself (its COVID-19 probability), for comparison.
A probe that does no better than S says S is not what limits the classification: its input is.
Needs numpy only. Usage: s_input_probe.py CLS_DIR PRED_DIR
"""
import json
import sys

import numpy as np

PENALTIES = (1e-3, 1e-2, 1e-1, 1.0, 10.0)


def load(cls_dir, pred, split):
    rows, means, labels, s_covid = [], [], [], []
    for line in open(f"{cls_dir}/{split}.txt"):
        name, label = line.split()[:2]
        d = json.load(open(f"{pred}/json/{name.rsplit('.', 1)[0]}.json"))
        rows.append(np.ravel(d["debug"]["roi_batch"]))
        means.append(d["debug"]["feature_mean"])
        labels.append(int(label) == 2)
        s_covid.append(d["probabilities"]["COVID-19"])
    return (np.array(rows, float), np.array(means, float), np.array(labels, float),
            np.array(s_covid, float))


def auc(y, score):
    order = np.argsort(score, kind="stable")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    for v in np.unique(score):  # ties share their mean rank
        ranks[score == v] = ranks[score == v].mean()
    pos = y.sum()
    return (ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * (len(y) - pos))


def fit(x, y, penalty):
    """Logistic regression with an L2 penalty (not on the bias), by Newton's method."""
    z = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], penalty * len(x))
    reg[-1] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return lambda xs: np.hstack([xs, np.ones((len(xs), 1))]) @ w


def standardised(x_train, x_other):
    mu, sd = x_train.mean(0), x_train.std(0) + 1e-6
    return (x_train - mu) / sd, (x_other - mu) / sd


def chosen_penalty(x, y, folds=5, seed=0):
    fold = np.random.default_rng(seed).permutation(len(x)) % folds
    best = None
    for penalty in PENALTIES:
        scores = []
        for k in range(folds):
            tr, te = standardised(x[fold != k], x[fold == k])
            scores.append(auc(y[fold == k], fit(tr, y[fold != k], penalty)(te)))
        if best is None or np.mean(scores) > best[1]:
            best = (penalty, np.mean(scores))
    return best[0]


def main():
    cls_dir, pred = sys.argv[1], sys.argv[2]
    tr, va = load(cls_dir, pred, "train"), load(cls_dir, pred, "val")
    print(f"slices: train {len(tr[2])} ({int(tr[2].sum())} COVID-19), "
          f"val {len(va[2])} ({int(va[2].sum())} COVID-19)")
    y = va[2]
    print(f"{'S itself':34s} val AUC {auc(y, va[3]):.3f}   accuracy "
          f"{((va[3] > 0.5) == y).mean():.3f} (COVID-19 probability > 0.5)")
    inputs = {"RoI batch (640)": 0, "feature mean (256)": 1, "both (896)": None}
    for name, k in inputs.items():
        x_tr = np.hstack([tr[0], tr[1]]) if k is None else tr[k]
        x_va = np.hstack([va[0], va[1]]) if k is None else va[k]
        penalty = chosen_penalty(x_tr, tr[2])
        z_tr, z_va = standardised(x_tr, x_va)
        model = fit(z_tr, tr[2], penalty)
        s_tr, s_va = model(z_tr), model(z_va)
        print(f"{'logistic on ' + name:34s} val AUC {auc(y, s_va):.3f}   accuracy "
              f"{((s_va > 0) == y).mean():.3f}   (train AUC {auc(tr[2], s_tr):.3f}, "
              f"penalty {penalty:g})")


if __name__ == "__main__":
    main()
