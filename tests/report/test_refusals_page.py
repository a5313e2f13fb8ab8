"""refusals.html on the hand-built analysis: every number against the frame it came from, every
count link against the rows it shows, redaction, escaping, the snapshot."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import link_filters, matching_rows, render_small, snapshot_check
from report_data import CARD, EMAIL, PHONE

from salesmine.report.refusal_rows import stored_rows


def number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@pytest.fixture(scope="module")
def page(small_set):
    return small_set.soup("refusals")


@pytest.fixture(scope="module")
def refused(small_set):
    frame = small_set.analysis.refusals
    return frame[frame["reason"] != "not_refusal"]


def test_reason_counts_equal_the_classified_rows(page, refused):
    expected = refused["reason"].value_counts()
    rows = page.select("table.reason-table tbody tr")
    shown = {tr["data-reason"]: int(tr["data-count"]) for tr in rows}
    assert shown == expected.to_dict()
    for tr in page.select("table.reason-table tbody tr"):
        assert number(tr.select("td")[1].get_text()) == expected[tr["data-reason"]]
    headline = page.select_one(".headline .metric .value").get_text()
    assert number(headline) == len(refused) == 24


def test_level_tables_count_refusals_errors_and_unclarified_per_manager(page, small_set, refused):
    frame = small_set.analysis.refusals
    rows = page.select("#by-manager table tbody tr")
    assert {tr["data-group"] for tr in rows} == set(refused["manager"])
    header = [th.get_text(strip=True) for th in page.select("#by-manager table thead th")]
    for tr in rows:
        cells = [td.get_text(strip=True) for td in tr.select("td")]
        manager = tr["data-group"]
        mine = refused[refused["manager"] == manager]
        assert number(cells[1]) == len(mine)
        errors = int(frame.loc[frame["manager"] == manager, "manager_error"].sum())  # any deal
        assert cells[header.index("Ошибки менеджеров")] in (str(errors), "·" if not errors else "")
        assert cells[header.index("Причина не выяснена")].replace("·", "0") == str(
            int(mine["reason_unclarified"].sum()))


def test_every_count_link_shows_exactly_its_rows(page):
    links = [a for a in page.select("a[href^='#rows?']")]
    assert len(links) > 40
    for a in links:
        _, filters = link_filters(a["href"])
        shown = matching_rows(page, filters)
        assert len(shown) == int(filters["n"]), a["href"]
        text = a.get_text(strip=True)
        if text.isdigit():
            assert int(text) == int(filters["n"])


def test_manager_error_cases_list_the_quote_and_the_catalog_item(page, small_set):
    frame = small_set.analysis.refusals
    errors = frame[frame["manager_error"] == 1]
    cases = page.select("#errors table.cases tbody tr")
    assert len(cases) == len(errors) == 3
    for tr in cases:
        row = errors[errors["id"] == tr["data-id"]].iloc[0]
        assert tr["data-item"] == row["catalog_match"]
        assert row["mentioned_product"] in tr.get_text()
    assert "Оплата частями" in page.select_one("#errors").get_text()


def test_crm_crosstab_rows_add_up_and_mark_agreement(page, refused):
    rows = page.select("#crm table tbody tr")
    totals = {tr["data-crm"]: number(tr.select("td")[1].get_text()) for tr in rows}
    expected = refused["crm_reason"].replace("", "—").value_counts().to_dict()
    assert totals == expected
    price_row = page.select_one('#crm tr[data-crm="Цена"]')
    assert price_row.select_one("td.agree").get_text(strip=True) == str(
        int(((refused["crm_reason"] == "Цена") & (refused["reason"] == "price")).sum()))


def test_small_groups_are_marked(page):
    small = page.select_one('#by-manager tr[data-group="Глеб Зуев"]')
    assert "small" in small["class"] and small.select_one(".badge")


def test_personal_data_is_masked_but_amounts_dates_ids_stay(small_set):
    html = small_set.html("refusals")
    for secret in (PHONE, EMAIL, CARD, "ivan.petrov"):
        assert secret not in html
    assert "[телефон]" in html and "[e-mail]" in html and "[карта]" in html
    assert "1 200 000 руб" in html and "12.03.2026" in html and "5000" in html


def test_no_redact_keeps_personal_data(tmp_path):
    html = render_small(tmp_path, redact=False).html("refusals")
    assert PHONE in html and EMAIL in html and CARD in html
    assert "[телефон]" not in html


def test_a_script_in_a_note_is_shown_as_text(page, small_set):
    html = small_set.html("refusals")
    assert len(page.find_all("script")) == 1
    assert "<script>alert('x')</script>" in page.get_text()
    assert "&lt;script&gt;alert(" in html


def test_stored_rows_are_capped_per_group_on_large_tables():
    table = pd.DataFrame({
        "reason": ["price", "timing"] * 500, "manager": [f"m{i % 50}" for i in range(1000)],
        "department": "d", "branch": "b", "month": "2026-01", "stage": "s", "crm_reason": "—",
        "flags": ["refusal error" if i % 97 == 0 else "refusal" for i in range(1000)],
    })
    keep, cap = stored_rows(table, 300)
    assert cap is not None and len(keep) <= 300
    kept = table.loc[keep]
    assert kept.groupby(["reason", "manager"]).size().min() >= 1  # every cell keeps a row
    assert (kept["flags"] == "refusal error").sum() == 11  # each manager's errors are kept
    assert stored_rows(table, 5000) == (table.index, None)


def test_english_interface(tmp_path):
    soup = render_small(tmp_path, lang="en").soup("refusals")
    assert soup.h1.get_text() == "Why clients say no"
    assert soup.html["lang"] == "en"


def test_rendered_page_matches_snapshot(small_set):
    snapshot_check(small_set.html("refusals"), "refusals.html")


def test_month_chart_thins_labels_so_they_never_overlap():
    from bs4 import BeautifulSoup

    from salesmine.report.reason_charts import Series, month_columns

    months = [f"2025-{m:02d}" for m in range(1, 13)] + [f"2026-{m:02d}" for m in range(1, 13)]
    svg = month_columns(months, [Series("price", "Цена", "#e15759")], [[5]] * 24, title="t",
                        width=600)
    xs = [float(t["x"]) for t in BeautifulSoup(str(svg), "html.parser").select("text.chart-axis")]
    assert 1 < len(xs) < 24
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) > 7 * 13 * 0.58
