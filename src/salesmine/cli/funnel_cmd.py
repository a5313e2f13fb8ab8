"""``salesmine funnel``: funnel KPIs from CRM exports by company, branch, department, manager."""

from __future__ import annotations

from pathlib import Path

import click

from salesmine.cli.common import handle_errors, parse_columns, table_options
from salesmine.config import Settings, apply_options, load_settings
from salesmine.funnel import available_levels, kpi_table, order_levels, stage_deals
from salesmine.output import write_table

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
            click.option(
                "--people",
                type=click.Path(exists=True, dir_okay=False, path_type=Path),
                help="People file (CSV/XLSX/YAML): headcount per branch and department.",
            ),
            click.option(
                "--config",
                type=click.Path(exists=True, dir_okay=False, path_type=Path),
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
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@table_options
@funnel_options
@click.option(
    "--period", type=click.Choice(["month", "week"]), help="Add a period column (by deal date)."
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output table: .csv (UTF-8 with BOM), .xlsx or .json.",
)
@handle_errors
def funnel_command(
    files: tuple[Path, ...],
    output: Path,
    config: Path | None,
    people: Path | None,
    **options: object,
) -> None:
    """Funnel KPIs per stage from CRM exports.

    For each pair of adjacent stages and the whole funnel, by company, branch, department and
    manager: input, results, conversion, headcount, productivity and activity.
    """
    from salesmine.ingest import load_notes, load_people

    settings = command_settings(config, **options)
    loaded = load_notes(
        list(files),
        preset=settings.input.preset,
        columns=dict(settings.input.columns) or None,
        encoding=settings.input.encoding,
        unique_ids=not settings.funnel.events,
    )
    deals = stage_deals(loaded.frame, settings)
    levels = available_levels(deals.frame, settings.funnel.by)
    table = kpi_table(
        deals,
        levels,
        closed_only=settings.funnel.closed_only,
        period=settings.funnel.period,
        headcount=load_people(people) if people else None,
    )
    write_table(table, output)
    echo_run(
        loaded.mapping,
        loaded.n_input,
        [*loaded.rejected, *deals.rejected],
        [*loaded.warnings, *deals.warnings, *_skipped_levels(settings.funnel.by, levels)],
    )
    click.echo(f"wrote {output} ({len(table)} rows; stages: {' -> '.join(deals.stages)})")


def _skipped_levels(requested: tuple[str, ...], used: tuple[str, ...]) -> list[str]:
    skipped = [level for level in order_levels(requested) if level not in used]
    return [f"no {level} values in the data; that level is left out" for level in skipped]


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
