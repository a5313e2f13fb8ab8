"""``salesmine report`` (the HTML report set from the user's files) and ``salesmine demo`` (the
same on the bundled sample)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from salesmine.cli.common import handle_errors, model_option, table_options
from salesmine.cli.funnel_cmd import command_settings, echo_run, funnel_options

# The report package pulls in pandas and scikit-learn: it is imported when a command runs.
if TYPE_CHECKING:
    from salesmine.report import ReportRun

LANG = click.Choice(["ru", "en"])
_FILES = click.Path(exists=True, path_type=Path)


def report_options(func):  # type: ignore[no-untyped-def]
    """Options shared by ``report`` and ``demo``: language, redaction, model, output folder."""
    for decorator in reversed(
        (
            click.option("--lang", type=LANG, help="Interface language (default: from the data)."),
            click.option(
                "--no-redact", "no_redact", is_flag=True,
                help="Show client phone numbers, e-mails and card numbers as written "
                "(they are masked by default).",
            ),
            model_option,
            click.option("-o", "--output", "out_dir", default="reports", show_default=True,
                         type=click.Path(file_okay=False, path_type=Path),
                         help="Folder for the HTML pages."),
        )
    ):
        func = decorator(func)
    return func


@click.command("report")
@click.option("--notes", multiple=True, type=_FILES,
              help="CRM export file or folder; repeat for several (default: salesmine.toml).")
@click.option("--interviews", multiple=True, type=_FILES,
              help="Interview transcript file or folder; repeat for several.")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Product catalog: \"we don't have X\" claims are checked against it.")
@table_options
@funnel_options
@report_options
@handle_errors
def report_command(notes: tuple[Path, ...], interviews: tuple[Path, ...], catalog: Path | None,
                   out_dir: Path, config: Path | None, people: Path | None, no_redact: bool,
                   model_dir: Path | None, **options: object) -> None:
    """The report set: overview, refusals, managers, sales process and funnel pages.

    Each page is one self-contained HTML file (no network needed). Client phone numbers,
    e-mails and card numbers in the notes are masked unless --no-redact is given.
    """
    settings = command_settings(config, **options)
    settings = settings.override("input", notes=notes or None, people=people,
                                 interviews=interviews or None, catalog=catalog)
    from salesmine.report import report_from_settings

    _echo_pages(report_from_settings(out_dir, settings, model_dir=model_dir,
                                     redact=not no_redact, progress=_progress()))


@click.command("demo")
@report_options
@click.option(
    "--sample", type=click.Path(exists=True, file_okay=False, path_type=Path), hidden=True
)
@handle_errors
def demo_command(out_dir: Path, lang: str | None, no_redact: bool, model_dir: Path | None,
                 sample: Path | None) -> None:
    """The whole report set on the bundled sample data.

    A fictional Russian insurance company: its CRM export, catalog, staff list, interviews and
    settings.
    """
    from salesmine.report import demo_report

    _echo_pages(demo_report(out_dir, sample=sample, lang=lang, model_dir=model_dir,
                            redact=not no_redact, progress=_progress()))


def _progress() -> Callable[[int, int, str], None]:
    """Stage-by-stage progress on stderr, with the seconds since the start."""
    started = time.perf_counter()

    def show(step: int, total: int, label: str) -> None:
        click.echo(f"[{step}/{total}] {label} ({time.perf_counter() - started:.1f} s)", err=True)

    return show


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
