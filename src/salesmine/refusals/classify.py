"""Classify the notes of a CRM export into refusal reasons, with confidence and evidence.

Rules come before the model: a won or open deal is ``not_refusal`` (the CRM knows better than any
text model), and a lost deal whose note is empty or only says "отказ" is ``unclear``. Every other
note goes through the classifier in batches, so memory stays flat on large exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from salesmine.errors import ConfigError
from salesmine.records import REFUSAL_COLUMNS
from salesmine.refusals.batches import BATCH_SIZE, Batch, predict_batches
from salesmine.refusals.features import as_input_frame
from salesmine.refusals.model import RefusalModel, load_model
from salesmine.refusals.taxonomy import Taxonomy, load_taxonomy

DEFAULT_REVIEW_THRESHOLD = 0.55
CLOSED_NOT_REFUSAL = ("won", "open")
_FLAG_COLUMNS = (
    "needs_review",
    "crm_reason_agrees",
    "claims_missing_product",
    "manager_error",
    "reason_unclarified",
)


def classify_refusals(
    frame: pd.DataFrame,
    *,
    model_dir: str | Path | None = None,
    catalog: Any = None,
    taxonomy: Taxonomy | str | Path | None = None,
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """One row per note with ``records.REFUSAL_COLUMNS``: reason, confidence, evidence and flags.

    Args:
        frame: a notes frame (``ingest.load_notes(...).frame``); only ``text`` is required.
        model_dir: a directory written by ``salesmine train`` (default: the shipped model).
        catalog: product catalog; when given, absence claims are checked against it.
        taxonomy: a Taxonomy or a YAML path; default: the one the model was trained with.
        review_threshold: notes the model is less sure about get ``needs_review = 1``.
        n_jobs: worker processes for large inputs (batches of 5,000 notes).
    """
    model = load_model(model_dir)
    tax = resolve_taxonomy(taxonomy, model)
    notes = _note_fields(frame)
    predicted = predict_notes(model, tax, notes, n_jobs=n_jobs)
    result = pd.DataFrame({c: notes[c] for c in REFUSAL_COLUMNS if c in notes.columns})
    result["reason"] = predicted["reason"].to_numpy()
    result["confidence"] = predicted["confidence"].round(3).to_numpy()
    result["evidence"] = predicted["evidence"].to_numpy()
    result["needs_review"] = predicted["by_model"] & (predicted["confidence"] < review_threshold)
    mapped = _crm_codes(notes, tax)  # "" when the dropdown says nothing ("Другое", empty)
    result["crm_reason_agrees"] = [
        pd.NA if not m else int(m == r) for m, r in zip(mapped, result["reason"], strict=True)
    ]
    result["claims_missing_product"] = pd.NA
    result["mentioned_product"] = ""
    result["catalog_match"] = ""
    result["manager_error"] = pd.NA
    unclarified = (result["reason"] == "unclear") & notes["outcome"].isin(["lost", ""]).to_numpy()
    result["reason_unclarified"] = unclarified
    result = _typed(result[list(REFUSAL_COLUMNS)])
    if catalog is not None:
        from salesmine.refusals.claims import annotate_claims

        result = annotate_claims(result, frame, catalog, n_jobs=n_jobs)
    return result


def predict_notes(
    model: RefusalModel,
    taxonomy: Taxonomy,
    notes: pd.DataFrame,
    *,
    with_evidence: bool = True,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """reason, confidence, evidence and by_model for notes with text/outcome/crm_reason[/lang].

    Shared by ``classify_refusals`` and ``evaluate`` so that evaluated figures are those of the
    whole system, rules included.
    """
    texts = notes["text"].fillna("").astype(str).tolist()
    outcomes = notes["outcome"].fillna("").astype(str).str.strip().str.lower().to_numpy()
    reason = np.full(len(texts), "", dtype=object)
    confidence = np.ones(len(texts))
    evidence = np.asarray([""] * len(texts), dtype=object)
    closed = np.isin(outcomes, CLOSED_NOT_REFUSAL)
    reason[closed] = "not_refusal"
    empty = ~closed & _placeholders(texts, taxonomy)
    reason[empty] = "unclear"
    evidence[empty] = [t.strip() for t, e in zip(texts, empty, strict=True) if e]
    langs = notes["lang"].tolist() if "lang" in notes.columns else None
    crm = _crm_codes(notes, taxonomy)
    # Identical notes (same text, language, dropdown and outcome) get identical answers, so
    # each is classified once; CRM exports repeat short notes ("ндз", "КП отправил") a lot.
    todo, repeats, originals = _distinct(
        np.flatnonzero(~closed & ~empty), texts, langs, crm, outcomes
    )
    chunks = [todo[i : i + BATCH_SIZE] for i in range(0, len(todo), BATCH_SIZE)]
    batches = [
        Batch(
            as_input_frame(
                [texts[i] for i in rows],
                None if langs is None else [langs[i] for i in rows],
                [crm[i] for i in rows],
            ),
            outcomes[rows],
        )
        for rows in chunks
    ]
    results = predict_batches(model, batches, with_evidence=with_evidence, n_jobs=n_jobs)
    for rows, result in zip(chunks, results, strict=True):
        reason[rows] = result.reasons
        confidence[rows] = result.confidence
        evidence[rows] = result.evidence
    reason[repeats] = reason[originals]
    confidence[repeats] = confidence[originals]
    evidence[repeats] = evidence[originals]
    by_model = np.zeros(len(texts), dtype=bool)
    by_model[todo] = True
    by_model[repeats] = True
    return pd.DataFrame(
        {"reason": reason, "confidence": confidence, "evidence": evidence, "by_model": by_model}
    )


def _distinct(
    rows: np.ndarray,
    texts: list[str],
    langs: list[object] | None,
    crm: list[str],
    outcomes: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first row of each distinct note among ``rows``, the other rows, and for each of
    those the row it repeats.

    A note is its exact text (evidence quotes it verbatim), language, dropdown code and whether
    the deal is lost (the only use of the outcome past the rules).
    """
    first: dict[tuple[object, ...], int] = {}
    keep, repeat_rows, repeat_of = [], [], []
    lost = (outcomes == "lost").tolist()
    for i in rows.tolist():
        key = (texts[i], None if langs is None else langs[i], crm[i], lost[i])
        found = first.setdefault(key, i)
        if found == i:
            keep.append(i)
        else:
            repeat_rows.append(i)
            repeat_of.append(found)
    as_rows = [np.asarray(x, dtype=np.intp) for x in (keep, repeat_rows, repeat_of)]
    return as_rows[0], as_rows[1], as_rows[2]


