"""Training and evaluating the refusal classifier on labelled files.

``train_model`` fits on the labelled files (plus corrected review rows), measures the model —
on held-out files when given, else by cross-validation grouped by file (one file = one writing
batch, so a fold never sees notes written in the same sitting as its test notes) — and writes the
model directory with its card. ``evaluate_files`` recomputes the same figures for any files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sklearn
from sklearn.model_selection import GroupKFold

from salesmine import __version__
from salesmine.errors import InputError
from salesmine.ingest.labelled import read_labelled
from salesmine.ingest.tables import expand_paths
from salesmine.output import write_text
from salesmine.refusals.card import render_card
from salesmine.refusals.classify import predict_notes
from salesmine.refusals.features import as_input_frame
from salesmine.refusals.metrics import compute_figures
from salesmine.refusals.model import (
    CARD_FILE,
    DEFAULT_PARAMS,
    RefusalModel,
    build_model,
    load_model,
    save_model,
)
from salesmine.refusals.taxonomy import Taxonomy, load_taxonomy

CV_FOLDS = 5
# Decision-bias tuning (prior shift on one class, see ``tune_class_bias``): the recall
# floor for "unclear" is 0.90 on other writers' notes, so cross-validation aims higher. How much
# higher was measured on the training files: with no shift, CV grouped by file gave 0.96 while
# other writers' notes gave 0.89 (the retired held-out split) and 0.91 (leaving out all files of
# one writing series at a time), a gap of 0.05-0.07; 0.975 in CV keeps 0.90 with that gap.
BIAS_CODE = "unclear"
BIAS_GRID = tuple(round(0.1 * k, 1) for k in range(0, 21))
BIAS_RECALL = 0.975
BIAS_MAX_F1_LOSS = 0.005


@dataclass(frozen=True)
class TrainResult:
    """Where the model went and how good it is."""

    directory: Path
    figures: dict[str, Any]
    evaluated_on: str  # "held-out files" or "grouped cross-validation"
    seconds: float


def fit_model(
    frame: pd.DataFrame, taxonomy: Taxonomy, params: dict[str, Any] | None = None
) -> RefusalModel:
    """Fit a model on a labelled frame (``read_labelled`` output)."""
    if frame["reason"].nunique() < 2:
        raise InputError("the labelled data has fewer than two reasons; a classifier needs more")
    pipeline = build_model(params).fit(model_inputs(frame, taxonomy), frame["reason"].to_numpy())
    p = {**DEFAULT_PARAMS, **(params or {})}
    meta = {
        "codes": [str(c) for c in pipeline.classes_],
        "params": p,
        "class_bias": {k: float(v) for k, v in dict(p.get("class_bias") or {}).items()},
    }
    return RefusalModel(pipeline, taxonomy, meta)


def model_inputs(frame: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """The model's input frame for labelled notes (CRM dropdown mapped through the taxonomy)."""
    return as_input_frame(
        frame["text"],
        frame["lang"],
        [taxonomy.map_crm_reason(v) or "" for v in frame["crm_reason"]],
    )


def score_frame(model: RefusalModel, frame: pd.DataFrame) -> dict[str, Any]:
    """System figures (rules + model, as ``salesmine refusals`` works) on a labelled frame."""
    predicted = predict_notes(model, model.taxonomy, frame, with_evidence=False)
    langs = as_input_frame(frame["text"], frame["lang"])["lang"]
    return compute_figures(
        frame["reason"], predicted["reason"], langs, model.taxonomy.codes, predicted["confidence"]
    )


def grouped_cv_predictions(
    frame: pd.DataFrame,
    taxonomy: Taxonomy,
    params: dict[str, Any] | None = None,
    folds: int = CV_FOLDS,
) -> pd.DataFrame:
    """Out-of-fold system predictions, folds grouped by source file."""
    return grouped_cv_runs(frame, taxonomy, params, folds)[0]


