"""``analyze(inputs, settings) -> Analysis``: the one place the stages are chained.

Notes are loaded (``ingest``), placed on funnel stages (``funnel``), classified into refusal
reasons with their manager-error flags checked against the catalog (``refusals``), summed up per
manager, clustered into candidate new reasons; interviews are loaded and merged into the canonical
process (``process``). A stage whose input is absent is skipped and its field stays ``None``.
Each stage is announced to an optional ``progress`` callback, so a command can show where a long
run is; the seconds each stage took are kept in ``Analysis.timings``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from salesmine.config import Settings
from salesmine.records import CatalogItem, Person, Rejection, Transcript

if TYPE_CHECKING:
    from salesmine.funnel import StagedDeals
    from salesmine.process import Process
    from salesmine.refusals import Taxonomy

# Candidate new reasons are clustered from at most this many notes (evenly spread over the
# pool): k-means with a silhouette search is quadratic, and a few thousand notes show the themes.
MAX_DISCOVERY_NOTES = 2_000

Progress = Callable[[int, int, str], None]  # (stage number from 1, number of stages, what runs)


@dataclass(frozen=True)
class Inputs:
    """The files an analysis reads; ``from_settings`` takes them from ``salesmine.toml``."""

    notes: tuple[Path, ...] = ()
    interviews: tuple[Path, ...] = ()
    catalog: Path | None = None
    people: Path | None = None
    model_dir: Path | None = None  # refusal model; None = the shipped one
    taxonomy: Path | None = None

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> Inputs:
        """The inputs the settings name, with ``overrides`` (None = keep) on top."""
        given = {key: value for key, value in overrides.items() if value not in (None, ())}
        base = cls(
            notes=settings.input.notes,
            interviews=settings.input.interviews,
            catalog=settings.input.catalog,
            people=settings.input.people,
        )
        return cls(**{**base.__dict__, **given})


@dataclass(frozen=True)
class Analysis:
    """Everything the reports are built from; a field is None when its input was not given."""

    settings: Settings
    notes: pd.DataFrame | None = None  # records.NOTE_COLUMNS, from ingest.load_notes
    sources: tuple[str, ...] = ()  # note file names
    mapping: dict[str, dict[str, str]] = field(default_factory=dict)  # source -> {field: header}
    n_input: int = 0
    rejected: tuple[Rejection, ...] = ()
    warnings: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    catalog: tuple[CatalogItem, ...] = ()
    deals: StagedDeals | None = None
    refusals: pd.DataFrame | None = None  # classify_refusals (+ claims), aligned with ``notes``
    taxonomy: Taxonomy | None = None  # names of the reason codes
    rollup: pd.DataFrame | None = None  # refusals.rollup.manager_rollup: per manager / unit
    candidates: pd.DataFrame | None = None  # discover_reasons clusters
    candidate_pool: int = 0  # notes eligible for discovery (the clusters may use a sample)
    transcripts: tuple[Transcript, ...] = ()
    process: Process | None = None
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds


class _Stages:
    """Announces each stage to ``progress`` and records how long it took."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.progress, self.done = total, progress, 0
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, key: str, label: str) -> Iterator[None]:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, label)
        started = time.perf_counter()
        yield
        self.timings[key] = round(time.perf_counter() - started, 3)


def analyze(
    inputs: Inputs, settings: Settings | None = None, *, progress: Progress | None = None
) -> Analysis:
    """Run every stage whose inputs are present and return what they found."""
    settings = settings or Settings()
    has_notes, has_talks = bool(inputs.notes), bool(inputs.interviews)
    stages = _Stages(4 * has_notes + 1 * has_talks + 1, progress)
    with stages.stage("reference", "reading people and catalog"):
        people, catalog = _reference(inputs)
    found: dict[str, Any] = {"people": people, "catalog": catalog}
    if has_notes:
        found.update(_note_stages(inputs, settings, catalog, stages))
    if has_talks:
        with stages.stage("process", "discovering the sales process from the interviews"):
            found.update(_process_stage(inputs, people))
    return Analysis(settings=settings, timings=stages.timings, **found)


def _reference(inputs: Inputs) -> tuple[tuple[Person, ...], tuple[CatalogItem, ...]]:
    from salesmine.ingest import load_catalog, load_people

    people = tuple(load_people(inputs.people)) if inputs.people else ()
    catalog = tuple(load_catalog(inputs.catalog)) if inputs.catalog else ()
    return people, catalog


