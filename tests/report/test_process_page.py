"""process.html and the process diagram on the hand-built process: supports, the gap matrix,
order variants, optional steps drawn dashed, escaping, the snapshot."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup
from conftest import snapshot_check
from report_data import PHONE, process

from salesmine.report.process_diagram import process_diagram


@pytest.fixture(scope="module")
def page(small_set):
    return small_set.soup("process")


def test_activity_supports_equal_the_process(page, small_set):
    activities = small_set.analysis.process.activities
    rows = page.select("table.activities tbody tr")
    assert [tr["data-activity"] for tr in rows] == [a.id for a in activities]
    for tr, activity in zip(rows, activities, strict=True):
        assert int(tr["data-support"]) == activity.support
        assert tr.select_one(".support-num").get_text() == f"{activity.support}/3"


def test_matrix_marks_told_missing_and_swapped_steps(page):
    rows = {tr["data-employee"]: tr for tr in page.select("table.gap-matrix tbody tr")}
    orlov = [td.get_text() for td in rows["Орлов Борис Ильич"].select("td")[1:6]]
    assert orlov == ["1", "2", "✕", "3", "4"]
    smirnova = rows["Смирнова Анна Петровна"].select("td")[1:6]
    assert "m-order" in smirnova[4]["class"] and smirnova[4].get_text() == "4⇄"
    assert rows["Петров Пётр Петрович"].select("td")[-1].get_text() == "1"  # one personal step


def test_order_variants_are_listed_as_data(page):
    cells = [td.get_text(strip=True) for td in page.select("table.variants tbody tr td")]
    assert cells[:3] == ["отправить КП", "провести <b>встречу</b>", "1 из 3"]


def test_activity_names_and_quotes_are_escaped_and_masked(page, small_set):
    html = small_set.html("process")
    assert "<b>встречу</b>" not in html.replace("&lt;b&gt;", "")
    assert "провести <b>встречу</b>" in page.get_text()
    assert PHONE not in html and "[телефон]" in html


def test_diagram_draws_optional_steps_dashed_and_support_as_width():
    optional = dataclasses.replace(
        process(),
        activities=tuple(dataclasses.replace(a, core=a.id != "A03") for a in process().activities),
    )
    svg = BeautifulSoup(str(process_diagram(optional, title="t")), "html.parser")
    nodes = svg.select("g.node")
    assert len(nodes) == 5
    dashed = [g["data-activity"] for g in nodes if g.rect.get("stroke-dasharray")]
    assert dashed == ["A03"]
    widths = {g["data-activity"]: float(g.rect["stroke-width"]) for g in nodes}
    assert widths["A01"] > widths["A03"]  # named by 3 of 3 against 2 of 3
    assert len(svg.select("path.flow")) == 4


def test_diagram_wraps_into_rows_left_to_right():
    many = dataclasses.replace(process(), activities=process().activities * 3)
    svg = BeautifulSoup(str(process_diagram(many, title="t", width=600)), "html.parser")
    xs = [float(g.rect["x"]) for g in svg.select("g.node")]
    ys = [float(g.rect["y"]) for g in svg.select("g.node")]
    assert xs[0] < xs[1] < xs[2] and ys[0] == ys[1] == ys[2]
    assert ys[3] > ys[0] and xs[3] == xs[0]  # the fourth box starts the next row


def test_rendered_page_matches_snapshot(small_set):
    snapshot_check(small_set.html("process"), "process.html")