def grouped_cv_runs(
    frame: pd.DataFrame,
    taxonomy: Taxonomy,
    params: dict[str, Any] | None = None,
    folds: int = CV_FOLDS,
    biases: Sequence[dict[str, float] | None] = (None,),
) -> list[pd.DataFrame]:
    """Out-of-fold predictions (folds grouped by source file), one frame per class bias.

    Each fold's model is fitted once and scored with every bias (None: the params' own), so
    tuning the decision bias costs one cross-validation.
    """
    groups = frame["source"].to_numpy()
    n_splits = min(folds, len(set(groups)))
    if n_splits < 2:
        raise InputError(
            "grouped cross-validation needs at least two labelled files; "
            "pass more files or --heldout"
        )
    outs = [
        pd.DataFrame(index=frame.index, columns=["reason", "confidence"], dtype=object)
        for _ in biases
    ]
    for train_idx, test_idx in GroupKFold(n_splits).split(frame, groups=groups):
        fitted = fit_model(frame.iloc[train_idx], taxonomy, params)
        test = frame.iloc[test_idx].reset_index(drop=True)
        for bias, out in zip(biases, outs, strict=True):
            meta = fitted.meta if bias is None else {**fitted.meta, "class_bias": bias}
            model = RefusalModel(fitted.pipeline, taxonomy, meta)
            pred = predict_notes(model, taxonomy, test, with_evidence=False)
            out.iloc[test_idx, 0] = pred["reason"].to_numpy()
            out.iloc[test_idx, 1] = pred["confidence"].to_numpy()
    return outs


def tune_class_bias(
    frame: pd.DataFrame,
    taxonomy: Taxonomy,
    params: dict[str, Any] | None = None,
    code: str = BIAS_CODE,
) -> tuple[dict[str, float], dict[str, Any], list[dict[str, float]]]:
    """The smallest prior shift on ``code`` whose grouped-CV recall reaches ``BIAS_RECALL``
    while macro-F1 drops at most ``BIAS_MAX_F1_LOSS`` below no shift (else the best recall
    within that loss). Returns the bias, the CV figures with it, and the table of tried shifts.
    """
    if code not in taxonomy.codes:
        return {}, cv_scores(frame, taxonomy, params), []
    biases = [{code: shift} for shift in BIAS_GRID]
    runs = grouped_cv_runs(frame, taxonomy, params, biases=biases)
    figures = [_figures(frame, taxonomy, run) for run in runs]
    table = [
        {
            "shift": shift,
            "recall": float(f["per_class"].get(code, {}).get("recall", 0.0)),
            "macro_f1": float(f["macro_f1"]),
        }
        for shift, f in zip(BIAS_GRID, figures, strict=True)
    ]
    floor = table[0]["macro_f1"] - BIAS_MAX_F1_LOSS
    allowed = [k for k, row in enumerate(table) if row["macro_f1"] >= floor]
    reaching = [k for k in allowed if table[k]["recall"] >= BIAS_RECALL]
    best = reaching[0] if reaching else max(allowed, key=lambda k: (table[k]["recall"], -k))
    return biases[best], figures[best], table


def _figures(frame: pd.DataFrame, taxonomy: Taxonomy, predicted: pd.DataFrame) -> dict[str, Any]:
    langs = as_input_frame(frame["text"], frame["lang"])["lang"]
    return compute_figures(
        frame["reason"],
        predicted["reason"],
        langs,
        taxonomy.codes,
        predicted["confidence"].astype(float),
    )


