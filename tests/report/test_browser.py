"""The report pages in headless Chromium: no console/page errors, no requests, a screenshot each."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.config import load_settings
from salesmine.report import build_report

DATA = Path(__file__).parents[1] / "data" / "funnel"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    run = build_report(
        [DATA / "bitrix_deals.csv"],
        out,
        settings=load_settings(DATA / "salesmine.toml"),
        people=DATA / "people.csv",
        generated_at="2026-03-10 12:00",
    )
    return run.pages


def test_every_page_loads_without_errors(pages, visit):
    for name, path in pages.items():
        seen = visit(path)
        assert seen.errors == [], name
        assert seen.screenshot.stat().st_size > 20_000
        assert seen.title.endswith("· salesmine")
        # Nothing sticks out sideways at a laptop width (wide tables scroll inside their box).
        assert seen.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_funnel_page_on_a_phone_width(pages, visit):
    seen = visit(pages["funnel"], width=400)
    assert seen.errors == []
    assert seen.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_tables_sort_by_clicked_column(pages, visit):
    seen = visit(pages["funnel"])
    script = """() => {
        const table = document.querySelector('#level-manager table.kpi-summary');
        const values = () => Array.from(table.tBodies[0].rows,
                                        r => Number(r.cells[1].dataset.sort));
        table.tHead.rows[0].cells[1].click();
        const up = values();
        table.tHead.rows[0].cells[1].click();
        return [up, values()];
    }"""
    ascending, descending = seen.evaluate(script)
    assert ascending == sorted(ascending) and descending == sorted(descending, reverse=True)
    assert ascending != descending
    assert seen.errors == []
