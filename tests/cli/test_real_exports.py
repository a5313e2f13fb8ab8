"""``salesmine inspect`` and ``funnel`` on exports written the way the CRMs write them.

Each fixture under tests/data/cli mimics one real source: HubSpot's deal export (UTF-8 with BOM),
a Bitrix24 export saved from Excel (cp1251, ``;``, line breaks and quotes inside comments), a
hand-kept Google Sheets table with odd headers, an API dump as JSON Lines, HubSpot's API JSON,
Excel's "Unicode text" (UTF-16 TSV), a plain TSV and an event log. The amoCRM workbook is written
by the test with real Excel date cells. Expected counts were worked out by hand from the rows
(comments beside each table say how); the bundled sample is checked against an independent
pandas computation from the raw file at every level.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data" / "cli"
SAMPLE = Path(__file__).parents[2] / "src" / "salesmine" / "sample"
FUNNEL5 = "Контакт,Встреча назначена,Встреча проведена,КП отправлено,Договор"
HUBSPOT_STAGES = ("Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
                  "Decision Maker Bought-In", "Contract Sent", "Closed Won")
AMO_STAGES = ("Первичный контакт", "Переговоры", "Принимают решение", "Согласование договора",
              "Успешно реализовано")
BITRIX_ARGS = ("--column", "stage=Последний пройденный этап", "--stages", FUNNEL5)

# amoCRM "Экспорт сделок" as a workbook: real date cells, "Статус" with pipeline statuses,
# two note columns. Stage index per deal: 0, 1, 4, lost (-> 0), 2, 3, 4.
AMO_ROWS = [
    (101, "Окна, Иванов", 120000, "Анна Смирнова", dt.datetime(2026, 3, 4, 10, 22),
     "Первичный контакт", "Позвонила, не берёт трубку", ""),
    (102, "Кухня Петров", 350000, "Анна Смирнова", dt.datetime(2026, 3, 5, 11, 0),
     "Переговоры", "Выслала КП", "Ждём ответа"),
    (103, "Двери", 80000, "Борис Ким", dt.datetime(2026, 3, 6, 9, 30),
     "Успешно реализовано", "Оплатил", ""),
    (104, "Шкаф-купе", 60000, "Борис Ким", dt.datetime(2026, 4, 1, 0, 15),
     "Закрыто и не реализовано", "Дорого, ушёл к конкурентам", ""),
    (105, "Балкон", 90000, "Анна Смирнова", dt.datetime(2026, 4, 2, 12, 0),
     "Принимают решение", "Думает до пятницы", ""),
    (106, "Окна ПВХ", 100000, "Борис Ким", dt.datetime(2026, 4, 3, 8, 0),
     "Согласование договора", "Юристы смотрят договор", ""),
    (107, "Гардероб", 70000, "Анна Смирнова", dt.datetime(2026, 4, 28, 23, 50),
     "Успешно реализовано", "", "Оплата по счёту"),
]


@pytest.fixture
def amocrm_xlsx(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Сделки"
    sheet.append(["ID", "Название сделки", "Бюджет", "Ответственный", "Дата создания", "Статус",
                  "Воронка", "Примечание", "Примечание 2"])
    for ident, name, budget, owner, created, status, note, note2 in AMO_ROWS:
        sheet.append([ident, name, budget, owner, created, status, "Продажи", note, note2])
    for cell in sheet["E"][1:]:
        cell.number_format = "DD.MM.YYYY HH:MM"
    path = tmp_path / "amocrm_leads.xlsx"
    book.save(path)
    return path


def company_counts(table: pd.DataFrame, n_stages: int) -> tuple[list[int], list[int]]:
    """(input, successful) of the company's stage pairs, whole-funnel row excluded."""
    rows = table[table["level"] == "company"].head(n_stages - 1)
    return rows["input"].tolist(), rows["successful"].tolist()


def reached(table: pd.DataFrame, level: str, group: str, period: str | None = None) -> list[int]:
    """Deals at or past each stage for one group: the stage pairs' inputs plus the last result."""
    rows = table[(table["level"] == level) & (table["group"] == group)]
    if period is not None:
        rows = rows[rows["period"] == period]
    pairs = rows.iloc[:-1] if len(rows) > 2 else rows  # drop the whole-funnel row
    return [*pairs["input"].tolist(), int(pairs["successful"].iloc[-1])]


