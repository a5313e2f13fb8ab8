"""Fixtures shared by the report tests: a headless Chromium that loads a rendered page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Nothing outside the machine answers, so every background request Chromium makes is switched off.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class PageVisit:
    """What happened while a page was open in the browser."""

    errors: list[str]  # console errors, page errors and failed requests
    screenshot: Path
    title: str
    evaluate: Callable[[str], Any]  # run JavaScript in the (still open) page


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """The Debian Chromium driven by Playwright; the test is skipped where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium); browser checks skipped"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(chromium: Any, tmp_path: Path) -> Iterator[Callable[[Path], PageVisit]]:
    """Open an HTML file by file:// URL, collect console/page errors, save a screenshot."""
    contexts: list[Any] = []

    def open_page(path: Path, *, width: int = 1280, url: str | None = None) -> PageVisit:
        context = chromium.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on(
            "console",
            lambda msg: (
                errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
        page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
        page.on(
            "request",
            lambda req: (
                errors.append(f"external request: {req.url}")
                if not req.url.startswith(("file:", "data:"))
                else None
            ),
        )
        page.goto(url or Path(path).resolve().as_uri(), wait_until="load")
        shot = tmp_path / f"{Path(path).stem}.png"
        page.screenshot(path=str(shot), full_page=True)
        return PageVisit(errors, shot, page.title(), page.evaluate)

    yield open_page
    for context in contexts:
        context.close()


# ---- the hand-built Analysis (report_data.py) rendered once per session ----

GENERATED_AT = "2026-03-10 12:00"


@dataclass
class RenderedSet:
    """The pages of one render: paths, parsed HTML, and the analysis they came from."""

    analysis: Any
    pages: dict[str, Path]

    def soup(self, name: str) -> Any:
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.pages[name].read_text(encoding="utf-8"), "html.parser")

    def html(self, name: str) -> str:
        return self.pages[name].read_text(encoding="utf-8")


def render_small(out: Path, *, lang: str = "ru", redact: bool = True) -> RenderedSet:
    """Render the hand-built analysis into ``out``."""
    from report_data import small_analysis

    from salesmine.report import render_analysis

    analysis = small_analysis(lang=lang)
    pages = render_analysis(analysis, out, redact=redact, generated_at=GENERATED_AT)
    return RenderedSet(analysis, pages)


@pytest.fixture(scope="session")
def small_set(tmp_path_factory: pytest.TempPathFactory) -> RenderedSet:
    """The Russian pages of the hand-built analysis, personal data masked."""
    return render_small(tmp_path_factory.mktemp("small"))


def snapshot_check(html: str, name: str) -> None:
    """Compare a page (inline CSS/JS blanked) with tests/report/snapshots/<name>; regenerate with
    SALESMINE_UPDATE_SNAPSHOTS=1."""
    import os

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.select("style, script"):
        tag.string = "…"  # the stylesheet and script change often and are not what this guards
    text = str(soup)
    snapshot = Path(__file__).parent / "snapshots" / name
    if os.environ.get("SALESMINE_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.read_text(encoding="utf-8") == text, (
        f"{name} differs from its snapshot: run with SALESMINE_UPDATE_SNAPSHOTS=1 and review "
        "the diff"
    )


def link_filters(href: str) -> tuple[str, dict[str, str]]:
    """``refusals.html#rows?reason=price&n=3`` -> ("refusals.html", {"reason": "price", ...})."""
    from urllib.parse import parse_qsl

    page, _, fragment = href.partition("#")
    _, _, query = fragment.partition("?")
    return page, dict(parse_qsl(query))


def matching_rows(soup: Any, filters: dict[str, str]) -> list[Any]:
    """Rows of the rows table that the page script would show for ``filters``."""
    rows = soup.select("#rows-table tbody tr")
    wanted = {k: v for k, v in filters.items() if k != "n"}
    out = []
    for row in rows:
        ok = all(
            value in row["data-flags"].split() if key == "flag" else row.get(f"data-{key}") == value
            for key, value in wanted.items()
        )
        if ok:
            out.append(row)
    return out
