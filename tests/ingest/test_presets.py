"""Column mapping: CRM presets in Russian and English, auto-detection, and --column precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.ingest import load_notes
from salesmine.ingest.presets import find_header, header_key, map_columns

DATA = Path(__file__).parent.parent / "data" / "ingest"

BITRIX24_RU = {"id": "ID", "date": "Дата создания", "manager": "Ответственный",
               "department": "Подразделение", "text": "Комментарий", "crm_reason": "Причина отказа",
               "amount": "Сумма"}
BITRIX24_EN = {"id": "ID", "date": "Created", "manager": "Responsible", "stage": "Stage",
               "text": "Comment", "client": "Company", "amount": "Amount"}
AMOCRM_RU = {"id": "ID", "date": "Дата создания", "manager": "Ответственный", "stage": "Статус",
             "text": "Примечание + Примечание 2", "crm_reason": "Причина отказа",
             "client": "Компания", "amount": "Бюджет"}
AMOCRM_EN = {"id": "ID", "date": "Date created", "manager": "Responsible user", "stage": "Status",
             "text": "Note", "crm_reason": "Loss reason", "amount": "Budget"}
HUBSPOT = {"id": "Record ID", "date": "Create Date", "manager": "Deal owner", "department": "Team",
           "branch": "Business Unit", "stage": "Deal Stage", "text": "Closed Lost Reason + Notes",
           "amount": "Amount"}


@pytest.mark.parametrize(("file", "preset", "expected"), [
    ("bitrix24_ru_cp1251.csv", "bitrix24", {**BITRIX24_RU, "branch": "Филиал"}),
    ("bitrix24_en.csv", "bitrix24", BITRIX24_EN),
    ("amocrm_ru.csv", "amocrm", AMOCRM_RU),
    ("amocrm_en.csv", "amocrm", AMOCRM_EN),
    ("hubspot.csv", "hubspot", HUBSPOT),
])
@pytest.mark.parametrize("mode", ["preset", "auto"])
def test_crm_exports_map_in_both_modes(file, preset, expected, mode):
    load = load_notes(DATA / file, preset=preset if mode == "preset" else "auto")
    assert load.mapping[file] == expected


def test_hubspot_text_joins_lost_reason_and_notes_but_not_won_reason():
    frame = load_notes(DATA / "hubspot.csv", preset="hubspot").frame
    assert frame.loc[0, "text"] == "Went with a competitor\nPrice was not the issue, service was"
    assert frame.loc[1, "text"] == "Signed quickly"  # "Good price" is the won reason
    assert frame.loc[3, "text"] == "They said we do not have fleet insurance"
    assert (frame["crm_reason"] == "").all()
    assert frame["outcome"].tolist() == ["lost", "won", "open", "lost"]
    assert frame["date"].dt.hour.tolist() == [9, 13, 11, 15]


def test_generic_synonyms_ru():
    load = load_notes(DATA / "generic_ru.tsv")
    assert load.mapping["generic_ru.tsv"] == {
        "id": "№", "date": "Дата", "manager": "Менеджер", "department": "Отдел", "branch": "Филиал",
        "stage": "Этап", "outcome": "Результат", "text": "Комментарий"}
    assert load.frame["id"].tolist()[0] == "00017"


@pytest.mark.parametrize(("headers", "field", "header"), [
    (["  ОТВЕТСТВЕННЫЙ ", "Этап"], "manager", "  ОТВЕТСТВЕННЫЙ "),
    (["deal_owner", "Stage"], "manager", "deal_owner"),
    (["Ответственный менеджер", "Этап"], "manager", "Ответственный менеджер"),
    (["Причина отказа клиента", "Этап"], "crm_reason", "Причина отказа клиента"),
    (["Офис", "Этап"], "branch", "Офис"),
    (["Region", "Stage"], "branch", "Region"),
    (["Примечание", "Этап"], "text", "Примечание"),
    (["Ещё примечание", "Этап"], "text", "Ещё примечание"),
])
def test_auto_detection_ignores_case_space_punctuation(headers, field, header):
    assert map_columns(headers, "f.csv").headers[field] == (header,)


@pytest.mark.parametrize(("headers", "field"), [
    (["Closed Won Reason", "Deal Stage"], "crm_reason"),   # two extra words: not the loss reason
    (["ID компании", "Этап"], "id"),                        # ids are never guessed loosely
    (["Сумма скидки", "Этап"], "amount"),
])
def test_auto_detection_does_not_guess_too_far(headers, field):
    assert field not in map_columns(headers, "f.csv").headers


def test_preset_decides_between_competing_headers():
    headers = ["Стадия сделки", "Статус", "Комментарий"]
    assert map_columns(headers, "f.csv", preset="bitrix24").headers["stage"] == ("Стадия сделки",)
    assert map_columns(headers, "f.csv", preset="amocrm").headers["stage"] == ("Статус",)


def test_column_wins_over_preset_and_auto():
    headers = ["Стадия сделки", "Последний пройденный этап", "Комментарий", "Ответственный"]
    cmap = map_columns(headers, "f.csv", preset="bitrix24",
                       columns={"stage": "Последний пройденный этап"})
    assert cmap.headers["stage"] == ("Последний пройденный этап",)
    assert cmap.origin == {"manager": "preset", "stage": "column", "outcome": "auto",
                           "text": "preset"}
    # a header claimed by --column is not reused by a weaker rule
    cmap = map_columns(headers, "f.csv", columns={"manager": "Комментарий"})
    assert cmap.headers["manager"] == ("Комментарий",)
    assert "text" not in cmap.headers


def test_header_helpers():
    assert header_key("Дата  создания (ё)") == header_key("дата_создания Е") == "датасозданияе"
    assert find_header(["Record ID", "Deal Name"], ["record-id"]) == "Record ID"
    assert find_header(["A"], ["B"]) is None


def test_stage_moved_by_column_leaves_the_crm_stage_for_outcome():
    headers = ["Стадия сделки", "Последний пройденный этап", "Комментарий"]
    cmap = map_columns(headers, "f.csv", columns={"stage": "Последний пройденный этап"})
    assert cmap.headers["outcome"] == ("Стадия сделки",)
    assert "outcome" not in map_columns(headers, "f.csv").headers
    # an explicit outcome column is never second-guessed
    cmap = map_columns(headers, "f.csv", columns={"stage": "Последний пройденный этап",
                                                  "outcome": "Комментарий"})
    assert cmap.headers["outcome"] == ("Комментарий",)


@pytest.mark.parametrize(("text", "reason"), [
    ("Комментарий", "Причина отказа"),
    ("Комментарий менеджера", "Причина проигрыша"),
    ("Примечание", "Причина закрытия"),
    ("Comment", "Closed Lost Reason"),
    ("Notes", "Loss Reason"),
    ("Note", "Lost reason"),
    ("Comments", "Reason lost"),
])
def test_loss_reason_header_feeds_crm_reason_not_text(text, reason):
    mapped = map_columns(["ID", text, reason, "Stage"], "x.csv").describe()
    assert mapped["text"] == text
    assert mapped["crm_reason"] == reason


@pytest.mark.parametrize("headers", [
    ["Closed Lost Reason", "Stage"],  # the only text there is stays text
    ["Record ID", "Deal Stage", "Notes", "Closed Lost Reason"],  # HubSpot: the rep's own words
])
def test_closed_lost_reason_never_steals_text(headers):
    mapped = map_columns(headers, "x.csv").describe()
    assert "Closed Lost Reason" in mapped["text"]
    assert "crm_reason" not in mapped
