"""managers.html on the hand-built analysis: one card per person, figures against the frame,
interviews matched to CRM names through the people aliases, small samples marked, topics."""

from __future__ import annotations

import math
import re

import pytest
from conftest import link_filters, snapshot_check

from salesmine.records import Person
from salesmine.report.manager_stats import wilson
from salesmine.report.names import PeopleIndex


@pytest.fixture(scope="module")
def page(small_set):
    return small_set.soup("managers")


def card(page, name):
    return page.select_one(f'article.person[data-member="{name}"]')


def test_one_card_per_manager_and_interviewee_in_alphabetical_order(page):
    names = [a["data-member"] for a in page.select("article.person")]
    assert names == ["Анна Смирнова", "Борис Орлов", "Вера Ким", "Глеб Зуев",
                     "Петров Пётр Петрович"]


def test_overview_counts_equal_the_frame(page, small_set):
    frame = small_set.analysis.refusals
    for tr in page.select("table.people tbody tr"):
        member = tr["data-member"]
        mine = frame[frame["manager"] == member]
        assert int(tr["data-errors"]) == int(mine["manager_error"].sum())
        cells = [td.get_text(strip=True) for td in tr.select("td")]
        if not mine.empty:
            assert int(cells[1]) == len(mine)
            assert int(cells[3]) == int((mine["reason"] != "not_refusal").sum())


def test_error_quotes_on_the_card_link_to_the_rows(page):
    orlov = card(page, "Борис Орлов")
    cases = orlov.select("ul.error-cases li")
    assert len(cases) == 3
    assert "Оплата частями" in cases[0].get_text()
    link = orlov.select_one("a.stat.alert")
    target, filters = link_filters(link["href"])
    assert target == "refusals.html"
    assert filters == {"manager": "Борис Орлов", "flag": "error", "n": "3"}


def test_training_topics_name_the_catalog_items_and_the_missing_step(page):
    topics = card(page, "Борис Орлов").select(".topics li")
    text = " ".join(t.get_text(" ", strip=True) for t in topics)
    assert "2 клиентам сказано, что такого нет" in text and "Оплата частями" in text
    assert "выявить потребность" in text


def test_interview_is_matched_to_the_crm_name_through_aliases(page):
    smirnova = card(page, "Анна Смирнова")
    assert "Смирнова Анна Петровна" in smirnova.select_one(".person-head").get_text()
    assert "отправить КП" in smirnova.get_text()  # her order gap from the interview
    kim = card(page, "Вера Ким")
    assert "Интервью с этим сотрудником нет" in kim.get_text()


def test_small_sample_is_marked_and_not_sortable(page):
    zuev = card(page, "Глеб Зуев")
    assert "is-small" in zuev["class"] and zuev.select_one(".badge")
    row = page.select_one('table.people tr[data-member="Глеб Зуев"]')
    assert "small" in row["class"]
    assert row.select("td")[2]["data-sort"] == ""  # its conversion does not sort (not ranked)
    assert not zuev.select(".topic-rate")  # no topic from the rates of a small sample


def test_director_without_deals_gets_a_process_card(page):
    director = card(page, "Петров Пётр Петрович")
    assert "Сделок в CRM нет" in director.get_text()
    assert "изучить компанию" in director.get_text()


def test_funnel_intervals_show_the_managers_conversion(page):
    anna = card(page, "Анна Смирнова")
    texts = [t.get_text() for t in anna.select("svg.chart-intervals text.chart-value")]
    assert texts[-1] == "25,0\u00a0% (3/12)"  # won 3 of 12 deals: the whole funnel
    assert len(anna.select("svg.chart-intervals line.median")) == 4


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(5, 10, 0.2366, 0.7634), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0), (3, 40, 0.0258, 0.1986)],
)
def test_wilson_interval(k, n, low, high):
    rate = wilson(k, n)
    assert rate.low == pytest.approx(low, abs=1e-4) and rate.high == pytest.approx(high, abs=1e-4)


def test_wilson_without_trials_is_undefined():
    rate = wilson(0, 0)
    assert math.isnan(rate.share) and math.isnan(rate.low)


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        ("Артём Гусев", ["Баранова Кристина", "Гусев Артём Олегович"], "Гусев Артём Олегович"),
        ("Артем Гусев", ["Гусев Артём Олегович"], "Гусев Артём Олегович"),  # ё = е
        ("Тёма", ["Гусев Артём Олегович"], "Гусев Артём Олегович"),  # an alias
        ("Анна Смирнова", ["Смирнова Мария"], None),
        ("Гусев", ["Гусев Артём Олегович"], None),  # one word is not enough
    ],
)
def test_people_index_matches_names(name, candidates, expected):
    people = [Person("Гусев Артём Олегович", aliases=("Тёма", "Артём Гусев"))]
    assert PeopleIndex(people).match(name, candidates) == expected


def test_english_interface(small_set, tmp_path):
    from conftest import render_small

    soup = render_small(tmp_path, lang="en").soup("managers")
    text = soup.get_text(" ")
    assert "Suggested training topics" in text
    assert re.search(r"2 clients told we don.t have it", text)


def test_rendered_page_matches_snapshot(small_set):
    snapshot_check(small_set.html("managers"), "managers.html")
