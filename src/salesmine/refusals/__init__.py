"""Refusal reasons: taxonomy, classifier (train / evaluate / classify), evidence, review, discovery,
and the manager-error checks (absence claims matched against the catalog, per-manager rollup).

The public entry points are re-exported here: ``classify_refusals`` (one row per note with
``records.REFUSAL_COLUMNS``), ``discover_reasons``, ``train_model``, ``evaluate_files``,
``load_model``, ``load_taxonomy``; ``find_claims``, ``match_catalog``, ``annotate_claims`` and
``manager_rollup``. Each is imported on first use: the classifier pulls in scikit-learn (~1 s),
which a module such as ``refusals.rollup`` or the CLI's ``--help`` must not pay for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_API = {
    "match_catalog": "salesmine.refusals.catalog_match",
    "find_claims": "salesmine.refusals.claim_patterns",
    "annotate_claims": "salesmine.refusals.claims",
    "classify_refusals": "salesmine.refusals.classify",
    "discover_reasons": "salesmine.refusals.discover",
    "RefusalModel": "salesmine.refusals.model",
    "load_model": "salesmine.refusals.model",
    "review_rows": "salesmine.refusals.review",
    "manager_rollup": "salesmine.refusals.rollup",
    "Taxonomy": "salesmine.refusals.taxonomy",
    "default_taxonomy": "salesmine.refusals.taxonomy",
    "load_taxonomy": "salesmine.refusals.taxonomy",
    "evaluate_files": "salesmine.refusals.training",
    "train_model": "salesmine.refusals.training",
}

__all__ = [
    "RefusalModel",
    "Taxonomy",
    "annotate_claims",
    "classify_refusals",
    "default_taxonomy",
    "discover_reasons",
    "evaluate_files",
    "find_claims",
    "load_model",
    "load_taxonomy",
    "manager_rollup",
    "match_catalog",
    "review_rows",
    "train_model",
]

if TYPE_CHECKING:  # static checkers see the real names
    from salesmine.refusals.catalog_match import match_catalog
    from salesmine.refusals.claim_patterns import find_claims
    from salesmine.refusals.claims import annotate_claims
    from salesmine.refusals.classify import classify_refusals
    from salesmine.refusals.discover import discover_reasons
    from salesmine.refusals.model import RefusalModel, load_model
    from salesmine.refusals.review import review_rows
    from salesmine.refusals.rollup import manager_rollup
    from salesmine.refusals.taxonomy import Taxonomy, default_taxonomy, load_taxonomy
    from salesmine.refusals.training import evaluate_files, train_model


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module(_API[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'salesmine.refusals' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
