"""``salesmine managers``: manager errors and unclarified refusals per manager / department."""

from __future__ import annotations

from pathlib import Path

import click

from salesmine.cli.common import (
    CliError,
    csv_sep_option,
    csv_sep_setting,
    embeddings_option,
    handle_errors,
    model_option,
    parse_columns,
    table_options,
)
from salesmine.output import csv_separator

_FILES = click.Path(path_type=Path)
_LEVELS = ("manager", "department", "branch", "company")


@click.command("managers")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@table_options
@click.option(
    "--catalog",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Product catalog (CSV/XLSX/YAML with names, synonyms, status).",
)
@model_option
@click.option(
    "--min-deals",
    type=click.IntRange(1),
    default=10,
    show_default=True,
    help="Fewer refusals than this: the rate is shown but flagged too_small, not ranked.",
)
@click.option(
    "--by",
    "by",
    default="manager,department,branch",
    show_default=True,
    metavar="LEVELS",
    help="Comma-separated levels among manager,department,branch,company.",
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=_FILES,
    help="Rollup table: .csv (UTF-8 with BOM), .xlsx, .json or .parquet.",
)
@click.option(
    "--quotes",
    "quotes_out",
    type=_FILES,
    default=None,
    help="Also write every manager error with its quote (one row per error).",
)
@click.option(
    "--unmatched",
    "unmatched_out",
    type=_FILES,
    default=None,
    help="Also write claimed products the catalog lacks (candidates for synonyms).",
)
@embeddings_option
@csv_sep_option
@handle_errors
def managers_command(
    files: tuple[Path, ...],
    preset: str,
    columns: tuple[str, ...],
    encoding: str | None,
    catalog: Path,
    model_dir: Path | None,
    min_deals: int,
    by: str,
    out: Path,
    quotes_out: Path | None,
    unmatched_out: Path | None,
    embeddings: bool,
    csv_sep: str | None,
) -> None:
    """Which managers tell clients "we don't have X" when the catalog has X, and whose refusals
    stay unexplained: counts, rates with 95 % intervals, the team median and the quotes."""
    from salesmine.refusals.catalog_embeddings import use_embeddings
    from salesmine.refusals.managers_run import run_managers

    use_embeddings(embeddings)  # a process setting: worker processes inherit it

    levels = tuple(part.strip() for part in by.split(",") if part.strip())
    if not levels or any(level not in _LEVELS for level in levels):
        raise CliError(f"--by {by!r}: use a comma-separated list of {', '.join(_LEVELS)}")
    with csv_separator(csv_sep_setting(csv_sep)):
        run = run_managers(
            files,
            out,
            catalog=catalog,
            preset=preset,
            columns=parse_columns(columns),
            encoding=encoding,
            model_dir=model_dir,
            min_deals=min_deals,
            levels=levels,
            quotes_out=quotes_out,
            unmatched_out=unmatched_out,
        )
    for line in run.summary():
        click.echo(line)


def register(cli: click.Group) -> None:
    """Add ``managers`` to the command group."""
    cli.add_command(managers_command)
