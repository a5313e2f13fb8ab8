"""The ``salesmine`` command line: a click group whose commands live one per module.

Each command parses options, makes one library call, and echoes where the output went.
``SalesmineError`` becomes a one-line message with exit code 2 (see ``cli.common``).
"""

from __future__ import annotations

import importlib

import click

from salesmine import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="salesmine")
def cli() -> None:
    """Mine CRM notes, transcripts and interviews for refusal causes, manager gaps,
    the real sales process and funnel KPIs."""


# One module per command (or small family of commands); each exposes ``register(cli)``.
COMMAND_MODULES = (
    "inspect_cmd",
    "funnel_cmd",
    "refusals_cmd",
    "train_cmd",
    "managers_cmd",
    "process_cmd",
    "report_cmd",
)

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"salesmine.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command still being written in this checkout
        if exc.name != f"salesmine.cli.{_name}":
            raise
        continue
    _module.register(cli)
