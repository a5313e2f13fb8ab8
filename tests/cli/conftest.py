"""Helpers for the CLI tests: run a command in-process, from a clean working directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from salesmine.cli import cli

DATA = Path(__file__).parents[1] / "data" / "cli"


@pytest.fixture(autouse=True)
def _clean_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A salesmine.toml in the real working directory must not leak into these runs.
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def run() -> Callable[..., Result]:
    """``run("funnel", file, "-o", out)``: the command's Result; exceptions are kept in it so a
    test can assert that none escaped (a traceback is a failure, not a crash of the test)."""

    def invoke(*args: object) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args])

    return invoke
