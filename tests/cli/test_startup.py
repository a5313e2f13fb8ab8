"""The CLI starts without the heavy libraries, so help and argument errors come back at once;
the early path checks give the errors, in the order, of the table readers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "pyarrow", "sklearn", "scipy", "spacy", "pymorphy3", "openpyxl")

# Runs ``salesmine ARGS`` in a fresh interpreter, then prints which heavy modules it imported.
PROBE = """
import json, sys
from salesmine.cli import cli
try:
    cli(json.loads(sys.argv[1]), prog_name="salesmine")
except SystemExit as exc:
    code = exc.code
print("PROBE", json.dumps([code, sorted(m for m in {heavy} if m in sys.modules)]))
"""


def run_probe(tmp_path, args: list[str]) -> tuple[int, list[str], str]:
    """(exit code, heavy modules imported, stderr) of ``salesmine ARGS`` run in ``tmp_path``."""
    code = PROBE.format(heavy=repr(HEAVY))
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    exit_code, loaded = json.loads(done.stdout.splitlines()[-1].removeprefix("PROBE "))
    return exit_code, loaded, done.stderr


def test_importing_the_cli_leaves_the_heavy_libraries_out(tmp_path):
    code = f"import sys, salesmine.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        *[[name, "--help"] for name in
          ("inspect", "funnel", "refusals", "managers", "process", "report", "demo", "train",
           "evaluate")],
    ],
)
def test_help_imports_no_heavy_library(tmp_path, args):
    exit_code, loaded, _ = run_probe(tmp_path, args)
    assert exit_code == 0
    assert loaded == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["funnel", "missing.csv", "-o", "k.csv"], "missing.csv: file not found"),
        (["funnel", "missing.csv", "-o", "k.txt"], "unknown output format '.txt'"),
        (["funnel", "k.csv", "-o", "k.csv"], "is an input of this run"),
        (["inspect", "missing.csv"], "missing.csv: file not found"),
        (["refusals", "missing.csv", "-o", "r.csv"], "missing.csv: file not found"),
        (["funnel", "deals.csv", "-o", "k.csv", "--csv-sep", "|"], "'|' is not one of"),
        (["funnel", "-o", "k.csv"], "no input files"),
    ],
)
def test_bad_arguments_are_reported_before_the_heavy_libraries_load(tmp_path, args, message):
    exit_code, loaded, stderr = run_probe(tmp_path, args)
    assert exit_code == 2
    assert message in stderr
    assert loaded == []


def test_a_folder_among_the_inputs_leaves_the_order_to_the_readers(run, tmp_path):
    # The readers expand folders first: the empty folder is reported, not the missing file.
    (tmp_path / "empty").mkdir()
    result = run("funnel", "missing.csv", "empty", "-o", "k.csv")
    assert result.exit_code == 2
    assert "empty: no table files in this folder" in result.stderr


def test_only_the_first_file_is_checked_early(run, tmp_path):
    # The readers open files in order: a broken first file is reported before a missing second.
    (tmp_path / "a.csv").write_bytes(b"\x00\x01\x02 not a table")
    result = run("funnel", "a.csv", "missing.csv", "-o", "k.csv")
    assert result.exit_code == 2
    assert "a.csv" in result.stderr and "missing.csv" not in result.stderr
