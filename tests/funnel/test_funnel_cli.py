"""``salesmine funnel`` on raw export files: hand-computed KPIs at every level, formats, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from salesmine.cli import cli

DATA = Path(__file__).parents[1] / "data" / "funnel"
BITRIX = DATA / "bitrix_deals.csv"
STAGES = "Контакт,Встреча назначена,Встреча проведена,КП отправлено,Договор"
BITRIX_COLUMNS = [
    "--column",
    "stage=Последний пройденный этап",
    "--column",
    "outcome=Стадия сделки",
]

# Deals at or past each stage, counted by hand from bitrix_deals.csv (row 15 has an unknown
# stage and is rejected; row 13 has no last stage and counts at "Контакт" only), and headcount.
BITRIX_REACHED = {
    ("company", "all"): ((14, 10, 8, 6, 4), 4),
    ("branch", "Казань"): ((4, 3, 3, 2, 1), 1),
    ("branch", "Москва"): ((10, 7, 5, 4, 3), 3),
    ("department", "Казань / Розничный отдел"): ((4, 3, 3, 2, 1), 1),
    ("department", "Москва / Корпоративный отдел"): ((7, 6, 5, 4, 3), 2),
    ("department", "Москва / Розничный отдел"): ((3, 1, 0, 0, 0), 1),
    ("manager", "Казань / Розничный отдел / Кузнецова Е."): ((4, 3, 3, 2, 1), 1),
    ("manager", "Москва / Корпоративный отдел / Иванов И."): ((4, 3, 3, 2, 1), 1),
    ("manager", "Москва / Корпоративный отдел / Петрова А."): ((3, 3, 2, 2, 2), 1),
    ("manager", "Москва / Розничный отдел / Сидоров П."): ((3, 1, 0, 0, 0), 1),
}
# The same for hubspot_deals.csv with HubSpot's default stages (Closed Lost: first stage only).
HUBSPOT_REACHED = {
    ("company", "all"): ((7, 5, 5, 4, 3, 2), 2),
    ("branch", "North"): ((3, 2, 2, 2, 2, 1), 1),
    ("branch", "South"): ((4, 3, 3, 2, 1, 1), 1),
    ("department", "North / Enterprise"): ((3, 2, 2, 2, 2, 1), 1),
    ("department", "South / SMB"): ((4, 3, 3, 2, 1, 1), 1),
    ("manager", "North / Enterprise / Anna Smith"): ((3, 2, 2, 2, 2, 1), 1),
    ("manager", "South / SMB / Bob Jones"): ((4, 3, 3, 2, 1, 1), 1),
}


def expected_rows(reached: dict, stages: list[str]) -> list[tuple]:
    """KPI rows (level, group, from, to, input, successful, headcount) from reached counts."""
    pairs = [(k, k + 1) for k in range(len(stages) - 1)] + [(0, len(stages) - 1)]
    return [
        (level, group, stages[a], stages[b], counts[a], counts[b], heads)
        for (level, group), (counts, heads) in reached.items()
        for a, b in pairs
    ]


def table_rows(table: pd.DataFrame) -> list[tuple]:
    columns = ["level", "group", "stage_from", "stage_to", "input", "successful", "headcount"]
    return [tuple(r) for r in table[columns].itertuples(index=False)]


def run(*args: str) -> object:
    return CliRunner().invoke(cli, ["funnel", *args], catch_exceptions=False)


@pytest.fixture(autouse=True)
def _no_settings_file_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a salesmine.toml in the real working directory must not leak in


def test_bitrix_export_with_custom_stage_column_equals_hand_computed(tmp_path):
    out = tmp_path / "kpis.csv"
    result = run(str(BITRIX), *BITRIX_COLUMNS, "--stages", STAGES, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert table_rows(table) == expected_rows(BITRIX_REACHED, STAGES.split(","))
    conversion = table.set_index(["group", "stage_from", "stage_to"])["conversion"]
    assert conversion[("all", "Контакт", "Договор")] == pytest.approx(4 / 14)
    assert pd.isna(conversion[("Москва / Розничный отдел", "Встреча проведена", "КП отправлено")])
    assert "stage <- 'Последний пройденный этап'" in result.stdout
    assert "rows: 15 in, 14 used, 1 rejected" in result.stdout
    assert "bitrix_deals.csv:15" in result.stderr and "Переговоры" in result.stderr
    assert "bitrix_deals.csv:13" in result.stderr  # the deal whose last stage is unknown


def test_settings_file_gives_the_same_table(tmp_path):
    by_flags, by_config = tmp_path / "flags.csv", tmp_path / "config.csv"
    run(str(BITRIX), *BITRIX_COLUMNS, "--stages", STAGES, "-o", str(by_flags))
    result = run(str(BITRIX), "--config", str(DATA / "salesmine.toml"), "-o", str(by_config))
    assert result.exit_code == 0, result.output
    pd.testing.assert_frame_equal(pd.read_csv(by_flags), pd.read_csv(by_config))


def test_settings_file_in_working_directory_is_read(tmp_path):
    (tmp_path / "salesmine.toml").write_text(
        (DATA / "salesmine.toml").read_text(encoding="utf-8"), "utf-8"
    )
    result = run(str(BITRIX), "--by", "company", "-o", "k.json")
    assert result.exit_code == 0, result.output
    records = json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    assert [(r["input"], r["successful"]) for r in records][-1] == (14, 4)


def test_csv_delimiter_from_the_settings_file_and_the_flag(tmp_path):
    (tmp_path / "salesmine.toml").write_text('[output]\ncsv_delimiter = ";"\n', "utf-8")
    common = [str(BITRIX), *BITRIX_COLUMNS, "--stages", STAGES]
    assert run(*common, "-o", "semi.csv").exit_code == 0
    assert run(*common, "-o", "comma.csv", "--csv-sep", ",").exit_code == 0
    semi = pd.read_csv("semi.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(semi.columns) == list(pd.read_csv("comma.csv", encoding="utf-8-sig").columns)
    pd.testing.assert_frame_equal(semi, pd.read_csv("comma.csv", encoding="utf-8-sig"))


def test_hubspot_utf8_bom_export_equals_hand_computed(tmp_path):
    out = tmp_path / "kpis.json"
    result = run(str(DATA / "hubspot_deals.csv"), "--preset", "hubspot", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    stages = [
        "Appointment Scheduled",
        "Qualified To Buy",
        "Presentation Scheduled",
        "Decision Maker Bought-In",
        "Contract Sent",
        "Closed Won",
    ]
    assert table_rows(table) == expected_rows(HUBSPOT_REACHED, stages)
    assert "hubspot_deals.csv:3" in result.stderr  # Closed Lost: where it stopped is unknown


def test_closed_only_people_and_xlsx(tmp_path):
    out = tmp_path / "kpis.xlsx"
    result = run(
        str(BITRIX),
        *BITRIX_COLUMNS,
        "--stages",
        STAGES,
        "--closed-only",
        "--by",
        "company,department",
        "--people",
        str(DATA / "people.csv"),
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    table = pd.read_excel(out)
    company = table[table["level"] == "company"]
    # Open deals 107 (at "Встреча назначена") and 112 (at "КП отправлено") are left out.
    assert list(company["input"]) == [12, 8, 7, 5, 12]
    assert list(company["successful"]) == [8, 7, 5, 4, 4]
    # The people file adds Орлов (no deals) to Москва's corporate department.
    heads = dict(zip(table["group"], table["headcount"], strict=False))
    assert heads["all"] == 5
    assert heads["Корпоративный отдел"] == 3


def test_period_month_adds_a_period_column(tmp_path):
    out = tmp_path / "kpis.csv"
    result = run(
        str(BITRIX),
        "--config",
        str(DATA / "salesmine.toml"),
        "--by",
        "company",
        "--period",
        "month",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns)[-1] == "period"
    whole = table[(table["stage_from"] == "Контакт") & (table["stage_to"] == "Договор")]
    assert list(zip(whole["period"], whole["input"], whole["successful"], strict=True)) == [
        ("2026-01", 3, 1),
        ("2026-02", 5, 2),
        ("2026-03", 6, 1),
    ]


def test_event_log(tmp_path):
    out = tmp_path / "kpis.csv"
    result = run(
        str(DATA / "events.csv"),
        "--events",
        "--stages",
        STAGES,
        "--by",
        "company,manager",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, encoding="utf-8-sig")
    # Deals: 1 -> Договор, 2 -> Встреча назначена, 3 -> Контакт (then lost), 4 -> КП отправлено.
    company = table[table["level"] == "company"]
    assert list(company["input"]) == [4, 3, 2, 2, 4]
    assert list(company["successful"]) == [3, 2, 2, 1, 1]
    assert "rows: 11 in, 10 used, 1 rejected" in result.stdout  # the row without a deal id
    assert "no branch values" not in result.stderr  # not requested, so not reported


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "city"], "--by 'city': unknown level 'city'"),
        (["--stages", "Контакт"], "at least two stages"),
        (["-o", "kpis.txt"], "unknown output format"),
        (["--column", "stage"], "FIELD=HEADER"),
    ],
)
def test_bad_options_give_one_line_and_exit_2(args, message):
    argv = [str(BITRIX), *BITRIX_COLUMNS, "-o", "kpis.csv", *args]
    result = CliRunner().invoke(cli, ["funnel", *argv])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_notes_without_stage_values_are_explained(tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("ID;Комментарий;Этап\n1;Дорого;\n2;Не нужно;\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["funnel", str(notes), "-o", "k.csv"])
    assert result.exit_code == 2
    assert "--column stage=" in result.stderr


def test_levels_missing_from_data_are_skipped_with_a_warning(tmp_path):
    result = run(
        str(DATA / "events.csv"),
        "--events",
        "--stages",
        STAGES,
        "--by",
        "branch,manager",
        "-o",
        str(tmp_path / "k.csv"),
    )
    assert result.exit_code == 0, result.output
    assert "no branch values" in result.stderr
    table = pd.read_csv(tmp_path / "k.csv", encoding="utf-8-sig")
    assert set(table["level"]) == {"manager"}
