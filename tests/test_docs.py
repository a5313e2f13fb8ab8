"""Every command has help and is in the README; the README starts with the two set-up commands."""

from pathlib import Path

import pytest

from salesmine.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help(name):
    assert cli.commands[name].help, f"salesmine {name} is missing its help"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_is_in_readme(name):
    assert f"salesmine {name}" in README, f"README does not mention `salesmine {name}`"


def test_readme_starts_with_the_two_setup_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
