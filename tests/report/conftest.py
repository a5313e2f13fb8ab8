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

    def open_page(path: Path, *, width: int = 1280) -> PageVisit:
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
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        shot = tmp_path / f"{Path(path).stem}.png"
        page.screenshot(path=str(shot), full_page=True)
        return PageVisit(errors, shot, page.title(), page.evaluate)

    yield open_page
    for context in contexts:
        context.close()
