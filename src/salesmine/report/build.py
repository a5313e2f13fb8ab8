"""From the user's files to the report: ``analysis.analyze`` runs the stages, ``render_analysis``
turns its result into pages (``render.render_report``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from salesmine.analysis import Analysis, Inputs, Progress, analyze
from salesmine.config import Settings, load_settings
from salesmine.errors import InputError
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
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds, "render" last


def build_report(
    notes: Sequence[Path],
    out_dir: Path,
    *,
    settings: Settings | None = None,
    people: Path | None = None,
    interviews: Sequence[Path] = (),
    catalog: Path | None = None,
    model_dir: Path | None = None,
    redact: bool = True,
    generated_at: str | None = None,
    progress: Progress | None = None,
) -> ReportRun:
    """Read the files, run every stage their inputs allow, render the pages into ``out_dir``."""
    settings = settings or Settings()
    inputs = Inputs(
        notes=tuple(Path(p) for p in notes),
        interviews=tuple(Path(p) for p in interviews),
        catalog=catalog,
        people=people,
        model_dir=model_dir,
    )
    if not inputs.notes and not inputs.interviews:
        raise InputError(
            "nothing to report: pass CRM exports (--notes) or interviews (--interviews)"
        )
    # The pages are one more stage after the analysis's own.
    staged = None if progress is None else lambda i, n, label: progress(i, n + 1, label)
    analysis = analyze(inputs, settings, progress=staged)
    if progress is not None:
        progress(len(analysis.timings) + 1, len(analysis.timings) + 1, "writing the pages")
    started = datetime.now()
    pages = render_analysis(analysis, out_dir, redact=redact, generated_at=generated_at)
    if not pages:
        raise InputError(
            "nothing to report: the notes have no text and no stage values — map the columns "
            "with --column text=HEADER --column stage=HEADER"
        )
    timings = {**analysis.timings, "render": (datetime.now() - started).total_seconds()}
    return _run(analysis, pages, timings)


def _run(analysis: Analysis, pages: dict[str, Path], timings: dict[str, float]) -> ReportRun:
    """What to tell the user: ingest's and the funnel's rejections and warnings."""
    deals = analysis.deals
    warnings = [*analysis.warnings, *(deals.warnings if deals else ())]
    if analysis.notes is not None and deals is None:
        warnings.append("the notes have no stage values, so the funnel page is left out; map "
                        "the stage column with --column stage=HEADER")
    rejected = (*analysis.rejected, *(deals.rejected if deals else ()))
    return ReportRun(pages, analysis.mapping, analysis.n_input, rejected, tuple(warnings), timings)


def render_analysis(
    analysis: Analysis,
    out_dir: Path,
    *,
    redact: bool = True,
    generated_at: str | None = None,
) -> dict[str, Path]:
    """Every page the analysis has inputs for, written into ``out_dir``; ``{page: path}``."""
    inputs = ReportInputs(
        settings=analysis.settings,
        lang=report_language(analysis.notes, analysis.settings.report.lang)
        if analysis.notes is not None
        else analysis.settings.report.lang or _transcript_language(analysis),
        generated_at=generated_at or datetime.now().strftime("%Y-%m-%d %H:%M"),
        notes=analysis.notes,
        sources=analysis.sources,
        n_input=analysis.n_input,
        rejected=analysis.rejected,
        warnings=analysis.warnings,
        people=analysis.people,
        deals=analysis.deals,
        analysis=analysis,
        redact=redact,
    )
    return render_report(inputs, out_dir)


def _transcript_language(analysis: Analysis) -> str:
    languages = [t.language for t in analysis.transcripts]
    return max(set(languages), key=languages.count) if languages else "ru"


def report_from_settings(
    out_dir: Path,
    settings: Settings,
    *,
    model_dir: Path | None = None,
    redact: bool = True,
    generated_at: str | None = None,
    progress: Progress | None = None,
) -> ReportRun:
    """The report on the inputs the settings name (notes, interviews, catalog, people)."""
    if not settings.input.notes and not settings.input.interviews:
        where = settings.source or "the settings"
        raise InputError(
            f"{where}: no CRM exports or interviews given — pass --notes FILE / --interviews "
            "FILE or set notes = [...] in salesmine.toml"
        )
    return build_report(
        settings.input.notes,
        out_dir,
        settings=settings,
        people=settings.input.people,
        interviews=settings.input.interviews,
        catalog=settings.input.catalog,
        model_dir=model_dir,
        redact=redact,
        generated_at=generated_at,
        progress=progress,
    )


def sample_dir() -> Path:
    """The bundled demo data set (``salesmine/sample``)."""
    return Path(str(resources.files("salesmine") / "sample"))


def demo_report(
    out_dir: Path,
    *,
    sample: Path | None = None,
    lang: str | None = None,
    model_dir: Path | None = None,
    redact: bool = True,
    generated_at: str | None = None,
    progress: Progress | None = None,
) -> ReportRun:
    """The whole report set on the bundled sample, as its ``salesmine.toml`` describes it."""
    root = Path(sample) if sample else sample_dir()
    config = root / "salesmine.toml"
    if not config.is_file():
        raise InputError(f"{root}: the sample data set has no salesmine.toml — reinstall salesmine")
    settings = load_settings(config).override("report", lang=lang)
    return report_from_settings(
        out_dir, settings, model_dir=model_dir, redact=redact, generated_at=generated_at,
        progress=progress,
    )
