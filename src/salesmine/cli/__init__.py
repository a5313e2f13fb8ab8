"""The ``salesmine`` command line: a click group whose commands live one per module.

Each command parses options, makes one library call, and echoes where the output went.
``SalesmineError`` becomes a one-line message with exit code 2 (see ``cli.common``).
"""

from __future__ import annotations

import click

from salesmine import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="salesmine")
def cli() -> None:
    """Mine CRM notes, transcripts and interviews for refusal causes, manager gaps,
    the real sales process and funnel KPIs."""


# One module per command family; each exposes ``register(cli)``. Imported explicitly so a
# broken module fails loudly in the tests instead of silently dropping its commands.
from salesmine.cli import (  # noqa: E402
    evaluate_cmd,
    funnel_cmd,
    inspect_cmd,
    managers_cmd,
    process_cmd,
    refusals_cmd,
    report_cmd,
    train_cmd,
)

for _module in (
    inspect_cmd, funnel_cmd, refusals_cmd, train_cmd, evaluate_cmd, managers_cmd, process_cmd,
    report_cmd
):
    _module.register(cli)
