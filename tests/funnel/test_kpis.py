"""Funnel KPI arithmetic against hand-computed tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from salesmine.errors import ConfigError
from salesmine.funnel import KPI_COLUMNS, compute_kpis, order_levels
from salesmine.records import Person

K, V, D = "Контакт", "Встреча", "Договор"
STAGES = (K, V, D)


def rows(table: pd.DataFrame) -> list[tuple]:
    """(level, group, from, to, input, successful, headcount) per KPI row, in output order."""
    return [
        tuple(r)
        for r in table[
            ["level", "group", "stage_from", "stage_to", "input", "successful", "headcount"]
        ].itertuples(index=False)
    ]


# A: both deals reach the end (conversion 1.0); B: no deal gets past the first stage (0 results).
TWO_MANAGERS = (
    ("1", D, "won", "A", "Sales", "Msk"),
    ("2", D, "won", "A", "Sales", "Msk"),
    ("3", K, "lost", "B", "Sales", "Msk"),
    ("4", K, "lost", "B", "Sales", "Msk"),
)
OPEN_DEALS = (
    ("1", D, "won", "A"),
    ("2", V, "open", "A"),
    ("3", K, "lost", "B"),
)

CASES = {
    "zero successes and conversion 1.0": (
        TWO_MANAGERS,
        (K, D),
        ("manager",),
        {},
        [
            ("manager", "A", K, D, 2, 2, 1),
            ("manager", "B", K, D, 2, 0, 1),
        ],
    ),
    "open deal is input of its next transition": (
        OPEN_DEALS,
        STAGES,
        ("company",),
        {},
        [
            ("company", "all", K, V, 3, 2, 2),
            ("company", "all", V, D, 2, 1, 2),
            ("company", "all", K, D, 3, 1, 2),
        ],
    ),
    "closed_only leaves the open deal out": (
        OPEN_DEALS,
        STAGES,
        ("company",),
        {"closed_only": True},
        [
            ("company", "all", K, V, 2, 1, 2),
            ("company", "all", V, D, 1, 1, 2),
            ("company", "all", K, D, 2, 1, 2),
        ],
    ),
    "event log: furthest stage per deal, skipped stage counts as passed": (
        (
            ("1", K, "", "A"),
            ("1", V, "", "A"),
            ("1", D, "won", "A"),
            ("2", K, "", "A"),
            ("2", V, "lost", "A"),
            ("3", K, "lost", "B"),
            ("4", K, "", "B"),
            ("4", D, "won", "B"),
            ("5", "Сделка провалена", "lost", "B"),
        ),
        STAGES,
        ("company", "manager"),
        {"events": True},
        [
            ("company", "all", K, V, 5, 3, 2),
            ("company", "all", V, D, 3, 2, 2),
            ("company", "all", K, D, 5, 2, 2),
            ("manager", "A", K, V, 2, 2, 1),
            ("manager", "A", V, D, 2, 1, 1),
            ("manager", "A", K, D, 2, 1, 1),
            ("manager", "B", K, V, 3, 1, 1),
            ("manager", "B", V, D, 1, 1, 1),
            ("manager", "B", K, D, 3, 1, 1),
        ],
    ),
    "nested levels are named by their path": (
        (
            ("1", D, "won", "Иванов", "Корп", "Москва"),
            ("2", K, "lost", "Петров", "Розница", "Москва"),
            ("3", D, "won", "Сидоров", "Розница", "Казань"),
        ),
        (K, D),
        ("manager", "branch", "department", "company"),
        {},
        [
            ("company", "all", K, D, 3, 2, 3),
            ("branch", "Казань", K, D, 1, 1, 1),
            ("branch", "Москва", K, D, 2, 1, 2),
            ("department", "Казань / Розница", K, D, 1, 1, 1),
            ("department", "Москва / Корп", K, D, 1, 1, 1),
            ("department", "Москва / Розница", K, D, 1, 0, 1),
            ("manager", "Казань / Розница / Сидоров", K, D, 1, 1, 1),
            ("manager", "Москва / Корп / Иванов", K, D, 1, 1, 1),
            ("manager", "Москва / Розница / Петров", K, D, 1, 0, 1),
        ],
    ),
    "path covers only the requested levels": (
        (("1", D, "won", "Иванов", "Корп", "Москва"), ("2", K, "lost", "", "Корп", "Москва")),
        (K, D),
        ("department", "manager"),
        {},
        [
            ("department", "Корп", K, D, 2, 1, 1),
            ("manager", "Корп / Иванов", K, D, 1, 1, 1),
            ("manager", "Корп / —", K, D, 1, 0, 0),
        ],
    ),
    "stage values match case, space and ё insensitively; terminal statuses": (
        (
            ("1", "  ДОГОВОР ", "won"),
            ("2", "встреча", "open"),
            ("3", "Сделка успешна", ""),
            ("4", "Сделка провалена", "lost"),
            ("5", "", "lost"),
        ),
        STAGES,
        ("company",),
        {},
        [
            ("company", "all", K, V, 5, 3, 0),
            ("company", "all", V, D, 3, 2, 0),
            ("company", "all", K, D, 5, 2, 0),
        ],
    ),
}


@pytest.mark.parametrize(
    ("deals", "stages", "by", "options", "expected"), CASES.values(), ids=CASES.keys()
)
def test_kpis_equal_hand_computed_table(make_notes, deals, stages, by, options, expected):
    table = compute_kpis(make_notes(*deals), stages, by, **options)
    assert rows(table) == expected
    for row in table.itertuples():
        assert _same(row.conversion, row.successful / row.input if row.input else math.nan)
        assert _same(
            row.productivity, row.successful / row.headcount if row.headcount else math.nan
        )
        assert _same(row.activity, row.input / row.headcount if row.headcount else math.nan)


def test_ratios_hand_computed(make_notes):
    table = compute_kpis(make_notes(*OPEN_DEALS), STAGES, ("company",)).set_index("stage_to")
    assert table.loc[V, "conversion"] == pytest.approx(2 / 3)
    assert table.loc[V, "productivity"] == pytest.approx(1.0)
    assert table.loc[V, "activity"] == pytest.approx(1.5)
    by_manager = compute_kpis(make_notes(*TWO_MANAGERS), (K, D), ("manager",)).set_index("group")
    assert by_manager.loc["A", "conversion"] == 1.0
    assert by_manager.loc["B", "conversion"] == 0.0


def test_no_input_gives_empty_conversion(make_notes):
    table = compute_kpis(make_notes(("1", K, "lost", "A")), STAGES, ("company",))
    second = table[table["stage_from"] == V].iloc[0]
    assert (second["input"], second["successful"]) == (0, 0)
    assert math.isnan(second["conversion"])
    assert second["productivity"] == 0.0


def test_columns_and_types(make_notes):
    table = compute_kpis(make_notes(*OPEN_DEALS), STAGES)
    assert tuple(table.columns) == KPI_COLUMNS
    assert {table[c].dtype.kind for c in ("input", "successful", "headcount")} == {"i"}
    assert {table[c].dtype.kind for c in ("conversion", "productivity", "activity")} == {"f"}


def test_period_month_splits_groups_by_date(make_notes):
    frame = make_notes(
        ("1", D, "won", "A", "", "", "2026-01-05"),
        ("2", K, "lost", "A", "", "", "2026-01-20"),
        ("3", K, "lost", "B", "", "", "2026-02-02"),
        ("4", D, "won", "A", "", "", ""),
    )
    table = compute_kpis(frame, (K, D), ("company",), period="month")
    assert list(table.columns) == [*KPI_COLUMNS, "period"]
    got = [(r.period, r.input, r.successful, r.headcount) for r in table.itertuples()]
    assert got == [("2026-01", 2, 1, 1), ("2026-02", 1, 0, 1), ("—", 1, 1, 1)]


def test_period_week_uses_iso_weeks(make_notes):
    frame = make_notes(
        ("1", D, "won", "A", "", "", "2026-01-01"), ("2", D, "won", "A", "", "", "2025-12-29")
    )
    table = compute_kpis(frame, (K, D), period="week")
    assert list(table["period"]) == ["2026-W01"]
    assert list(table["input"]) == [2]


def test_people_table_adds_staff_without_deals_and_merges_aliases(make_notes):
    frame = make_notes(
        ("1", D, "won", "Иванов И.", "Корп", "Москва"), ("2", K, "lost", "Петров", "Корп", "Москва")
    )
    people = [
        Person("Иванов Иван", "Корп", "Москва", aliases=("Иванов И.",)),
        Person("Орлов Олег", "Корп", "Москва"),
        Person("Директор", "Дирекция", "Москва"),  # not a funnel department: not counted
    ]
    table = compute_kpis(frame, (K, D), ("company", "department", "manager"), headcount=people)
    heads = dict(zip(table["level"] + ":" + table["group"], table["headcount"], strict=True))
    assert heads == {
        "company:all": 3,
        "department:Корп": 3,
        "manager:Корп / Иванов И.": 1,
        "manager:Корп / Петров": 1,
    }
    company = table[table["level"] == "company"].iloc[0]
    assert company["productivity"] == pytest.approx(1 / 3)


def test_headcount_mapping_overrides_counted_managers(make_notes):
    table = compute_kpis(
        make_notes(*TWO_MANAGERS), (K, D), ("company",), headcount={("company", "all"): 8}
    )
    assert table.iloc[0]["headcount"] == 8
    assert table.iloc[0]["activity"] == pytest.approx(4 / 8)


def test_aliases_map_extra_crm_values(make_notes):
    frame = make_notes(("1", "Подготовка документов", "open"), ("2", "Архив", "lost"))
    table = compute_kpis(frame, STAGES, aliases={"Подготовка документов": V, "архив": "lost"})
    assert rows(table)[0][4:6] == (2, 1)


def test_alias_to_unknown_stage_is_a_config_error(make_notes):
    with pytest.raises(ConfigError, match="not in the stage list"):
        compute_kpis(make_notes(*OPEN_DEALS), STAGES, aliases={"x": "Нет такого"})


def test_input_frame_is_not_modified(make_notes):
    frame = make_notes(*OPEN_DEALS)
    before = frame.copy()
    compute_kpis(frame, STAGES, ("company", "manager"), closed_only=True, period="month")
    pd.testing.assert_frame_equal(frame, before)


def test_empty_notes_give_empty_table(make_notes):
    table = compute_kpis(make_notes(("1", K, "lost")).iloc[0:0], STAGES)
    assert table.empty
    assert tuple(table.columns) == KPI_COLUMNS


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("manager,branch", ("branch", "manager")),
        (["department", "company"], ("company", "department")),
    ],
)
def test_order_levels(by, expected):
    assert order_levels(by) == expected


@pytest.mark.parametrize("by", ["city", "", ["company", "team"]])
def test_order_levels_rejects_unknown(by):
    with pytest.raises(ConfigError, match="--by"):
        order_levels(by)


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)
