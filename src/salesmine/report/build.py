"""From the user's files to the report: read them (through ``ingest``), then ``render_report``."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from salesmine.config import Settings, load_settings
from salesmine.errors import InputError
from salesmine.funnel import has_stage_values, stage_deals
from salesmine.records import Rejection
from salesmine.report.context import ReportInputs, report_language
from salesmine.report.render import render_report


@dataclass(frozen=True)
class ReportRun:
    """What ``build_report`` wrote and what the user should know about the input."""

    pages: dict[str, Path]
    mapping: dict[str, dict[str, str]]  # source -> {field: header}, from ingest
    n_input: int
    rejected: tuple[Rejection, ...]  # ingest's and the funnel's; used = n_input - len(rejected)
    warnings: tuple[str, ...]


def build_report(
    notes: Sequence[Path],
    out_dir: Path,
    *,
    settings: Settings | None = None,
    people: Path | None = None,
    generated_at: str | None = None,
) -> ReportRun:
    """Read the note files (and a people file) and render the report pages into ``out_dir``."""
    settings = settings or Settings()
    inputs, mapping = read_inputs(notes, settings, people)
    if generated_at is not None:
        inputs = dataclasses.replace(inputs, generated_at=generated_at)
    pages = render_report(inputs, out_dir)
    if not pages:
        raise InputError(
            "nothing to report: the notes have no stage values — map the stage "
            "column with --column stage=HEADER"
        )
    deals = inputs.deals
    return ReportRun(
        pages,
        mapping,
        inputs.n_input,
        (*inputs.rejected, *(deals.rejected if deals else ())),
        (*inputs.warnings, *(deals.warnings if deals else ())),
    )


def read_inputs(
    notes: Sequence[Path], settings: Settings, people: Path | None = None
) -> tuple[ReportInputs, dict[str, dict[str, str]]]:
    """The report's inputs from the files (and which header fed which field, per file)."""
    from salesmine.ingest import load_notes, load_people  # ingest is the one reader of user files

    loaded = load_notes(
        list(notes),
        preset=settings.input.preset,
        columns=dict(settings.input.columns) or None,
        encoding=settings.input.encoding,
        unique_ids=not settings.funnel.events,
    )
    inputs = ReportInputs(
        settings=settings,
        lang=report_language(loaded.frame, settings.report.lang),
        generated_at=datetime.now().strftime("%Y-%m-%d %H:%M"),
        notes=loaded.frame,
        sources=tuple(loaded.mapping),
        n_input=loaded.n_input,
        rejected=tuple(loaded.rejected),
        warnings=tuple(loaded.warnings),
        people=tuple(load_people(people)) if people else (),
        deals=stage_deals(loaded.frame, settings) if has_stage_values(loaded.frame) else None,
    )
    return inputs, loaded.mapping


def report_from_settings(
    out_dir: Path, settings: Settings, *, generated_at: str | None = None
) -> ReportRun:
    """The report on the inputs the settings name (``notes``, ``people``)."""
    if not settings.input.notes:
        where = settings.source or "the settings"
        raise InputError(
            f"{where}: no CRM exports given — pass --notes FILE or set "
            "notes = [...] in salesmine.toml"
        )
    return build_report(
        settings.input.notes,
        out_dir,
        settings=settings,
        people=settings.input.people,
        generated_at=generated_at,
    )


def sample_dir() -> Path:
    """The bundled demo data set (``salesmine/sample``)."""
    return Path(str(resources.files("salesmine") / "sample"))


def demo_report(
    out_dir: Path,
    *,
    sample: Path | None = None,
    lang: str | None = None,
    generated_at: str | None = None,
) -> ReportRun:
    """The report on the bundled sample, as its ``salesmine.toml`` describes it."""
    root = Path(sample) if sample else sample_dir()
    config = root / "salesmine.toml"
    if not config.is_file():
        raise InputError(f"{root}: the sample data set has no salesmine.toml — reinstall salesmine")
    settings = load_settings(config).override("report", lang=lang)
    return report_from_settings(out_dir, settings, generated_at=generated_at)
