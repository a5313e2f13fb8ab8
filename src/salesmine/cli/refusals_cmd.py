"""``salesmine refusals``: classify each note of CRM exports into a refusal reason with evidence."""

from __future__ import annotations

import os
from pathlib import Path

import click

from salesmine.cli.common import (
    check_paths_early,
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


@click.command("refusals")
@click.argument("files", nargs=-1, required=True, type=_FILES)
@table_options
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=_FILES,
    help="Output table: .csv (UTF-8 with BOM), .xlsx, .json or .parquet.",
)
@click.option(
    "--catalog",
    type=_FILES,
    default=None,
    help='Product catalog: check "you don\'t have X" claims against it.',
)
@model_option
@click.option("--taxonomy", type=_FILES, default=None, help="YAML extending the reason codes.")
@click.option(
    "--review-threshold",
    type=click.FloatRange(0, 1),
    default=0.55,
    show_default=True,
    help="Notes classified with lower confidence get needs_review=1.",
)
@click.option(
    "--review",
    "review_out",
    type=_FILES,
    default=None,
    help="Also write the needs-review rows, with an empty 'reason' column to fill in.",
)
@click.option(
    "--jobs",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Worker processes for large files (0 = one per CPU core).",
)
@click.option(
    "--discover",
    is_flag=True,
    help="Cluster 'other' and low-confidence notes into candidate new reasons "
    "(written next to the output as <name>.discovered.csv).",
)
@embeddings_option
@csv_sep_option
@handle_errors
def refusals_command(
    files: tuple[Path, ...],
    preset: str,
    columns: tuple[str, ...],
    encoding: str | None,
    out: Path,
    catalog: Path | None,
    model_dir: Path | None,
    taxonomy: Path | None,
    review_threshold: float,
    review_out: Path | None,
    jobs: int,
    discover: bool,
    embeddings: bool,
    csv_sep: str | None,
) -> None:
    """Classify why each deal in FILE(s) was lost: reason, confidence, the clause that shows it,
    whether the CRM dropdown agrees, and whether a person should review it."""
    sep = csv_sep_setting(csv_sep)
    check_paths_early(files)
    from salesmine.refusals.catalog_embeddings import use_embeddings
    from salesmine.refusals.run import run_refusals

    use_embeddings(embeddings)  # a process setting: worker processes inherit it

    with csv_separator(sep):
        run = run_refusals(
            files,
            out,
            preset=preset,
            columns=parse_columns(columns),
            encoding=encoding,
            catalog=catalog,
            model_dir=model_dir,
            taxonomy=taxonomy,
            review_threshold=review_threshold,
            review_out=review_out,
            discover=discover,
            n_jobs=jobs or os.cpu_count() or 1,
        )
    for line in run.summary():
        click.echo(line)


def register(cli: click.Group) -> None:
    """Add the command to the ``salesmine`` group."""
    cli.add_command(refusals_command)
