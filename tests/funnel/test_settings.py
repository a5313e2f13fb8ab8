"""Settings: defaults, salesmine.toml, and command-line options on top."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.config import FunnelSettings, Settings, apply_options, load_settings
from salesmine.errors import ConfigError

FIXTURE = Path(__file__).parents[1] / "data" / "funnel" / "salesmine.toml"


def test_defaults_without_a_file(tmp_path):
    settings = load_settings(search_dir=tmp_path)
    assert settings == Settings()
    assert settings.funnel.by == ("company", "branch", "department", "manager")
    assert settings.funnel.stages == ()
    assert settings.report.lang is None


def test_file_values():
    settings = load_settings(FIXTURE)
    assert settings.input.preset == "bitrix24"
    assert settings.input.columns["stage"] == "Последний пройденный этап"
    assert settings.funnel.stages[0] == "Контакт" and len(settings.funnel.stages) == 5
    assert settings.funnel.min_deals == 3
    assert settings.source == FIXTURE


def test_options_override_the_file_and_keep_what_is_not_given():
    settings = apply_options(
        load_settings(FIXTURE),
        preset="auto",
        columns={"manager": "Менеджер"},
        stages="A, B",
        by="manager",
        closed_only=True,
        lang="en",
    )
    assert settings.input.preset == "bitrix24"  # "auto" is the flag's default, not a choice
    assert settings.input.columns == {
        "stage": "Последний пройденный этап",
        "outcome": "Стадия сделки",
        "manager": "Менеджер",
    }
    assert settings.funnel.stages == ("A", "B")
    assert settings.funnel.by == ("manager",)
    assert settings.funnel.closed_only is True
    assert settings.funnel.min_deals == 3
    assert settings.report.lang == "en"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[funnel]\nstages = 5\n", "funnel.stages"),
        ('[funnel]\nperiod = "year"\n', "funnel.period"),
        ("[funnel]\nmin_deals = 0\n", "min_deals"),
        ('[funnel]\nby = ["city"]\n', "funnel.by"),
        ("[funnel]\nstagez = []\n", "unknown key 'stagez'"),
        ('[reports]\nlang = "ru"\n', "unknown section [reports]"),
        ('prest = "bitrix24"\n', "unknown key 'prest'"),
        ('preset = "salesforce"\n', "preset"),
        ("notes = 5\n", "notes"),
        ('[report]\nlang = "de"\n', "report.lang"),
        ('[output]\ncsv_delimiter = "|"\n', "output.csv_delimiter"),
        ('columns = "stage"\n', "columns"),
        ("[funnel\n", "not valid TOML"),
    ],
)
def test_bad_files_name_the_file_and_key(tmp_path, text, message):
    path = tmp_path / "salesmine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_input_paths_are_relative_to_the_file(tmp_path):
    path = tmp_path / "project" / "salesmine.toml"
    path.parent.mkdir()
    path.write_text(
        'notes = ["a.csv", "/data/b.csv"]\npeople = "staff.xlsx"\ninterviews = "talks"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.input.notes == (path.parent / "a.csv", Path("/data/b.csv"))
    assert settings.input.people == path.parent / "staff.xlsx"
    assert settings.input.interviews == (path.parent / "talks",)
    assert settings.input.catalog is None


def test_stage_list_may_be_a_comma_string():
    assert FunnelSettings(stages="A, B ,C").stages == ("A", "B", "C")


def test_csv_delimiter_from_the_file_and_the_flag(tmp_path):
    path = tmp_path / "salesmine.toml"
    path.write_text('[output]\ncsv_delimiter = ";"\n', encoding="utf-8")
    assert Settings().output.csv_delimiter == ","
    assert load_settings(path).output.csv_delimiter == ";"
    assert apply_options(load_settings(path)).output.csv_delimiter == ";"
    assert apply_options(load_settings(path), csv_sep=",").output.csv_delimiter == ","
