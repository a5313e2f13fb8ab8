"""Number formatting, interface strings and language choice for the report pages."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from salesmine.report.context import (
    STRINGS,
    cell,
    format_date,
    format_decimal,
    format_int,
    format_percent,
    group_cell,
    make_table,
    report_language,
    strings,
)

NB = "\u00a0"


@pytest.mark.parametrize(
    ("func", "value", "lang", "expected"),
    [
        (format_int, 1234, "ru", f"1{NB}234"),
        (format_int, 1234567, "en", "1,234,567"),
        (format_int, 7, "ru", "7"),
        (format_int, math.nan, "ru", "—"),
        (format_percent, 0.456, "ru", f"45,6{NB}%"),
        (format_percent, 0.456, "en", "45.6%"),
        (format_percent, 1.0, "en", "100.0%"),
        (format_percent, math.nan, "en", "—"),
        (format_decimal, 2.25, "ru", "2,2"),
        (format_decimal, 1234.5, "ru", f"1{NB}234,5"),
        (format_decimal, 1234.5, "en", "1,234.5"),
        (format_decimal, math.nan, "ru", "—"),
        (format_date, pd.Timestamp("2026-02-03 09:41"), "ru", "03.02.2026"),
        (format_date, pd.Timestamp("2026-02-03"), "en", "2026-02-03"),
        (format_date, pd.NaT, "en", "—"),
    ],
)
def test_formatting(func, value, lang, expected):
    assert func(value, lang) == expected


def test_every_string_exists_in_both_languages():
    assert all(len(pair) == 2 and all(pair) for pair in STRINGS.values())
    assert strings("ru")["funnel_title"] == "Воронка продаж"
    assert strings("en")["funnel_title"] == "Sales funnel"


@pytest.mark.parametrize(
    ("texts", "requested", "expected"),
    [
        (["Клиент сказал дорого", "Встреча"], None, "ru"),
        (["Client said too expensive", "Meeting set"], None, "en"),
        (["Клиент сказал дорого"], "en", "en"),
    ],
)
def test_report_language(texts, requested, expected):
    frame = pd.DataFrame({"text": texts, "stage": "", "manager": ""})
    assert report_language(frame, requested) == expected


def test_group_cell_shows_the_leaf_with_its_parents_above():
    assert group_cell("Москва / Отдел / Иванов") == {
        "text": "Иванов",
        "sort": None,
        "cls": "group",
        "sub": "Москва / Отдел",
    }
    assert group_cell("Москва")["sub"] == ""


def test_make_table_aligns_numeric_columns_like_their_cells():
    table = make_table(["Group", "N"], [{"cells": [cell("a", "a"), cell("1", 1, numeric=True)]}])
    assert [c["cls"] for c in table["columns"]] == ["", "num"]
    assert table["rows"][0]["badge"] == "" and table["rows"][0]["attrs"] == {}
    assert cell("—", math.nan, numeric=True)["sort"] == ""  # numeric: missing sorts last
    assert cell("2,5", 2.5000001234, numeric=True)["sort"] == 2.5
    assert cell("текст")["sort"] is None  # text cells sort by what they show
