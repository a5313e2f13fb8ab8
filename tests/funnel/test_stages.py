"""Stage lists, stage value mapping, rejected and warned rows."""

from __future__ import annotations

import pytest

from salesmine.config import FunnelSettings, InputSettings, Settings
from salesmine.errors import ConfigError, InputError
from salesmine.funnel import (
    PRESET_STAGES,
    assign_stages,
    normalize_stage,
    resolve_stages,
    stage_deals,
)
from salesmine.records import Rejection

K, V, D = "Контакт", "Встреча", "Договор"
STAGES = (K, V, D)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Встреча   НАЗНАЧЕНА ", "встреча назначена"),
        ("Счёт на предоплату", "счет на предоплату"),
        ("КП-отправлено.", "кп отправлено"),
        ("closed_won", "closed won"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_normalize_stage(value, expected):
    assert normalize_stage(value) == expected


@pytest.mark.parametrize(
    ("stages", "preset", "expected"),
    [
        ("Контакт, Встреча ,Договор", "auto", ("Контакт", "Встреча", "Договор")),
        (["A", "B"], "hubspot", ("A", "B")),
        (None, "hubspot", PRESET_STAGES["hubspot"]),
        ((), "bitrix24", PRESET_STAGES["bitrix24"]),
        ("", "unknown", PRESET_STAGES["auto"]),
    ],
)
def test_resolve_stages(stages, preset, expected):
    assert resolve_stages(stages, preset) == expected


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ("Контакт", "at least two"),
        ("Контакт,Встреча,контакт", "twice"),
    ],
)
def test_resolve_stages_errors(stages, message):
    with pytest.raises(ConfigError, match=message):
        resolve_stages(stages)


def test_unknown_stage_is_rejected_with_file_and_row(make_notes):
    deals = assign_stages(
        make_notes(("1", K, "lost"), ("2", "Переговоры", "open"), ("3", "Переговоры", "open")),
        STAGES,
    )
    assert [(r.source, r.row) for r in deals.rejected] == [("deals.csv", 2), ("deals.csv", 3)]
    assert "Переговоры" in deals.rejected[0].reason and "--stages" in deals.rejected[0].reason
    assert any("'Переговоры' (2)" in w for w in deals.warnings)
    assert deals.n_input == len(deals.frame) + len(deals.rejected) == 3


def test_lost_status_counts_at_first_stage_with_a_warning(make_notes):
    deals = assign_stages(
        make_notes(("1", "Сделка провалена", ""), ("2", "Закрыто и не реализовано", "")), STAGES
    )
    assert list(deals.frame["stage"]) == [K, K]
    assert list(deals.frame["stage_known"]) == [False, False]
    assert list(deals.frame["outcome"]) == ["lost", "lost"]  # filled from the status
    assert len(deals.warnings) == 1
    assert "deals.csv:1, deals.csv:2" in deals.warnings[0]
    assert "Последний пройденный этап" in deals.warnings[0]


def test_won_status_is_the_last_stage(make_notes):
    deals = assign_stages(make_notes(("1", "Сделка успешна", ""), ("2", "Closed Won", "")), STAGES)
    assert list(deals.frame["stage"]) == [D, D]
    assert list(deals.frame["outcome"]) == ["won", "won"]
    assert deals.warnings == ()


def test_event_rows_without_deal_id_are_rejected(make_notes):
    deals = assign_stages(
        make_notes(("", K, ""), ("7", K, ""), ("7", V, "open")), STAGES, events=True
    )
    assert deals.rejected == (Rejection("deals.csv", 1, deals.rejected[0].reason),)
    assert "deal id" in deals.rejected[0].reason
    assert list(deals.frame["id"]) == ["7"]
    assert list(deals.frame["stage"]) == [V]
    assert list(deals.frame["row"]) == [2]  # the deal points at its first event row


def test_notes_without_any_stage_value_are_an_input_error(make_notes):
    with pytest.raises(InputError, match="--column stage="):
        assign_stages(make_notes(("1", "", ""), ("2", "", "")), STAGES)


def test_stage_deals_uses_the_settings(make_notes):
    settings = Settings(
        input=InputSettings(preset="hubspot"),
        funnel=FunnelSettings(aliases={"Contract signed": "Closed Won", "Dead": "lost"}),
    )
    deals = stage_deals(
        make_notes(("1", "Qualified To Buy", ""), ("2", "contract signed", ""), ("3", "dead", "")),
        settings,
    )
    assert deals.stages == PRESET_STAGES["hubspot"]
    assert list(deals.frame["stage_index"]) == [1, 5, 0]
    assert list(deals.frame["stage_known"]) == [True, True, False]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Первичный контакт", "Переговоры", "Успешно реализовано"], "amocrm"),
        (["appointmentscheduled", "contractsent", "closedwon"], "hubspot"),
        (["Новая", "В работе", "Сделка успешна"], "bitrix24"),
        (["Контакт", "Договор", "Сделка успешна"], "auto"),
        (["Сделка успешна", "Сделка провалена"], "auto"),  # statuses alone decide nothing
        (["что-то своё"], "auto"),
    ],
)
def test_guess_stage_preset(values, expected):
    import pandas as pd

    from salesmine.funnel.stages import guess_stage_preset

    assert guess_stage_preset(pd.Series(values)) == expected


def test_hubspot_stage_ids_without_spaces_match_the_stage_names(make_notes):
    notes = make_notes(("1", "qualifiedtobuy"), ("2", "decisionmakerboughtin"), ("3", "closedwon"))
    deals = assign_stages(notes, PRESET_STAGES["hubspot"])
    assert deals.frame["stage_index"].tolist() == [1, 3, 5]
    assert deals.rejected == ()


def test_require_deals_names_the_first_rejection(make_notes):
    from salesmine.funnel import require_deals

    deals = assign_stages(make_notes(("1", "Неизвестно")), STAGES)
    with pytest.raises(InputError, match=r"^deals.csv: none of the 1 row\(s\) can be used, "
                                         r"e.g. row 1: stage 'Неизвестно' is not one of"):
        require_deals(deals)
    kept = assign_stages(make_notes(("1", K)), STAGES)
    assert require_deals(kept) is kept
