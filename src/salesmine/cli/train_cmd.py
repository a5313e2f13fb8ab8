"""``salesmine train``: fit a refusal model (``salesmine evaluate`` scores it: evaluate_cmd)."""

from __future__ import annotations

from pathlib import Path

import click

from salesmine.cli.common import handle_errors

_FILES = click.Path(path_type=Path)


@click.command("train")
@click.argument("labelled", nargs=-1, required=True, type=_FILES)
@click.option(
    "-o", "--output", "out_dir", required=True, type=_FILES, help="Model directory to write."
)
@click.option(
    "--add",
    "added",
    multiple=True,
    type=_FILES,
    help="A corrected review file (from `salesmine refusals --review`); repeatable.",
)
@click.option(
    "--taxonomy",
    type=_FILES,
    default=None,
    help="YAML that extends or replaces the default reason codes.",
)
@click.option(
    "--heldout",
    multiple=True,
    type=_FILES,
    help="A labelled file or folder to measure on instead of grouped cross-validation; "
    "repeat the option for several files (a shell glob after one --heldout would be trained on).",
)
@click.option(
    "--cv/--no-cv",
    default=None,
    help="Also run cross-validation grouped by file [default: only without --heldout].",
)
@handle_errors
def train_command(
    labelled: tuple[Path, ...],
    out_dir: Path,
    added: tuple[Path, ...],
    taxonomy: Path | None,
    heldout: tuple[Path, ...],
    cv: bool | None,
) -> None:
    """Train a refusal-reason model on LABELLED files (columns text, reason; see GUIDELINES.md)
    and write it with its MODEL_CARD.md to the output directory."""
    from salesmine.refusals.training import train_model

    result = train_model(labelled, out_dir, add=added, taxonomy=taxonomy, heldout=heldout, cv=cv)
    by_lang = ", ".join(f"{k} {v:.3f}" for k, v in result.figures["macro_f1_by_lang"].items())
    click.echo(
        f"model written to {result.directory} in {result.seconds} s; "
        f"macro-F1 {result.figures['macro_f1']:.3f} ({by_lang}) on {result.evaluated_on}"
    )


def register(cli: click.Group) -> None:
    """Add the commands to the ``salesmine`` group."""
    cli.add_command(train_command)
