"""Running the classifier over batches of notes, in this process or in worker processes.

A batch is vectorized as one sparse matrix, so memory stays flat whatever the input size. With
``n_jobs > 1`` the batches go to worker processes that each load the model from its directory
once (skops, ~0.1 s); small inputs (one batch) always run here.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pandas as pd

from salesmine.refusals.evidence import EvidenceWeights, evidence_weights, pick_evidence
from salesmine.refusals.feature_matrix import FeatureBuilder
from salesmine.refusals.model import RefusalModel, load_model

BATCH_SIZE = 5_000


@dataclass(frozen=True)
class Batch:
    """Notes the model decides: input frame (text, lang, crm_code) and the CRM outcome of each."""

    frame: pd.DataFrame
    outcomes: np.ndarray


@dataclass(frozen=True)
class BatchResult:
    """The model's decision for each note of a batch."""

    reasons: list[str]
    confidence: np.ndarray
    evidence: list[str]


def predict_batches(
    model: RefusalModel, batches: list[Batch], *, with_evidence: bool = True, n_jobs: int = 1
) -> list[BatchResult]:
    """Each batch's reasons, confidences and evidence, in order."""
    if n_jobs <= 1 or len(batches) < 2 or model.path is None:
        weights = evidence_weights(model) if with_evidence and batches else None
        builder = FeatureBuilder(model.pipeline)
        return [predict_batch(model, b, with_evidence, weights, builder) for b in batches]
    # spawn, not fork: a forked copy of a process with BLAS/Arrow threads can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        min(n_jobs, len(batches)),
        mp_context=context,
        initializer=_load_worker_model,
        initargs=(str(model.path),),
    ) as pool:
        return list(pool.map(_worker_batch, batches, repeat(with_evidence)))


def predict_batch(
    model: RefusalModel,
    batch: Batch,
    with_evidence: bool = True,
    weights: EvidenceWeights | None = None,
    builder: FeatureBuilder | None = None,
) -> BatchResult:
    """Classify one batch: probabilities consistent with the CRM outcome, argmax, evidence.

    Args:
        builder: ``FeatureBuilder(model.pipeline)``, to reuse its word tables across batches.
    """
    # The features are built here rather than inside the pipeline so that evidence can reuse
    # the tokens; the FeatureBuilder makes the very matrix of the pipeline's first two steps.
    builder = builder if builder is not None else FeatureBuilder(model.pipeline)
    if builder.usable:
        matrix, langs, tokens = builder.transform(batch.frame)
        proba = model.pipeline[-1].predict_proba(matrix)
    else:
        views, tokens = model.pipeline.named_steps["views"].views(batch.frame)
        proba, langs = model.pipeline[1:].predict_proba(views), views["lang"].tolist()
    proba = _outcome_consistent(prior_shift(proba, model), batch.outcomes, model)
    best = proba.argmax(axis=1)
    classes = model.classes
    labels = [classes[k] for k in best.tolist()]
    evidence = [""] * len(labels)
    if with_evidence:
        evidence = pick_evidence(
            model, batch.frame["text"].tolist(), langs, labels, tokens, weights
        )  # type: ignore[arg-type]
    return BatchResult(labels, proba[np.arange(len(labels)), best], evidence)


def prior_shift(proba: np.ndarray, model: RefusalModel) -> np.ndarray:
    """Apply the model's per-class decision bias: ``log p + b``, renormalized.

    A positive bias on ``unclear`` makes the model say "the reason was not found out" a little
    more readily, which the recall floor on that class asks for; the shift was chosen by grouped
    cross-validation on the training files (``meta["class_bias"]``, see MODEL_CARD.md).
    """
    bias = model.meta.get("class_bias") or {}
    shift = np.asarray([float(bias.get(c, 0.0)) for c in model.classes])
    if not shift.any():
        return proba
    shifted = proba * np.exp(shift)
    return shifted / shifted.sum(axis=1, keepdims=True)


def _outcome_consistent(proba: np.ndarray, outcomes: np.ndarray, model: RefusalModel) -> np.ndarray:
    """On deals the CRM marks lost, ``not_refusal`` is impossible: drop it and renormalize."""
    if "not_refusal" not in model.classes:
        return proba
    lost = outcomes == "lost"
    if lost.any():
        proba = proba.copy()
        proba[lost, model.classes.index("not_refusal")] = 0.0
        proba[lost] /= proba[lost].sum(axis=1, keepdims=True)
    return proba


_WORKER: dict[str, object] = {}


def _load_worker_model(path: str) -> None:
    model = load_model(path)
    _WORKER["model"] = model
    _WORKER["weights"] = evidence_weights(model)
    _WORKER["builder"] = FeatureBuilder(model.pipeline)


def _worker_batch(batch: Batch, with_evidence: bool) -> BatchResult:
    model = _WORKER["model"]
    assert isinstance(model, RefusalModel)
    weights, builder = _WORKER["weights"], _WORKER["builder"]
    assert isinstance(weights, EvidenceWeights) and isinstance(builder, FeatureBuilder)
    return predict_batch(model, batch, with_evidence, weights, builder)