# --- every export: how it is read, and the company funnel -----------------------------------

EXPORTS = [
    # file, extra options, mapping shown by inspect, stages in the output, deals at/past each stage
    ("hubspot_deals.csv", (),
     ["UTF-8 with BOM", "stage      <- Deal Stage", "text       <- Closed Lost Reason + Notes",
      "branch     <- Business Unit", "department <- Team"],
     HUBSPOT_STAGES, [10, 6, 5, 4, 3, 2]),
    ("bitrix24_cp1251.csv", BITRIX_ARGS,
     ["encoding cp1251, delimiter semicolon", "manager    <- Ответственный",
      "text       <- Комментарий"],
     tuple(FUNNEL5.split(",")), [8, 7, 5, 4, 2]),
    ("sheets_export.csv", (),
     ["manager    <- Менеджер (ответственный)", "branch     <- Филиал/офис",
      "text       <- Коммент.", "stage      <- Этап воронки", "date       <- Дата обращения"],
     tuple(FUNNEL5.split(",")), [6, 5, 4, 3, 2]),
    ("deals.jsonl", ("--stages", "Контакт,Встреча проведена,КП отправлено,Договор"),
     ["JSON Lines", "id      <- deal_id", "date    <- created_at"],
     ("Контакт", "Встреча проведена", "КП отправлено", "Договор"), [4, 3, 2, 1]),
    ("hubspot_api.json", (),
     ["stage  <- properties.dealstage", "text   <- properties.closed_lost_reason"],
     HUBSPOT_STAGES, [4, 2, 2, 2, 2, 1]),
    ("excel_unicode.txt", ("--stages", "Контакт,Встреча назначена,Договор"),
     ["encoding UTF-16, delimiter tab", "stage      <- Этап"],
     ("Контакт", "Встреча назначена", "Договор"), [3, 2, 1]),
    ("deals.tsv", ("--stages", "Контакт,Встреча назначена,Договор"),
     ["encoding UTF-8, delimiter tab"], ("Контакт", "Встреча назначена", "Договор"), [3, 2, 1]),
    # Excel for Mac's "CSV (Macintosh)": rows end in a bare CR, one inside a quoted comment.
    ("mac_cr_only.csv", ("--stages", "Контакт,Встреча назначена,Договор"),
     ["delimiter semicolon", "manager <- Менеджер"], ("Контакт", "Встреча назначена", "Договор"),
     [3, 2, 1]),
]


@pytest.mark.parametrize(("name", "options", "mapping", "stages", "counts"), EXPORTS,
                         ids=[e[0] for e in EXPORTS])
def test_export_is_read_and_counted(run, tmp_path, name, options, mapping, stages, counts):
    inspected = run("inspect", DATA / name)
    assert inspected.exit_code == 0, inspected.output
    for line in mapping:
        assert line in inspected.stdout
    assert "0 rejected" in inspected.stdout

    out = tmp_path / "kpis.csv"
    result = run("funnel", DATA / name, *options, "--by", "company", "-o", out)
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert tuple(dict.fromkeys(table["stage_from"])) + (table["stage_to"].iloc[-2],) == stages
    assert reached(table, "company", "all") == counts


def test_amocrm_workbook_without_preset_uses_amocrm_pipeline(run, tmp_path, amocrm_xlsx):
    inspected = run("inspect", amocrm_xlsx)
    assert inspected.exit_code == 0, inspected.output
    assert "Excel workbook" in inspected.stdout
    assert "text    <- Примечание + Примечание 2" in inspected.stdout
    assert "stage   <- Статус" in inspected.stdout

    out = tmp_path / "amo.xlsx"
    result = run("funnel", amocrm_xlsx, "--by", "company,manager", "--period", "month", "-o", out)
    assert result.exit_code == 0, result.output
    assert "amocrm's default pipeline" in result.stderr
    assert "closing status such as 'Закрыто и не реализовано'" in result.stderr
    table = pd.read_excel(out)
    assert list(dict.fromkeys(table["stage_from"])) == list(AMO_STAGES[:-1])
    # Deal 104 (lost, 1 April 00:15) and 107 (28 April 23:50) stay in April: Excel dates are
    # read as written, without a time-zone shift.
    assert reached(table, "company", "all", "2026-03") == [3, 2, 1, 1, 1]
    assert reached(table, "company", "all", "2026-04") == [4, 3, 3, 2, 1]
    assert reached(table, "manager", "Анна Смирнова", "2026-04") == [2, 2, 2, 1, 1]
    assert reached(table, "manager", "Борис Ким", "2026-03") == [1, 1, 1, 1, 1]


