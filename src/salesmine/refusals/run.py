"""``salesmine refusals`` end to end: read exports, classify, write the result and companions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from salesmine.output import write_table
from salesmine.refusals.classify import DEFAULT_REVIEW_THRESHOLD, classify_refusals
from salesmine.refusals.discover import discover_reasons
from salesmine.refusals.review import review_rows


@dataclass(frozen=True)
class RefusalsRun:
    """What a run wrote and a few counts to show the user."""

    output: Path
    n_notes: int
    reasons: dict[str, int]
    n_review: int
    n_rejected: int
    review_path: Path | None = None
    discovered_path: Path | None = None
    n_clusters: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """Lines for the terminal."""
        top = ", ".join(f"{code} {n}" for code, n in self.reasons.items())
        lines = [
            f"{self.n_notes} notes classified ({self.n_rejected} rows rejected): {top}",
            f"needs review: {self.n_review}",
            f"written to {self.output}",
        ]
        if self.review_path is not None:
            lines.append(f"review rows written to {self.review_path}")
        if self.discovered_path is not None:
            lines.append(f"{self.n_clusters} candidate reasons written to {self.discovered_path}")
        return lines + [f"warning: {w}" for w in self.warnings[:10]]


def discovered_path(out: Path) -> Path:
    """Where ``--discover`` writes: next to the output, ``<stem>.discovered.csv``."""
    return out.with_name(out.stem + ".discovered.csv")


def run_refusals(
    files: Sequence[Path],
    out: Path,
    *,
    preset: str = "auto",
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    catalog: Path | None = None,
    model_dir: Path | None = None,
    taxonomy: Path | None = None,
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
    review_out: Path | None = None,
    discover: bool = False,
    n_jobs: int = 1,
) -> RefusalsRun:
    """Classify the notes of ``files`` and write the result (plus review / discovery files)."""
    from salesmine.ingest import load_catalog, load_notes

    load = load_notes(files, preset=preset, columns=columns, encoding=encoding)
    items = load_catalog(catalog) if catalog is not None else None
    result = classify_refusals(
        load.frame,
        model_dir=model_dir,
        catalog=items,
        taxonomy=taxonomy,
        review_threshold=review_threshold,
        n_jobs=n_jobs,
    )
    write_table(result, out)
    review_path = write_table(review_rows(result, load.frame), review_out) if review_out else None
    found_path, n_clusters = None, 0
    if discover:
        joined = load.frame.reset_index(drop=True).assign(
            reason=result["reason"], confidence=result["confidence"]
        )
        found = discover_reasons(joined, review_threshold=review_threshold)
        found_path, n_clusters = write_table(found, discovered_path(Path(out))), len(found)
    counts = pd.Series(result["reason"]).value_counts()
    return RefusalsRun(
        Path(out),
        len(result),
        {str(k): int(v) for k, v in counts.items()},
        int(result["needs_review"].fillna(0).sum()),
        len(load.rejected),
        review_path,
        found_path,
        n_clusters,
        list(load.warnings),
    )
