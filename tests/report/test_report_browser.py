"""Every page of the report set in headless Chromium: no console errors, no requests, nothing
sticking out sideways, a full-page screenshot each; the drill-down links filter the rows."""

from __future__ import annotations

import pytest

PAGES = ("index", "refusals", "managers", "process", "funnel")


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly(small_set, visit, name):
    seen = visit(small_set.pages[name])
    assert seen.errors == [], name
    assert seen.screenshot.stat().st_size > 20_000
    assert seen.title.endswith("· salesmine")
    assert seen.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_count_link_filters_the_rows_table(small_set, visit):
    seen = visit(small_set.pages["refusals"])
    script = """async () => {
        const link = document.querySelector('table.reason-table tbody tr a[href^="#rows?"]');
        link.click();
        await new Promise(resolve => setTimeout(resolve, 100));  // hashchange is asynchronous
        const visible = Array.from(document.querySelectorAll('#rows-table tbody tr'))
            .filter(r => !r.hidden).length;
        return [Number(link.textContent), visible,
                document.querySelector('#rows-filter').textContent,
                document.querySelector('#rows').classList.contains('filtered')];
    }"""
    count, visible, caption, filtered = seen.evaluate(script)
    assert count == visible > 0
    assert caption.startswith("причина: ") and filtered
    seen.evaluate("async () => { location.hash = '#rows';"
                  " await new Promise(resolve => setTimeout(resolve, 100)); }")
    assert seen.evaluate("() => Array.from(document.querySelectorAll('#rows-table tbody tr'))"
                         ".every(r => !r.hidden)")
    assert seen.errors == []


def test_link_from_another_page_arrives_filtered(small_set, visit):
    managers = small_set.soup("managers")
    href = managers.select_one('article[data-member="Борис Орлов"] a.stat.alert')["href"]
    target = small_set.pages["refusals"].resolve().as_uri() + href.removeprefix("refusals.html")
    seen = visit(small_set.pages["refusals"], url=target)
    visible = seen.evaluate("() => Array.from(document.querySelectorAll('#rows-table tbody tr'))"
                            ".filter(r => !r.hidden).map(r => r.dataset.manager)")
    assert visible == ["Борис Орлов"] * 3
    assert seen.errors == []


def test_pages_work_on_a_phone_width(small_set, visit):
    for name in ("index", "managers"):
        seen = visit(small_set.pages[name], width=420)
        assert seen.errors == []
        assert seen.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
