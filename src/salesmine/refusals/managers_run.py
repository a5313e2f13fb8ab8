"""``salesmine managers`` end to end: read exports and the catalog, classify, roll up, write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from salesmine.output import write_table
from salesmine.refusals.claims import unmatched_mentions
from salesmine.refusals.rollup import LEVELS, error_quotes, manager_rollup


@dataclass(frozen=True)
class ManagersRun:
    """What a run wrote, and the counts to show."""

    output: Path
    n_notes: int
    n_rejected: int
    n_errors: int
    n_unclarified: int
    n_discontinued: int
    n_unmatched: int
    too_small: list[str]
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """Lines for the terminal."""
        lines = [
            f"{self.n_notes} notes ({self.n_rejected} rows rejected): "
            f"{self.n_errors} manager errors, {self.n_unclarified} unclarified refusals, "
            f"{self.n_discontinued} claims about discontinued items, "
            f"{self.n_unmatched} claimed products not in the catalog"
        ]
        if self.too_small:
            lines.append(
                "too few refusals to compare (shown, not ranked): "
                + ", ".join(self.too_small[:10])
                + (" ..." if len(self.too_small) > 10 else "")
            )
        lines += [f"written to {path}" for path in (self.output, *self.written)]
        return lines + [f"warning: {w}" for w in self.warnings[:10]]


def run_managers(
    files: Sequence[Path],
    out: Path,
    *,
    catalog: Path,
    preset: str = "auto",
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    model_dir: Path | None = None,
    min_deals: int = 10,
    levels: Sequence[str] = LEVELS,
    quotes_out: Path | None = None,
    unmatched_out: Path | None = None,
) -> ManagersRun:
    """Classify the notes of ``files`` against ``catalog`` and write the per-manager rollup."""
    from salesmine.ingest import load_catalog, load_notes
    from salesmine.refusals.classify import classify_refusals

    load = load_notes(files, preset=preset, columns=columns, encoding=encoding)
    classified = classify_refusals(load.frame, model_dir=model_dir, catalog=load_catalog(catalog))
    table = manager_rollup(classified, min_deals=min_deals, levels=levels)
    write_table(table, out)
    unmatched = unmatched_mentions(classified)
    written = []
    if quotes_out is not None:
        written.append(write_table(error_quotes(classified), quotes_out))
    if unmatched_out is not None:
        written.append(write_table(unmatched, unmatched_out))
    small = table[(table["level"] == "manager") & (table["too_small"] == 1)]["group"].tolist()
    return ManagersRun(
        Path(out),
        len(classified),
        len(load.rejected),
        _count(classified, "manager_error"),
        _count(classified, "reason_unclarified"),
        int((classified.get("catalog_status", pd.Series(dtype=str)) == "discontinued").sum()),
        int(unmatched["count"].sum()) if len(unmatched) else 0,
        small,
        written,
        list(load.warnings),
    )


def _count(frame: pd.DataFrame, column: str) -> int:
    return int(frame[column].fillna(0).astype(int).sum()) if column in frame.columns else 0
