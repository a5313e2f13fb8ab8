"""index.html on the hand-built analysis: headline numbers, what needs attention with links that
land on the right rows, the links to every page, the snapshot."""

from __future__ import annotations

import re

import pytest
from conftest import link_filters, matching_rows, snapshot_check


@pytest.fixture(scope="module")
def page(small_set):
    return small_set.soup("index")


def test_headline_numbers(page, small_set):
    frame = small_set.analysis.refusals
    values = {
        c.select_one(".label").get_text(strip=True): c.select_one(".value").get_text(strip=True)
        for c in page.select(".headline .metric")
    }
    assert values["Сделок в воронке"] == "40"
    assert values["Отказов"] == str(int((frame["reason"] != "not_refusal").sum()))
    assert values["Ошибки менеджеров"] == str(int(frame["manager_error"].sum())) == "3"


def test_attention_names_the_manager_with_errors_first(page, small_set):
    items = page.select("#attention li")
    first = items[0]
    assert "alert" in first["class"]
    assert re.match(r"Борис Орлов: 3 случая «у нас нет»", first.get_text(strip=True))
    target, filters = link_filters(first.a["href"])
    assert target == "refusals.html"
    rows = matching_rows(small_set.soup("refusals"), filters)
    assert len(rows) == int(filters["n"]) == 3
    assert any("выявить потребность" in li.get_text() for li in items)


def test_every_page_is_linked(page, small_set):
    hrefs = {a["href"] for a in page.select(".tiles a")}
    assert hrefs == {"refusals.html", "managers.html", "process.html", "funnel.html"}
    nav = [a["href"] for a in page.select("header nav a")]
    assert nav == ["index.html", "refusals.html", "managers.html", "process.html", "funnel.html"]
    for name in ("refusals", "managers", "process", "funnel"):
        assert small_set.pages[name].is_file()


def test_rendered_page_matches_snapshot(small_set):
    snapshot_check(small_set.html("index"), "index.html")
