"""``salesmine inspect``: show how input tables are read before running anything on them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from salesmine.cli.common import (
    check_paths_early,
    csv_sep_option,
    handle_errors,
    parse_columns,
    table_options,
)
from salesmine.cli.funnel_cmd import input_files
from salesmine.config import apply_options, load_settings
from salesmine.output import check_table_path, write_table

if TYPE_CHECKING:  # salesmine.ingest loads pandas: imported when the command runs
    from salesmine.ingest import FileInfo, NotesLoad

SHOWN = 10  # rejections and warnings printed; the rest go to --rejected
KIND_NAMES = {"csv": "CSV", "xlsx": "Excel workbook", "html": "HTML table (Excel export)",
              "json": "JSON", "jsonl": "JSON Lines", "parquet": "Parquet"}
ENCODING_NAMES = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "utf-16": "UTF-16"}
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe",
                   "": "none (one column)"}


@click.command("inspect")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@table_options
@click.option("--events", is_flag=True, default=None,
              help="An event log (one row per stage a deal reached): repeated ids are expected.")
@click.option("--config", type=click.Path(path_type=Path),
              help="Settings file (default: ./salesmine.toml when present).")
@click.option("--rejected", "rejected_out", type=click.Path(path_type=Path), default=None,
              help="Write the rejected rows (source, row, reason) to this CSV/XLSX/JSON file.")
@csv_sep_option
@handle_errors
def inspect_command(files: tuple[Path, ...], preset: str, columns: tuple[str, ...],
                    encoding: str | None, events: bool | None, config: Path | None,
                    rejected_out: Path | None, csv_sep: str | None) -> None:
    """Show how CRM exports FILE... are read: encoding, delimiter, which header feeds each field,
    and how many rows are used or rejected (and why).

    Reads salesmine.toml as funnel does; without FILE, the notes it names are inspected.
    """
    settings = apply_options(load_settings(config), preset=preset, columns=parse_columns(columns),
                             encoding=encoding, events=events, csv_sep=csv_sep)
    files = input_files(files, settings)
    check_paths_early(files, rejected_out)
    from salesmine.ingest import expand_paths, load_notes

    if rejected_out is not None:
        check_table_path(rejected_out, expand_paths(files))
    load = load_notes(files, preset=settings.input.preset,
                      columns=dict(settings.input.columns) or None,
                      encoding=settings.input.encoding, unique_ids=not settings.funnel.events)
    click.echo("\n".join(describe_load(load)))
    if rejected_out is not None:
        written = write_table(load.rejected_frame(), rejected_out,
                              sep=settings.output.csv_delimiter)
        click.echo(f"rejected rows written to {written}")


def describe_load(load: NotesLoad) -> list[str]:
    """The inspection printout, line by line."""
    lines: list[str] = []
    for info in load.files:
        lines += _describe_file(info)
        rejected = [r for r in load.rejected if r.source == info.source]
        lines += [f"  rejected row {r.row}: {r.reason}" for r in rejected[:SHOWN]]
        if len(rejected) > SHOWN:
            lines.append(f"  ... and {len(rejected) - SHOWN} more rejected rows (see --rejected)")
    n_rejected = len(load.rejected)
    lines.append(f"total: {load.n_input} rows in, {load.n_used} used, {n_rejected} rejected")
    if load.warnings:
        lines.append("warnings:")
        lines += [f"  {w}" for w in load.warnings[:SHOWN]]
        if len(load.warnings) > SHOWN:
            lines.append(f"  ... and {len(load.warnings) - SHOWN} more warnings")
    return lines


def _describe_file(info: FileInfo) -> list[str]:
    read_as = [KIND_NAMES.get(info.kind, info.kind)]
    if info.encoding:
        read_as.append(f"encoding {ENCODING_NAMES.get(info.encoding, info.encoding)}")
    if info.kind == "csv":
        read_as.append(f"delimiter {DELIMITER_NAMES.get(info.delimiter, repr(info.delimiter))}")
    lines = [f"{info.source}: {', '.join(read_as)}; {len(info.headers)} columns"]
    described = info.columns.describe()
    width = max(len(f) for f in described) if described else 0
    for field, header in described.items():
        lines.append(f"  {field:<{width}} <- {header}  ({info.columns.origin[field]})")
    used = {header for headers in info.columns.headers.values() for header in headers}
    unmapped = [h for h in info.headers if h not in used]
    if unmapped:
        lines.append(f"  not used: {', '.join(unmapped)}")
    n_rejected = info.n_input - info.n_used
    lines.append(f"  rows: {info.n_input} in, {info.n_used} used, {n_rejected} rejected")
    return lines


def register(cli: click.Group) -> None:
    """Add ``inspect`` to the command group."""
    cli.add_command(inspect_command)
