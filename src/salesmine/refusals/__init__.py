"""Refusal reasons: taxonomy, classifier (train / evaluate / classify), evidence, review, discovery,
and the manager-error checks (absence claims matched against the catalog, per-manager rollup).

The public entry points are re-exported here: ``classify_refusals`` (one row per note with
``records.REFUSAL_COLUMNS``), ``discover_reasons``, ``train_model``, ``evaluate_files``,
``load_model``, ``load_taxonomy``; ``find_claims``, ``match_catalog``, ``annotate_claims`` and
``manager_rollup``.
"""

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