def _note_stages(
    inputs: Inputs, settings: Settings, catalog: tuple[CatalogItem, ...], stages: _Stages
) -> dict[str, Any]:
    """Notes -> funnel deals -> refusal reasons and claims -> rollup -> candidate reasons."""
    from salesmine.funnel import has_stage_values, stage_deals
    from salesmine.ingest import load_notes
    from salesmine.refusals import load_taxonomy

    with stages.stage("notes", "reading CRM exports"):
        loaded = load_notes(
            list(inputs.notes),
            preset=settings.input.preset,
            columns=dict(settings.input.columns) or None,
            encoding=settings.input.encoding,
            unique_ids=not settings.funnel.events,
        )
        frame = loaded.frame
        deals = stage_deals(frame, settings) if has_stage_values(frame) else None
    warnings = list(loaded.warnings)
    with stages.stage("refusals", f"classifying refusal reasons of {len(frame):,} notes"):
        refusals = _classify(frame, inputs, catalog, warnings)
        taxonomy = load_taxonomy(inputs.taxonomy)
    with stages.stage("rollup", "summing up per manager"):
        rollup = _rollup(refusals, settings.funnel.min_deals)
    with stages.stage("candidates", "looking for candidate new reasons"):
        candidates, pool = _candidates(frame, refusals, inputs)
    return {
        "notes": frame,
        "sources": tuple(loaded.mapping),
        "mapping": loaded.mapping,
        "n_input": loaded.n_input,
        "rejected": tuple(loaded.rejected),
        "warnings": tuple(warnings),
        "deals": deals,
        "refusals": refusals,
        "taxonomy": taxonomy,
        "rollup": rollup,
        "candidates": candidates,
        "candidate_pool": pool,
    }


def _classify(
    frame: pd.DataFrame, inputs: Inputs, catalog: tuple[CatalogItem, ...], warnings: list[str]
) -> pd.DataFrame | None:
    """Reasons, evidence and (with a catalog) the manager-error flags; None without any text,
    or (with a warning) when no model was given and none is installed."""
    from salesmine.refusals import classify_refusals
    from salesmine.refusals.model import META_FILE, default_model_dir

    if frame.empty or "text" not in frame.columns:
        return None
    if inputs.model_dir is None and not (default_model_dir() / META_FILE).is_file():
        warnings.append(f"no refusal model is installed in {default_model_dir()}: the refusal "
                        "pages are left out (train one with `salesmine train` and pass --model)")
        return None
    return classify_refusals(
        frame,
        model_dir=inputs.model_dir,
        catalog=list(catalog) or None,
        taxonomy=inputs.taxonomy,
        n_jobs=os.cpu_count() or 1,  # workers start only for 10,000 notes and more
    )


def _rollup(refusals: pd.DataFrame | None, min_deals: int) -> pd.DataFrame | None:
    """The refusals package's per-manager / department / branch table (with Wilson intervals)."""
    if refusals is None:
        return None
    from salesmine.refusals.rollup import manager_rollup

    result: pd.DataFrame = manager_rollup(refusals, min_deals=min_deals)
    return result


def _candidates(
    frame: pd.DataFrame, refusals: pd.DataFrame | None, inputs: Inputs
) -> tuple[pd.DataFrame | None, int]:
    """Clusters of ``other`` and low-confidence refusals (from an even sample of a large pool)."""
    from salesmine.refusals import discover_reasons

    if refusals is None:
        return None, 0
    joined = frame.reset_index(drop=True).assign(
        reason=refusals["reason"].to_numpy(), confidence=refusals["confidence"].to_numpy()
    )
    low = pd.to_numeric(joined["confidence"], errors="coerce").fillna(1.0) < 0.55
    pool = joined[((joined["reason"] == "other") | low) & (joined["reason"] != "not_refusal")]
    if len(pool) > MAX_DISCOVERY_NOTES:
        step = len(pool) / MAX_DISCOVERY_NOTES
        pool_sample = pool.iloc[[int(i * step) for i in range(MAX_DISCOVERY_NOTES)]]
    else:
        pool_sample = pool
    return discover_reasons(pool_sample, model_dir=inputs.model_dir), len(pool)


def _process_stage(inputs: Inputs, people: tuple[Person, ...]) -> dict[str, Any]:
    from salesmine.ingest import load_transcripts
    from salesmine.process import discover_process

    transcripts = tuple(load_transcripts(list(inputs.interviews), people=list(people) or None))
    return {"transcripts": transcripts, "process": discover_process(transcripts)}
