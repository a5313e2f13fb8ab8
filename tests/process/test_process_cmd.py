"""``salesmine process`` on interview files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from salesmine.cli import cli

TEAM = Path(__file__).resolve().parent.parent / "data" / "process" / "team"


def test_process_command_writes_outputs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["process", str(TEAM), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "5 interviews -> 6 activities (6 core), 1 personal steps, 3 gaps"
    )
    assert (tmp_path / "out" / "process.bpmn").exists()


def test_process_command_core_threshold(tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = sorted(str(p) for p in TEAM.glob("*.txt"))
    result = CliRunner().invoke(
        cli, ["process", *files, "--core-threshold", "0.9", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "(5 core)" in result.output


def test_process_command_bad_file_is_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["process", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "empty.txt" in result.output and "Traceback" not in result.output
