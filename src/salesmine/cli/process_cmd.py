"""``salesmine process``: the real sales process from employee interviews, with each one's gaps."""

from __future__ import annotations

from pathlib import Path

import click

from salesmine.cli.common import csv_sep_option, csv_sep_setting, handle_errors
from salesmine.output import csv_separator


@click.command("process")
@click.argument("interviews", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--people",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="People file (CSV/XLSX/YAML) naming the employee behind each interview.",
)
@click.option(
    "--speaker", help="The interviewee's speaker label, when it is not the one who talks most."
)
@click.option(
    "--core-threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.5,
    show_default=True,
    help="Share of employees from which an activity is core, not optional.",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="Also compare steps by sentence embeddings (needs salesmine[embeddings]).",
)
@click.option(
    "--english-encoder",
    is_flag=True,
    help="English interviews: compare steps with an English sentence encoder "
    "(needs salesmine[english-encoder]; DeScript pairwise F1 0.61 -> 0.66).",
)
@click.option(
    "--mode",
    type=click.Choice(["auto", "interview", "description"]),
    default="auto",
    show_default=True,
    help="How English texts are read: interviews (the interviewee's own steps) or process "
    "descriptions (every role's actions are steps); auto decides per file.",
)
@click.option("--encoding", default=None, help="Text encoding of the interviews (default: detect).")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder.",
)
@csv_sep_option
@handle_errors
def process_command(
    interviews: tuple[Path, ...],
    people: Path | None,
    speaker: str | None,
    core_threshold: float,
    embeddings: bool,
    english_encoder: bool,
    mode: str,
    encoding: str | None,
    outdir: Path,
    csv_sep: str | None,
) -> None:
    """Merge interviews (files or folders) into one process: JSON, CSV, BPMN, XES, Mermaid."""
    sep = csv_sep_setting(csv_sep)  # a broken salesmine.toml fails before the work, not after
    from salesmine.ingest import load_people, load_transcripts
    from salesmine.process import MergeSettings, discover_process, write_process

    staff = load_people(people) if people else None
    transcripts = load_transcripts(
        list(interviews), people=staff, speaker=speaker, encoding=encoding
    )
    process = discover_process(
        transcripts,
        core_threshold=core_threshold,
        settings=MergeSettings(embeddings=embeddings, english_encoder=english_encoder),
        mode=mode,
    )
    with csv_separator(sep):
        written = write_process(process, outdir)
    core = sum(a.core for a in process.activities)
    click.echo(
        f"{len(process.employees)} interviews -> {len(process.activities)} activities "
        f"({core} core), {len(process.personal_steps)} personal steps, {len(process.gaps)} gaps"
    )
    for path in written.values():
        click.echo(str(path))


def register(cli: click.Group) -> None:
    """Add the command to the ``salesmine`` group."""
    cli.add_command(process_command)
