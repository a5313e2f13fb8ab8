"""``salesmine report`` (HTML pages from the user's files) and ``salesmine demo`` (the sample)."""

from __future__ import annotations

from pathlib import Path

import click

from salesmine.cli.common import handle_errors, table_options
from salesmine.cli.funnel_cmd import command_settings, echo_run, funnel_options
from salesmine.report import ReportRun, demo_report, report_from_settings

LANG = click.Choice(["ru", "en"])


@click.command("report")
@click.option(
    "--notes",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="CRM export file or folder; repeat for several (default: notes in salesmine.toml).",
)
@table_options
@funnel_options
@click.option("--lang", type=LANG, help="Interface language (default: from the data).")
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="reports",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the HTML pages.",
)
@handle_errors
def report_command(
    notes: tuple[Path, ...],
    out_dir: Path,
    config: Path | None,
    people: Path | None,
    **options: object,
) -> None:
    """HTML report pages from CRM exports.

    Each page is one self-contained file (no network needed); the funnel page comes first.
    """
    settings = command_settings(config, **options)
    settings = settings.override("input", notes=notes or None, people=people)
    _echo_pages(report_from_settings(out_dir, settings))


@click.command("demo")
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="reports",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the HTML pages.",
)
@click.option("--lang", type=LANG, help="Interface language (default: from the data).")
@click.option(
    "--sample", type=click.Path(exists=True, file_okay=False, path_type=Path), hidden=True
)
@handle_errors
def demo_command(out_dir: Path, lang: str | None, sample: Path | None) -> None:
    """The report on the bundled sample data.

    A fictional Russian insurance company: its CRM export, staff list and settings.
    """
    _echo_pages(demo_report(out_dir, sample=sample, lang=lang))


def _echo_pages(run: ReportRun) -> None:
    echo_run(run.mapping, run.n_input, list(run.rejected), list(run.warnings))
    for path in run.pages.values():
        click.echo(f"wrote {path}")
    first = run.pages.get("index") or next(iter(run.pages.values()))
    click.echo(f"open {first.resolve().as_uri()}")


def register(cli: click.Group) -> None:
    """Add ``report`` and ``demo`` to the command group."""
    cli.add_command(report_command)
    cli.add_command(demo_command)