def train_model(
    paths: Sequence[str | Path],
    directory: str | Path,
    *,
    add: Sequence[str | Path] = (),
    taxonomy: str | Path | None = None,
    heldout: Sequence[str | Path] = (),
    cv: bool | None = None,
    params: dict[str, Any] | None = None,
) -> TrainResult:
    """Train on labelled files (+ corrected review files), measure, and write the model directory.

    Args:
        heldout: labelled files to measure on; the card's figures then come from them.
        cv: also run cross-validation grouped by file (default: only when no held-out files).
    """
    started = time.perf_counter()
    # Folders stand for the table files inside them; the card lists every file with its hash.
    paths, add, heldout = (expand_paths(list(p)) if p else [] for p in (paths, add, heldout))
    tax = load_taxonomy(taxonomy)
    train = read_labelled(paths, tax.codes)
    extra = read_labelled(add, tax.codes, allow_unlabelled=True) if add else train.iloc[:0]
    frame = pd.concat([train, extra], ignore_index=True)
    _check_disjoint(paths, heldout)
    tuning: list[dict[str, float]] = []
    cv_figures = None
    if cv if cv is not None else not heldout:
        # The cross-validation also tunes the decision bias (training files only).
        bias, cv_figures, tuning = tune_class_bias(frame, tax, params)
        params = {**(params or {}), "class_bias": bias} if tuning else params
    fit_started = time.perf_counter()
    model = fit_model(frame, tax, params)
    fit_seconds = round(time.perf_counter() - fit_started, 1)
    if heldout:
        figures, evaluated_on = (
            score_frame(model, read_labelled(heldout, tax.codes)),
            "held-out files",
        )
    else:
        figures, evaluated_on = cv_figures, "grouped cross-validation"
    seconds = round(time.perf_counter() - started, 1)
    meta = _meta(model, frame, paths, add, heldout, figures, evaluated_on, seconds)
    meta["fit_seconds"] = fit_seconds
    if heldout and cv_figures is not None:
        meta["cv_figures"] = cv_figures
    if tuning:
        meta["bias_tuning"] = tuning
        meta["bias_rule"] = {
            "code": BIAS_CODE,
            "cv_recall": BIAS_RECALL,
            "max_macro_f1_loss": BIAS_MAX_F1_LOSS,
        }
    model = RefusalModel(model.pipeline, tax, meta)
    directory = save_model(model, directory)
    write_text(Path(directory) / CARD_FILE, render_card(meta))
    return TrainResult(Path(directory), figures, evaluated_on, seconds)


def _check_disjoint(paths: Sequence[Path], heldout: Sequence[Path]) -> None:
    """A held-out file must never be trained on (an easy slip with shell globs)."""
    both = {Path(p).resolve() for p in paths} & {Path(p).resolve() for p in heldout}
    if both:
        name = sorted(both)[0].name
        raise InputError(f"{name}: given both as training and as held-out data; drop it from one")


def cv_scores(
    frame: pd.DataFrame, taxonomy: Taxonomy, params: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Figures of out-of-fold predictions, folds grouped by file."""
    return _figures(frame, taxonomy, grouped_cv_predictions(frame, taxonomy, params))


def evaluate_files(
    paths: Sequence[str | Path], model_dir: str | Path | None = None
) -> dict[str, Any]:
    """Figures of a model (default: the shipped one) on labelled files."""
    model = load_model(model_dir)
    frame = read_labelled(paths, model.taxonomy.codes)
    return score_frame(model, frame)


def _meta(
    model: RefusalModel,
    frame: pd.DataFrame,
    paths: Sequence[str | Path],
    add: Sequence[str | Path],
    heldout: Sequence[str | Path],
    figures: dict[str, Any],
    evaluated_on: str,
    seconds: float,
) -> dict[str, Any]:
    langs = as_input_frame(frame["text"], frame["lang"])["lang"]
    counts = pd.crosstab(frame["reason"], langs)
    return {
        **model.meta,
        "salesmine_version": __version__,
        "sklearn_version": sklearn.__version__,
        "created": dt.date.today().isoformat(),
        "training_files": [_file_entry(p, frame) for p in paths],
        "added_files": [_file_entry(p, frame) for p in add],
        "heldout_files": [_file_entry(p, None) for p in heldout],
        "n_training_notes": int(len(frame)),
        "counts": {
            str(code): {str(k): int(v) for k, v in row.items()} for code, row in counts.iterrows()
        },
        "industries": sorted({x for x in frame.get("industry", pd.Series(dtype=str)) if x}),
        "evaluated_on": evaluated_on,
        "figures": figures,
        "training_seconds": seconds,
    }


def _file_entry(path: str | Path, frame: pd.DataFrame | None) -> dict[str, Any]:
    path = Path(path)
    entry: dict[str, Any] = {
        "file": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    if frame is not None:
        entry["rows"] = int(np.sum(frame["source"] == path.name))
    return entry
