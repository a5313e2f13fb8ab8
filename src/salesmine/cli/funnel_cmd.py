"""``salesmine funnel``: funnel KPIs from CRM exports by company, branch, department, manager."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from salesmine.cli.common import (
    CliError,
    check_paths_early,
    csv_sep_option,
    handle_errors,
    parse_columns,
    table_options,
)
from salesmine.config import CONFIG_NAME, LEVELS, Settings, apply_options, load_settings
from salesmine.errors import InputError
from salesmine.output import check_table_path, write_table

if TYPE_CHECKING:  # salesmine.funnel loads pandas: imported when a command runs
    from salesmine.funnel import StagedDeals

SHOWN_REJECTIONS = 10


def funnel_options(func):  # type: ignore[no-untyped-def]
    """Options shared by ``funnel`` and ``report``: stage list, levels, settings file, people."""
    for decorator in reversed(
        (
            click.option(
                "--stages",
                metavar="A,B,...",
                help="Ordered stage names, comma-separated "
                "(default: salesmine.toml [funnel] stages, else the preset's list).",
            ),
            click.option(
                "--by",
                metavar="LEVELS",
                help="Levels among company,branch,department,manager "
                "(default: all that the data has).",
            ),
            click.option(
                "--events",
                is_flag=True,
                default=None,
                help="Each row is one stage a deal reached (an event log keyed by deal id).",
            ),
            click.option(
                "--closed-only/--include-open",
                default=None,
                help="Leave open deals out (default: they count as input of their next stage).",
            ),
            # Paths are checked by the readers, which name the file in a one-line message.
            click.option(
                "--people",
                type=click.Path(path_type=Path),
                help="People file (CSV/XLSX/YAML): headcount per branch and department "
                "(default: people in salesmine.toml).",
            ),
            click.option(
                "--config",
                type=click.Path(path_type=Path),
                help="Settings file (default: ./salesmine.toml when present).",
            ),
        )
    ):
        func = decorator(func)
    return func


def command_settings(config: Path | None, **options: object) -> Settings:
    """Settings from ``--config`` (or ./salesmine.toml), with the given options on top."""
    columns = parse_columns(options.pop("columns", ()) or ())  # type: ignore[arg-type]
    return apply_options(load_settings(config), columns=columns, **options)  # type: ignore[arg-type]


@click.command("funnel")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@table_options
@funnel_options
@click.option(
    "--period", type=click.Choice(["month", "week"]), help="Add a period column (by deal date)."
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Output table: .csv (UTF-8 with BOM), .xlsx, .json or .parquet; folders are created.",
)
@csv_sep_option
@handle_errors
def funnel_command(
    files: tuple[Path, ...],
    output: Path,
    config: Path | None,
    people: Path | None,
    **options: object,
) -> None:
    """Funnel KPIs per stage from CRM exports FILE... (default: notes in salesmine.toml).

    For each pair of adjacent stages and the whole funnel, by company, branch, department and
    manager: input, results, conversion, headcount, productivity and activity.
    """
    settings = command_settings(config, **options)
    files = input_files(files, settings)
    people = people or settings.input.people
    others = [*([people] if people else []), *_config_path(config)]
    check_paths_early(files, output, others)
    from salesmine.ingest import expand_paths, load_notes, load_people

    check_table_path(output, [*expand_paths(files), *others])
    loaded = load_notes(
        list(files),
        preset=settings.input.preset,
        columns=dict(settings.input.columns) or None,
        encoding=settings.input.encoding,
        unique_ids=not settings.funnel.events,
    )
    from salesmine.funnel import available_levels, kpi_table, require_deals, stage_deals

    deals = require_deals(stage_deals(loaded.frame, settings), loaded.n_input, loaded.rejected)
    levels = available_levels(deals.frame, settings.funnel.by)
    table = kpi_table(
        deals,
        levels,
        closed_only=settings.funnel.closed_only,
        period=settings.funnel.period,
        headcount=load_people(people) if people else None,
    )
    if table.empty:
        sources = ", ".join(dict.fromkeys(deals.frame["source"].astype(str)))
        raise InputError(f"{sources}: --closed-only leaves no deals, all of them are open — "
                         "run without --closed-only")
    write_table(table, output, sep=settings.output.csv_delimiter)
    warnings = [*loaded.warnings, *deals.warnings, *_run_warnings(settings, deals, levels)]
    echo_run(loaded.mapping, loaded.n_input, [*loaded.rejected, *deals.rejected], warnings)
    click.echo(f"wrote {output} ({len(table)} rows; stages: {' -> '.join(deals.stages)})")


def input_files(files: tuple[Path, ...], settings: Settings) -> tuple[Path, ...]:
    """The FILES given, else the notes named in salesmine.toml."""
    files = files or settings.input.notes
    if not files:
        raise CliError("no input files — pass CRM exports (FILE...) or name them with "
                       "notes = [...] in salesmine.toml")
    return files


def _config_path(config: Path | None) -> list[Path]:
    return [config] if config else [p for p in [Path(CONFIG_NAME)] if p.is_file()]


def _run_warnings(settings: Settings, deals: StagedDeals, levels: tuple[str, ...]) -> list[str]:
    """Levels asked for with ``--by`` that the data lacks; deals without a date for --period."""
    from salesmine.funnel import order_levels, period_warnings

    warnings = []
    if settings.funnel.by != LEVELS:  # the default asks for every level the data happens to have
        skipped = [level for level in order_levels(settings.funnel.by) if level not in levels]
        warnings += [f"no {level} values in the data; that level is left out" for level in skipped]
    return warnings + period_warnings(deals.frame, settings.funnel.period)


def echo_run(
    mapping: dict[str, dict[str, str]], n_input: int, rejected: list, warnings: list[str]
) -> None:
    """Which header fed which field, the row counts, the first rejected rows and the warnings."""
    for source, fields in mapping.items():
        pairs = ", ".join(f"{field} <- {header!r}" for field, header in fields.items())
        click.echo(f"{source}: {pairs}")
    click.echo(f"rows: {n_input} in, {n_input - len(rejected)} used, {len(rejected)} rejected")
    for rejection in rejected[:SHOWN_REJECTIONS]:
        click.echo(f"  rejected {rejection.source}:{rejection.row}: {rejection.reason}", err=True)
    if len(rejected) > SHOWN_REJECTIONS:
        click.echo(f"  ... and {len(rejected) - SHOWN_REJECTIONS} more rejected rows", err=True)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def register(cli: click.Group) -> None:
    """Add ``funnel`` to the command group."""
    cli.add_command(funnel_command)
