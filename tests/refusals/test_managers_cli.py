"""``salesmine managers`` through click's CliRunner, with the session's tiny model."""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from salesmine.cli import cli

DATA = Path(__file__).parent.parent / "data" / "claims"


@pytest.fixture
def model_dir(tiny_model_dir):
    """The session's tiny model (tests/refusals/conftest.py): claim flags do not depend on it."""
    return tiny_model_dir


def test_managers_command_writes_the_rollup_quotes_and_unmatched(model_dir, tmp_path):
    out, quotes, unmatched = tmp_path / "managers.csv", tmp_path / "quotes.csv", tmp_path / "u.csv"
    result = CliRunner().invoke(
        cli,
        [
            "managers",
            str(DATA / "deals.csv"),
            "--catalog",
            str(DATA / "catalog.csv"),
            "--model",
            str(model_dir),
            "--min-deals",
            "3",
            "-o",
            str(out),
            "--quotes",
            str(quotes),
            "--unmatched",
            str(unmatched),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 manager errors" in result.output
    table = pd.read_csv(out, encoding="utf-8-sig")
    managers = table[table["level"] == "manager"].set_index("group")
    assert managers.loc["Анна Петрова", "deals"] == 6
    assert managers.loc["Анна Петрова", "manager_errors"] == 2  # рассрочка, выездное обслуживание
    # the 1С comparison is an error; "страховку для собаки" is discontinued, so it is not
    assert managers.loc["Борис Иванов", "manager_errors"] == 1
    errors = pd.read_csv(quotes, encoding="utf-8-sig")
    assert errors["id"].tolist() == [1, 2, 9]
    assert errors["catalog_match"].tolist() == [
        "Оплата частями",
        "Выездное обслуживание",
        "Интеграция с 1С",
    ]
    missing = pd.read_csv(unmatched, encoding="utf-8-sig")
    assert missing["mentioned_product"].tolist() == ["страхование яхт"]


def test_managers_command_rejects_an_unknown_level(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "managers",
            str(DATA / "deals.csv"),
            "--catalog",
            str(DATA / "catalog.csv"),
            "--by",
            "region",
            "-o",
            str(tmp_path / "m.csv"),
        ],
    )
    assert result.exit_code == 2
    assert "--by" in result.output
    assert not (tmp_path / "m.csv").exists()


def test_managers_command_needs_a_catalog(tmp_path):
    result = CliRunner().invoke(
        cli, ["managers", str(DATA / "deals.csv"), "-o", str(tmp_path / "m.csv")]
    )
    assert result.exit_code == 2
    assert "--catalog" in result.output