# --- HubSpot: levels, closed-only, periods, output formats ----------------------------------

HUBSPOT_GROUPS = [
    # Stage index per deal: 18001 5, 18002 4, 18003 lost, 18004 0, 18005 1, 18006 2, 18007 3,
    # 18008 5, 18009 lost, 18010 lost (a lost deal counts at the first stage only).
    ("company", "all", [10, 6, 5, 4, 3, 2], 3),
    ("branch", "North", [4, 2, 2, 2, 2, 1], 1),
    ("branch", "South", [6, 4, 3, 2, 1, 1], 2),
    ("department", "North / Enterprise", [4, 2, 2, 2, 2, 1], 1),
    ("department", "South / SMB", [6, 4, 3, 2, 1, 1], 2),
    ("manager", "North / Enterprise / Anna Smith", [4, 2, 2, 2, 2, 1], 1),
    ("manager", "South / SMB / Bob Jones", [3, 2, 1, 0, 0, 0], 1),
    ("manager", "South / SMB / Carla Diaz", [3, 2, 2, 2, 1, 1], 1),
]


@pytest.fixture(scope="module")
def hubspot_all_levels(tmp_path_factory) -> pd.DataFrame:
    from click.testing import CliRunner

    from salesmine.cli import cli

    out = tmp_path_factory.mktemp("hubspot") / "kpis.csv"
    result = CliRunner().invoke(cli, ["funnel", str(DATA / "hubspot_deals.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return pd.read_csv(out, encoding="utf-8-sig")


@pytest.mark.parametrize(("level", "group", "counts", "heads"), HUBSPOT_GROUPS,
                         ids=[g[1] for g in HUBSPOT_GROUPS])
def test_hubspot_every_level(hubspot_all_levels, level, group, counts, heads):
    table = hubspot_all_levels
    assert reached(table, level, group) == counts
    rows = table[(table["level"] == level) & (table["group"] == group)]
    assert set(rows["headcount"]) == {heads}
    whole = rows.iloc[-1]
    assert whole["conversion"] == pytest.approx(counts[-1] / counts[0])
    assert whole["productivity"] == pytest.approx(counts[-1] / heads)
    assert whole["activity"] == pytest.approx(counts[0] / heads)


def test_hubspot_levels_come_in_order(hubspot_all_levels):
    assert list(dict.fromkeys(hubspot_all_levels["level"])) == [
        "company", "branch", "department", "manager"]
    assert len(hubspot_all_levels) == len(HUBSPOT_GROUPS) * 6  # 5 pairs + whole funnel


def test_hubspot_closed_only_and_by_department(run, tmp_path):
    out = tmp_path / "closed.csv"
    result = run("funnel", DATA / "hubspot_deals.csv", "--closed-only", "--by", "department",
                 "-o", out)
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, encoding="utf-8-sig")
    # Open deals 18002, 18004-18007 leave; 18001 and 18008 won, the rest lost.
    assert set(table["level"]) == {"department"}
    assert reached(table, "department", "Enterprise") == [3, 1, 1, 1, 1, 1]
    assert reached(table, "department", "SMB") == [2, 1, 1, 1, 1, 1]


def test_hubspot_period_month(run, tmp_path):
    out = tmp_path / "monthly.json"
    result = run("funnel", DATA / "hubspot_deals.csv", "--by", "company", "--period", "month",
                 "-o", out)
    assert result.exit_code == 0, result.output
    table = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    assert sorted(set(table["period"])) == ["2026-03", "2026-04"]
    assert reached(table, "company", "all", "2026-03") == [4, 2, 2, 2, 2, 1]
    assert reached(table, "company", "all", "2026-04") == [6, 4, 3, 2, 1, 1]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", ".parquet"])
def test_every_output_format_holds_the_same_table(run, tmp_path, suffix, hubspot_all_levels):
    out = tmp_path / "out" / f"kpis{suffix}"  # the folder does not exist yet: it is created
    result = run("funnel", DATA / "hubspot_deals.csv", "-o", out)
    assert result.exit_code == 0, result.output
    if suffix == ".csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        table = pd.read_csv(out)  # pandas' default utf-8 reads past the BOM
    elif suffix == ".xlsx":
        table = pd.read_excel(out)
    elif suffix == ".json":
        table = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    else:
        table = pd.read_parquet(out)
    assert list(table.columns) == list(hubspot_all_levels.columns)
    for column in ("level", "group", "stage_from", "input", "successful", "headcount"):
        assert table[column].tolist() == hubspot_all_levels[column].tolist()
    assert table["conversion"].tolist() == pytest.approx(
        hubspot_all_levels["conversion"].tolist(), nan_ok=True)
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_output_file_gets_the_usual_permissions(run, tmp_path):
    old = os.umask(0o022)
    try:
        result = run("funnel", DATA / "deals.tsv", "--stages", "Контакт,Договор", "-o",
                     tmp_path / "k.csv")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "k.csv").stat().st_mode & 0o777 == 0o644  # not a temp file's 0600


# --- Bitrix24 with the custom stage column, every level ------------------------------------

BITRIX_GROUPS = [
    # Last stage passed: 501 Договор, 502 Встреча проведена, 503 КП (open), 504 Контакт,
    # 505 Договор, 506 Встреча назначена, 507 Встреча назначена (open), 508 КП отправлено.
    ("company", "all", [8, 7, 5, 4, 2]),
    ("branch", "Казань", [3, 3, 1, 1, 1]),
    ("branch", "Москва", [5, 4, 4, 3, 1]),
    ("department", "Казань / Розничный отдел", [3, 3, 1, 1, 1]),
    ("department", "Москва / Корпоративный отдел", [4, 3, 3, 2, 1]),
    ("department", "Москва / Розничный отдел", [1, 1, 1, 1, 0]),
    ("manager", "Москва / Корпоративный отдел / Иванов Иван", [2, 2, 2, 1, 1]),
    ("manager", "Москва / Корпоративный отдел / Петрова Анна", [2, 1, 1, 1, 0]),
    ("manager", "Казань / Розничный отдел / Кузнецова Елена", [3, 3, 1, 1, 1]),
    ("manager", "Москва / Розничный отдел / Сидоров Пётр", [1, 1, 1, 1, 0]),
]


def test_bitrix_cp1251_every_level(run, tmp_path):
    out = tmp_path / "kpis.xlsx"
    result = run("funnel", DATA / "bitrix24_cp1251.csv", *BITRIX_ARGS, "-o", out)
    assert result.exit_code == 0, result.output
    assert "outcome <- 'Стадия сделки'" in result.stdout
    table = pd.read_excel(out)
    for level, group, counts in BITRIX_GROUPS:
        assert reached(table, level, group) == counts, (level, group)
    closed = tmp_path / "closed.csv"
    result = run("funnel", DATA / "bitrix24_cp1251.csv", *BITRIX_ARGS, "--closed-only",
                 "--by", "company", "-o", closed)
    assert result.exit_code == 0, result.output
    assert reached(pd.read_csv(closed), "company", "all") == [6, 5, 4, 3, 2]  # 503, 507 open


def test_bitrix_multiline_comments_survive_in_the_notes():
    from salesmine.ingest import load_notes

    frame = load_notes(DATA / "bitrix24_cp1251.csv").frame.set_index("id")
    assert frame.at["501", "text"] == "Подписали договор\nоплата 100%"
    assert frame.at["502", "text"] == 'Сказал "дорого"; ушёл к РЕСО'
    assert frame.at["501", "amount"] == 45800.0


# --- event log, Google Sheets levels --------------------------------------------------------

def test_event_log_with_auto_detected_deal_id(run, tmp_path):
    out = tmp_path / "events.csv"
    result = run("funnel", DATA / "events.csv", "--events", "--by", "company,branch,manager",
                 "--stages", "Контакт,Встреча назначена,Встреча проведена,Договор", "-o", out)
    assert result.exit_code == 0, result.output
    assert "id <- 'ID сделки'" in result.stdout
    assert "rows: 9 in, 9 used, 0 rejected" in result.stdout
    table = pd.read_csv(out)
    # Furthest stage per deal: A-1 Договор, B-2 Встреча назначена, C-3 Контакт, D-4 проведена.
    assert reached(table, "company", "all") == [4, 3, 2, 1]
    assert reached(table, "manager", "Москва / Анна") == [2, 2, 2, 1]
    assert reached(table, "manager", "Казань / Борис") == [2, 1, 0, 0]


def test_sheets_export_by_branch_and_manager(run, tmp_path):
    out = tmp_path / "k.csv"
    result = run("funnel", DATA / "sheets_export.csv", "--by", "branch,manager", "-o", out)
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert reached(table, "branch", "Москва") == [3, 2, 1, 1, 1]
    assert reached(table, "manager", "Казань / Борис") == [3, 3, 3, 2, 1]
    assert "no company values" not in result.stderr and "left out" not in result.stderr


# --- the bundled sample against an independent computation ---------------------------------

def independent_kpis(by: tuple[str, ...], closed_only: bool = False) -> pd.DataFrame:
    """KPIs computed here from the raw sample file with plain pandas, without salesmine."""
    raw = pd.read_csv(SAMPLE / "crm_deals.csv", sep=";", encoding="cp1251", dtype=str,
                      keep_default_na=False)
    stages = tomllib.loads((SAMPLE / "salesmine.toml").read_text("utf-8"))["funnel"]["stages"]
    raw["k"] = raw["Последний пройденный этап"].map({s: i for i, s in enumerate(stages)})
    assert raw["k"].notna().all()
    if closed_only:
        raw = raw[raw["Стадия сделки"].isin(["Сделка успешна", "Сделка провалена"])]
    columns = {"branch": "Филиал", "department": "Подразделение", "manager": "Ответственный"}
    path = [columns[level] for level in ("branch", "department", "manager") if level in by]
    pairs = [(a, a + 1) for a in range(len(stages) - 1)] + [(0, len(stages) - 1)]
    rows = []
    for level in by:
        keys = [] if level == "company" else path[: path.index(columns[level]) + 1]
        labels = raw[keys].agg(" / ".join, axis=1) if keys else pd.Series("all", raw.index)
        for group, deals in raw.groupby(labels):
            heads = deals["Ответственный"].nunique()
            for a, b in pairs:
                n_in, n_ok = int((deals["k"] >= a).sum()), int((deals["k"] >= b).sum())
                rows.append((level, group, stages[a], stages[b], n_in, n_ok,
                             n_ok / n_in if n_in else float("nan"), heads, n_ok / heads,
                             n_in / heads))
    return pd.DataFrame(rows, columns=["level", "group", "stage_from", "stage_to", "input",
                                       "successful", "conversion", "headcount", "productivity",
                                       "activity"])


@pytest.mark.parametrize(("by", "closed_only"), [
    (("company", "branch", "department", "manager"), False),
    (("company", "branch", "department", "manager"), True),
    (("department", "manager"), False),
    (("branch",), False),
    (("manager",), True),
])
def test_sample_kpis_equal_an_independent_computation(run, tmp_path, by, closed_only):
    out = tmp_path / "sample.csv"
    flags = ["--closed-only"] if closed_only else []
    result = run("funnel", SAMPLE / "crm_deals.csv", "--config", SAMPLE / "salesmine.toml",
                 "--by", ",".join(by), *flags, "-o", out)
    assert result.exit_code == 0, result.output
    ours = pd.read_csv(out, encoding="utf-8-sig")
    theirs = independent_kpis(by, closed_only)
    keys = ["level", "group", "stage_from", "stage_to"]
    merged = ours.merge(theirs, on=keys, how="outer", suffixes=("", "_x"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"][keys]
    for column in ("input", "successful", "headcount"):
        assert merged[column].tolist() == merged[f"{column}_x"].tolist(), column
    for column in ("conversion", "productivity", "activity"):
        assert merged[column].tolist() == pytest.approx(merged[f"{column}_x"].tolist(),
                                                        nan_ok=True), column
    assert set(ours["level"]) == set(by)


def test_sample_company_funnel_matches_its_readme(run, tmp_path):
    out = tmp_path / "s.json"
    result = run("funnel", SAMPLE / "crm_deals.csv", "--config", SAMPLE / "salesmine.toml",
                 "--by", "company", "-o", out)
    assert result.exit_code == 0, result.output
    table = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    assert reached(table, "company", "all") == [340, 217, 166, 128, 68]
    assert "rows: 340 in, 340 used, 0 rejected" in result.stdout


# --- the installed console script ----------------------------------------------------------

SCRIPT = Path(sys.executable).parent / "salesmine"


@pytest.mark.skipif(not SCRIPT.exists(), reason="salesmine console script not installed")
def test_console_script_end_to_end(tmp_path):
    out = tmp_path / "kpis.xlsx"
    done = subprocess.run(
        [str(SCRIPT), "funnel", str(DATA / "bitrix24_cp1251.csv"), *BITRIX_ARGS,
         "--by", "branch", "-o", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    table = pd.read_excel(out)
    assert reached(table, "branch", "Москва") == [5, 4, 4, 3, 1]

    bad = subprocess.run([str(SCRIPT), "funnel", str(tmp_path / "nope.csv"), "-o", "k.csv"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'nope.csv'}: file not found — check the path"]


# --- inspect shows what funnel will do ------------------------------------------------------

def test_inspect_reads_the_settings_file_like_funnel(run, tmp_path):
    (tmp_path / "salesmine.toml").write_text(
        '[columns]\nstage = "Последний пройденный этап"\n', encoding="utf-8")
    result = run("inspect", DATA / "bitrix24_cp1251.csv")
    assert result.exit_code == 0, result.output
    assert "stage      <- Последний пройденный этап  (column)" in result.stdout
    assert "outcome    <- Стадия сделки  (auto)" in result.stdout


def test_inspect_event_log_keeps_repeated_ids(run):
    plain = run("inspect", DATA / "events.csv")
    assert "rows: 9 in, 4 used, 5 rejected" in plain.stdout
    assert "--events" in plain.stdout  # the duplicate warning points at the event-log mode
    events = run("inspect", DATA / "events.csv", "--events")
    assert events.exit_code == 0, events.output
    assert "rows: 9 in, 9 used, 0 rejected" in events.stdout


def test_files_default_to_the_notes_in_the_settings_file(run, tmp_path):
    (tmp_path / "salesmine.toml").write_text(
        f'notes = ["{DATA / "sheets_export.csv"}"]\n[funnel]\nby = ["company"]\n', encoding="utf-8")
    inspected = run("inspect")
    assert inspected.exit_code == 0, inspected.output
    assert "sheets_export.csv: CSV" in inspected.stdout
    result = run("funnel", "-o", "k.csv")
    assert result.exit_code == 0, result.output
    assert reached(pd.read_csv(tmp_path / "k.csv"), "company", "all") == [6, 5, 4, 3, 2]


def test_hand_typed_name_variants_count_as_one_manager(run, tmp_path):
    (tmp_path / "sheet.csv").write_text(
        "Этап,Менеджер,Филиал\nКонтакт,Анна,Москва\nДоговор,анна ,Москва\n"
        "Контакт,Анна  Петрова,москва\nДоговор,Анна Петрова,Москва\nКонтакт,Фёдоров,Москва\n"
        "Контакт,Федоров,Москва\nКонтакт,Федоров,Москва\n", encoding="utf-8")
    result = run("funnel", "sheet.csv", "--stages", "Контакт,Договор", "--by", "branch,manager",
                 "-o", "k.csv")
    assert result.exit_code == 0, result.output
    assert "'Фёдоров' -> 'Федоров'" in result.stderr
    table = pd.read_csv(tmp_path / "k.csv").set_index("group")
    assert table["input"].to_dict() == {"Москва": 7, "Москва / Анна": 2,
                                        "Москва / Анна Петрова": 2, "Москва / Федоров": 3}
    assert table.at["Москва", "headcount"] == 3
