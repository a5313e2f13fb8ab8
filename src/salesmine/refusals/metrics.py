"""Figures of a classifier on labelled notes: per-class P/R/F1, macro-F1 by language, confusion.

The same dict feeds ``salesmine evaluate`` (text or ``--json``) and the model card, so the card's
figures can be reproduced with ``evaluate`` on the same files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

# Codes whose recall the issue sets a floor for; always shown next to macro-F1.
WATCHED_RECALL = ("unclear", "no_contact", "not_refusal")


def compute_figures(
    y_true: Sequence[str],
    y_pred: Sequence[str],
    langs: Sequence[str],
    codes: Sequence[str],
    confidence: Sequence[float] | None = None,
) -> dict[str, Any]:
    """All evaluation figures as a JSON-ready dict.

    Args:
        codes: the label order of the per-class table and the confusion matrix.
        confidence: the predicted class's probability, for the calibration error (ECE).
    """
    true = np.asarray(y_true, dtype=object)
    pred = np.asarray(y_pred, dtype=object)
    lang = np.asarray(langs, dtype=object)
    labels = [c for c in codes if c in set(true) | set(pred)]
    p, r, f, s = precision_recall_fscore_support(true, pred, labels=labels, zero_division=0)
    per_class = {
        c: {
            "precision": round(float(p[i]), 4),
            "recall": round(float(r[i]), 4),
            "f1": round(float(f[i]), 4),
            "support": int(s[i]),
        }
        for i, c in enumerate(labels)
    }
    figures: dict[str, Any] = {
        "n": int(len(true)),
        "accuracy": round(float(np.mean(true == pred)) if len(true) else 0.0, 4),
        "macro_f1": _macro_f1(true, pred),
        "macro_f1_by_lang": {
            x: _macro_f1(true[lang == x], pred[lang == x]) for x in sorted(set(lang)) if x
        },
        "n_by_lang": {x: int(np.sum(lang == x)) for x in sorted(set(lang)) if x},
        "recall_watched": {c: per_class[c]["recall"] for c in WATCHED_RECALL if c in per_class},
        "per_class": per_class,
        "labels": labels,
        "confusion": confusion_matrix(true, pred, labels=labels).tolist(),
    }
    if confidence is not None:
        figures["ece"] = expected_calibration_error(true == pred, np.asarray(confidence, float))
    return figures


def _macro_f1(true: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 over the classes present in the gold labels."""
    if len(true) == 0:
        return 0.0
    labels = sorted(set(true))
    return round(float(f1_score(true, pred, labels=labels, average="macro", zero_division=0)), 4)


def expected_calibration_error(
    correct: np.ndarray, confidence: np.ndarray, bins: int = 10
) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    if len(correct) == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return round(float(total), 4)


def format_figures(figures: dict[str, Any]) -> str:
    """Plain-text tables of the figures (for the terminal and the model card)."""
    lines = [
        f"notes: {figures['n']}   accuracy: {figures['accuracy']:.3f}   "
        f"macro-F1: {figures['macro_f1']:.3f}"
    ]
    by_lang = ", ".join(
        f"{k} {v:.3f} (n={figures['n_by_lang'][k]})" for k, v in figures["macro_f1_by_lang"].items()
    )
    lines.append(f"macro-F1 by language: {by_lang}")
    watched = ", ".join(f"{k} {v:.3f}" for k, v in figures["recall_watched"].items())
    lines.append(f"recall of {'/'.join(WATCHED_RECALL)}: {watched}")
    if "ece" in figures:
        lines.append(f"calibration error (ECE): {figures['ece']:.3f}")
    lines += ["", f"{'reason':<16}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for code, row in figures["per_class"].items():
        lines.append(
            f"{code:<16}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}"
            f"{row['support']:>9}"
        )
    lines += ["", "confusion (rows: gold, columns: predicted)", format_confusion(figures)]
    return "\n".join(lines)


def format_confusion(figures: dict[str, Any]) -> str:
    """The confusion matrix with short column heads."""
    labels = figures["labels"]
    heads = [c[:6] for c in labels]
    out = [f"{'':<16}" + "".join(f"{h:>7}" for h in heads)]
    for code, row in zip(labels, figures["confusion"], strict=True):
        out.append(f"{code:<16}" + "".join(f"{v:>7}" for v in row))
    return "\n".join(out)
