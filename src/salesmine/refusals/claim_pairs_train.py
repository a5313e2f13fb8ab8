"""Fit the pair model of ``claim_pairs`` on labelled claim sets (data/claims/dev*/notes.csv).

A pair (note, candidate item) is positive when the note claims something is missing and its
gold ``expected_catalog_match`` is that item. The rows carry the rules' claim and the candidate
list, so ``replay`` can re-run ``claim_combine.decide`` for any model without re-reading notes
(the bench uses it for leave-one-writer-out). scikit-learn is needed only here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesmine.refusals.claim_classifier import claim_probability
from salesmine.refusals.claim_combine import Scored, decide
from salesmine.refusals.claim_models import fit_logistic
from salesmine.refusals.claim_pairs import (
    Candidate,
    candidate_items,
    match_rank,
    pair_features,
)
from salesmine.refusals.claim_pairs import pair_probability as probability_of
from salesmine.refusals.claim_patterns import might_claim_any, read_note

C = 1.0  # inverse L2 strength; LOWO over six writers: 0.3 loses a point of recall, 3.0 precision


@dataclass(frozen=True)
class NoteRows:
    """One labelled note: the rules' NoteClaim, its candidates with features, and gold."""

    rule: Any
    candidates: list[Candidate]
    features: list[dict[str, float]]
    labels: list[int]
    gold_error: bool


def labelled_rows(frame: pd.DataFrame, index: Any) -> list[NoteRows]:
    """Rows of every note of a labelled set (the current claim classifier feeds the rules)."""
    from salesmine.refusals.claims import rule_claim_of, scan_match

    rows = []
    for text, lang, claim, gold, error in zip(
        frame["text"],
        frame["lang"],
        frame["claims_missing_product"],
        frame["expected_catalog_match"],
        frame["expected_manager_error"],
        strict=True,
    ):
        text, lang = str(text), str(lang) or None
        rule = rule_claim_of(text, index, lang)
        cands: list[Candidate] = []
        feats: list[dict[str, float]] = []
        if might_claim_any(text):
            note = read_note(text, lang)
            cands = candidate_items(note, index, scan_match)
            p = claim_probability(text, lang)
            feats = [pair_features(note, c, p, len(cands), match_rank(c, cands)) for c in cands]
        positive = [
            str(claim) == "1" and c.match.item.casefold() == str(gold).casefold().strip()
            for c in cands
        ]
        rows.append(NoteRows(rule, cands, feats, [int(x) for x in positive], str(error) == "1"))
    return rows


def fit_pairs(rows: list[NoteRows], *, c: float = C) -> dict[str, Any]:
    """The JSON-ready model: intercept and the non-zero weights by feature name."""
    feats = [f for r in rows for f in r.features]
    labels = [y for r in rows for y in r.labels]
    return {**fit_logistic(feats, labels, c=c), "pairs": len(labels)}


def replay(rows: list[NoteRows], model: dict[str, Any] | None) -> list[tuple[bool, bool]]:
    """(gold manager error, predicted manager error) per note under ``model`` (None: rules)."""
    out = []
    for row in rows:
        scored = (
            [
                Scored(c, probability_of(model, f))
                for c, f in zip(row.candidates, row.features, strict=True)
            ]
            if model is not None
            else []
        )
        decision = decide(row.rule, scored)
        if decision.chosen is not None:
            status = decision.chosen.candidate.match.status
        else:
            status = row.rule.match.status if row.rule is not None else ""
        out.append((row.gold_error, status == "active"))
    return out
