"""Scores of claim detection and catalog matching against a labelled set (data/claims/)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from salesmine.errors import InputError

LABEL_COLUMNS = (
    "id",
    "text",
    "claims_missing_product",
    "expected_catalog_match",
    "expected_manager_error",
)
SHOWN_ERRORS = 50


def score_claims(frame: pd.DataFrame, predicted: Sequence[Any]) -> dict[str, Any]:
    """Compare predicted NoteClaims (or None) with the gold columns of ``frame``, row by row."""
    missing = [c for c in LABEL_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"labelled claims set lacks columns: {', '.join(missing)} (see data/claims/README.md)"
        )
    gold_claim = [_flag(v) for v in frame["claims_missing_product"]]
    gold_error = [_flag(v) for v in frame["expected_manager_error"]]
    gold_match = [_text(v) for v in frame["expected_catalog_match"]]
    pred_claim = [p is not None for p in predicted]
    pred_error = [bool(p is not None and p.manager_error) for p in predicted]
    pred_match = [p.match.item if p is not None else "" for p in predicted]
    both = [k for k in range(len(frame)) if gold_claim[k] and pred_claim[k]]
    right = sum(gold_match[k].casefold() == pred_match[k].strip().casefold() for k in both)
    wrong = [
        _wrong_row(frame, k, predicted[k])
        for k in range(len(frame))
        if gold_error[k] != pred_error[k]
        or gold_claim[k] != pred_claim[k]
        or (k in both and gold_match[k].casefold() != pred_match[k].strip().casefold())
    ]
    return {
        "notes": len(frame),
        "manager_error": _prf(gold_error, pred_error),
        "claims_missing_product": _prf(gold_claim, pred_claim),
        "catalog_match_accuracy": round(right / len(both), 4) if both else None,
        "catalog_match_scored": len(both),
        "wrong": wrong[:SHOWN_ERRORS],
        "wrong_total": len(wrong),
    }


def _prf(gold: list[bool], pred: list[bool]) -> dict[str, Any]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "support": tp + fn,
    }


def _wrong_row(frame: pd.DataFrame, k: int, predicted: Any) -> dict[str, Any]:
    row = frame.iloc[k]
    return {
        "id": _text(row["id"]),
        "text": _text(row["text"]),
        "expected": {
            "claim": _flag(row["claims_missing_product"]),
            "mention": _text(row.get("mentioned_product", "")),
            "match": _text(row["expected_catalog_match"]),
            "manager_error": _flag(row["expected_manager_error"]),
        },
        "predicted": None
        if predicted is None
        else {
            "mention": predicted.claim.mention,
            "source": predicted.claim.source,
            "match": predicted.match.item,
            "status": predicted.match.status,
            "score": predicted.match.score,
            "manager_error": predicted.manager_error,
        },
    }


def _flag(value: Any) -> bool:
    return _text(value) in ("1", "1.0", "true", "True", "yes")


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value).strip()
