"""The whole report set on the bundled sample (340 deals, 8 interviews) end to end: the pages'
numbers against the analysis they were rendered from, and every page in the browser.

Needs a refusal model: SALESMINE_TEST_MODEL=DIR when set (e.g. one trained with `salesmine
train`), else the shipped one; skipped when there is neither.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import GENERATED_AT, link_filters, matching_rows

from salesmine.analysis import Inputs, analyze
from salesmine.config import load_settings
from salesmine.refusals.model import META_FILE, default_model_dir
from salesmine.report import render_analysis, sample_dir

MAX_PAGE_BYTES = 5_000_000


def _model_dir() -> Path | None:
    given = os.environ.get("SALESMINE_TEST_MODEL")
    if given and (Path(given) / META_FILE).is_file():
        return Path(given)
    if (default_model_dir() / META_FILE).is_file():
        return None
    pytest.skip("no refusal model installed (set SALESMINE_TEST_MODEL=DIR to use another)")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    settings = load_settings(sample_dir() / "salesmine.toml")
    analysis = analyze(Inputs.from_settings(settings, model_dir=_model_dir()), settings)
    out = tmp_path_factory.mktemp("sample")
    pages = render_analysis(analysis, out, generated_at=GENERATED_AT)
    from conftest import RenderedSet

    return RenderedSet(analysis, pages)


def test_every_page_is_written_and_small(sample):
    assert list(sample.pages) == ["index", "refusals", "managers", "process", "funnel"]
    for path in sample.pages.values():
        assert path.stat().st_size < MAX_PAGE_BYTES


def test_reason_counts_equal_the_classification(sample):
    frame = sample.analysis.refusals
    expected = frame[frame["reason"] != "not_refusal"]["reason"].value_counts().to_dict()
    soup = sample.soup("refusals")
    rows = soup.select("table.reason-table tbody tr")
    shown = {tr["data-reason"]: int(tr["data-count"]) for tr in rows}
    assert shown == expected


def test_every_count_links_to_exactly_its_rows(sample):
    soup = sample.soup("refusals")
    for a in soup.select("a[href^='#rows?']"):
        _, filters = link_filters(a["href"])
        assert len(matching_rows(soup, filters)) == int(filters["n"]), a["href"]


def test_manager_errors_per_manager_agree_with_the_rollup(sample):
    frame, rollup = sample.analysis.refusals, sample.analysis.rollup
    per = frame.groupby("manager")["manager_error"].sum()
    managers = rollup[rollup["level"] == "manager"].set_index("group")
    soup = sample.soup("managers")
    for tr in soup.select("table.people tbody tr"):
        name = tr["data-member"]
        if name in per.index:
            assert int(tr["data-errors"]) == int(per[name])
            other = int(managers.loc[name].get("manager_errors_other", 0))
            assert int(tr["data-errors"]) == int(managers.loc[name, "manager_errors"]) + other


def test_interviews_are_matched_to_crm_managers(sample):
    soup = sample.soup("managers")
    gusev = soup.select_one('article.person[data-member="Артём Гусев"]')
    assert "Гусев Артём Олегович" in gusev.select_one(".person-head").get_text()
    assert gusev.select(".gap-group")  # his interview's gaps are on his card
    assert len(soup.select("article.person")) == 13  # 12 managers + the director


def test_activity_supports_equal_the_process(sample):
    soup = sample.soup("process")
    supports = {tr["data-activity"]: int(tr["data-support"])
                for tr in soup.select("table.activities tbody tr")}
    assert supports == {a.id: a.support for a in sample.analysis.process.activities}


def test_planted_personal_data_is_masked(sample):
    html = sample.html("refusals")
    assert "melnikov.ov@mail.ru" not in html and "+7 926 118-40-22" not in html
    assert "<script>alert(1)</script>" in sample.soup("refusals").get_text()


@pytest.mark.parametrize("name", ["index", "refusals", "managers", "process", "funnel"])
def test_page_in_the_browser(sample, visit, name):
    seen = visit(sample.pages[name])
    assert seen.errors == [], name
    assert seen.screenshot.stat().st_size > 20_000
    assert seen.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
