"""The review loop end to end: export unsure rows, correct them, retrain with --add, evaluate."""

import json
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from salesmine.cli import cli
from salesmine.refusals import classify_refusals, review_rows

DATA = Path(__file__).parents[1] / "data" / "refusals"
TRAIN = ["--taxonomy", DATA / "tiny_taxonomy.yaml", "--heldout", DATA / "tiny_heldout.csv"]


def _run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_review_rows_have_context_and_an_empty_reason(tiny_model_dir):
    notes = pd.DataFrame(
        {"id": ["1", "2"], "outcome": ["lost", "won"], "text": ["Бюджет урезали", "Подписали"]}
    )
    result = classify_refusals(notes, model_dir=tiny_model_dir, review_threshold=0.99)
    rows = review_rows(result, notes)
    assert list(rows["id"]) == ["1"] and rows.loc[0, "text"] == "Бюджет урезали"
    assert rows.loc[0, "reason"] == "" and rows.loc[0, "predicted"] == result.loc[0, "reason"]


def test_corrections_improve_the_heldout_slice(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    _run("train", DATA / "tiny_train_a.csv", *TRAIN, "-o", before)
    # The slice's price notes speak of budgets, a word the 30 training notes never use.
    figures_before = json.loads(
        _run("evaluate", DATA / "tiny_heldout.csv", "--model", before, "--json")
    )
    assert figures_before["per_class"]["price"]["recall"] < 0.5

    # A reviewer filled in `reason` in the exported file for five rows and left one empty.
    _run(
        "train",
        DATA / "tiny_train_a.csv",
        *TRAIN,
        "--add",
        DATA / "tiny_corrected.csv",
        "-o",
        after,
    )
    figures_after = json.loads(
        _run("evaluate", DATA / "tiny_heldout.csv", "--model", after, "--json")
    )
    assert figures_after["per_class"]["price"]["recall"] == 1.0
    assert figures_after["macro_f1"] > figures_before["macro_f1"] + 0.2
    meta = json.loads((after / "meta.json").read_text(encoding="utf-8"))
    assert meta["added_files"][0]["rows"] == 5