def _placeholders(texts: list[str], taxonomy: Taxonomy) -> np.ndarray:
    """Which texts are empty or only a placeholder ("отказ", "-")."""
    longest = max((len(p) for p in taxonomy.placeholders), default=0) + 3
    # Only short texts can be placeholders; skip normalizing the long ones.
    return np.asarray([len(t) <= longest and taxonomy.is_placeholder(t) for t in texts], dtype=bool)


def _crm_codes(notes: pd.DataFrame, taxonomy: Taxonomy) -> list[str]:
    """The taxonomy code of each note's CRM dropdown value ("" when none or "Другое")."""
    if "crm_reason" not in notes.columns:
        return [""] * len(notes)
    values = notes["crm_reason"].fillna("").astype(str).tolist()
    table = {v: taxonomy.map_crm_reason(v) or "" for v in set(values)}
    return [table[v] for v in values]


def resolve_taxonomy(taxonomy: Taxonomy | str | Path | None, model: RefusalModel) -> Taxonomy:
    """The taxonomy to use with ``model``; it must contain every code the model predicts."""
    if taxonomy is None:
        return model.taxonomy
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    unknown = [c for c in model.classes if c not in tax.codes]
    if unknown:
        raise ConfigError(
            f"the model predicts codes missing from the taxonomy: {', '.join(unknown)}; "
            "add them or retrain with `salesmine train --taxonomy`"
        )
    return tax


def _note_fields(frame: pd.DataFrame) -> pd.DataFrame:
    """The input columns we use, with missing ones filled empty (a bare text column is enough)."""
    if "text" not in frame.columns:
        raise ConfigError("the notes have no 'text' column; map it with --column text=HEADER")
    notes = frame.copy()
    for column in (
        "source",
        "row",
        "id",
        "date",
        "manager",
        "department",
        "branch",
        "stage",
        "outcome",
        "crm_reason",
    ):
        if column not in notes.columns:
            notes[column] = ""
    notes["outcome"] = notes["outcome"].fillna("").astype(str).str.strip().str.lower()
    notes["crm_reason"] = notes["crm_reason"].fillna("").astype(str)
    return notes.reset_index(drop=True)


def _typed(result: pd.DataFrame) -> pd.DataFrame:
    """Flags as nullable integers: 1/0, or empty where there is no opinion."""
    result = result.copy()
    for column in _FLAG_COLUMNS:
        result[column] = pd.array(
            [pd.NA if v is pd.NA or v is None else int(v) for v in result[column]], dtype="Int64"
        )
    return result
