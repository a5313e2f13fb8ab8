"""``salesmine evaluate``: measure salesmine on hand-labelled data of any of its three tasks.

What is measured follows from what is given:
- refusal-reason files (CSV/XLSX with ``text`` and ``reason``): the refusal model;
- a folder with ``notes.csv`` and ``catalog.csv`` (data/claims/README.md): manager-error and
  absence-claim detection, catalog matching;
- a folder with ``gold.csv`` beside the interviews (data/process/README.md): step extraction,
  merge (pairwise same-activity) and canonical order.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import click

from salesmine.cli.common import embeddings_option, handle_errors, model_option
from salesmine.errors import InputError

_FILES = click.Path(path_type=Path)


def labelled_kind(path: Path) -> str:
    """ "claims", "process" or "refusals": what a LABELLED argument holds."""
    if path.is_dir() and (path / "gold.csv").is_file():
        return "process"
    if path.is_dir() and (path / "notes.csv").is_file() and (path / "catalog.csv").is_file():
        return "claims"
    return "refusals"


@click.command("evaluate")
@click.argument("labelled", nargs=-1, required=True, type=_FILES)
@model_option
@embeddings_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def evaluate_command(
    labelled: tuple[Path, ...], model_dir: Path | None, embeddings: bool, as_json: bool
) -> None:
    """Measure salesmine on LABELLED data.

    \b
    Refusal files: per-class precision/recall/F1, macro-F1 overall and per language, confusion.
    A claims folder (notes.csv + catalog.csv): manager_error and claim P/R/F1, match accuracy.
    A process folder (gold.csv + the interviews): extraction P/R/F1, pairwise same-activity
    P/R/F1 and Kendall tau of the activity order.
    """
    kinds = {labelled_kind(p) for p in labelled}
    if len(kinds) > 1:
        raise InputError(
            "evaluate: give labelled data of one kind at a time (refusal files, claims folders "
            "or process folders)"
        )
    kind = kinds.pop()
    if kind == "refusals":
        _refusals(labelled, model_dir, as_json)
        return
    for folder in labelled:
        figures = _claims(folder, embeddings) if kind == "claims" else _process(folder, embeddings)
        shown = json.dumps(figures, ensure_ascii=False, indent=1) if as_json else _lines(figures)
        click.echo(shown)


def _refusals(labelled: tuple[Path, ...], model_dir: Path | None, as_json: bool) -> None:
    from salesmine.refusals.metrics import format_figures
    from salesmine.refusals.training import evaluate_files

    figures = evaluate_files(labelled, model_dir)
    click.echo(
        json.dumps(figures, ensure_ascii=False, indent=1) if as_json else format_figures(figures)
    )


def _claims(folder: Path, embeddings: bool) -> dict[str, object]:
    from salesmine.ingest import read_table
    from salesmine.refusals.catalog_embeddings import use_embeddings
    from salesmine.refusals.claims import evaluate_claims

    use_embeddings(embeddings)
    figures = evaluate_claims(read_table(folder / "notes.csv"), folder / "catalog.csv")
    return {"set": str(folder), **figures}


def _process(folder: Path, embeddings: bool) -> dict[str, object]:
    from salesmine.process import MergeSettings
    from salesmine.process.evaluation import evaluate_folder

    scores = evaluate_folder(folder, settings=MergeSettings(embeddings=embeddings))
    return {"set": str(folder), **scores.as_dict()}


def _lines(figures: dict[str, object]) -> str:
    """The figures as one readable block: a P/R/F1 group on one line each."""
    lines = [str(figures["set"])]
    for key, value in figures.items():
        if key == "set":
            continue
        if isinstance(value, dict) and {"precision", "recall", "f1"} <= set(value):
            parts = (f"{name} {_number(value[name])}" for name in ("precision", "recall", "f1"))
            lines.append(f"  {key}: {' '.join(parts)}")
        elif not isinstance(value, (dict, list)):
            lines.append(f"  {key}: {_number(value)}")
    return "\n".join(lines)


def _number(value: object) -> str:
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def register(cli: click.Group) -> None:
    """Add the command to the ``salesmine`` group."""
    cli.add_command(evaluate_command)
