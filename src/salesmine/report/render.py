"""Rendering the report pages: one Jinja environment, a registry of pages, atomic writes.

A page is a template ``<name>.html`` plus a function ``ReportInputs -> dict | None`` that builds
its context (``None`` when its inputs are absent, so the page is skipped and not linked).
To add a page: write the template and the context function, then ``register_page`` it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from salesmine import __version__
from salesmine.output import write_text
from salesmine.report.context import ReportInputs, strings
from salesmine.report.funnel_context import funnel_page
from salesmine.report.index_context import index_page
from salesmine.report.managers_context import managers_page
from salesmine.report.process_context import process_page
from salesmine.report.refusals_context import refusals_page

PageBuilder = Callable[[ReportInputs], "dict[str, Any] | None"]

# Navigation order of every page the report can have; only rendered pages are linked.
NAV_ORDER = ("index", "refusals", "managers", "process", "funnel")


@dataclass(frozen=True)
class Page:
    """A report page: ``<name>.html`` rendered from the context ``build`` returns."""

    name: str
    build: PageBuilder

    @property
    def template(self) -> str:
        return f"{self.name}.html"


PAGES: dict[str, Page] = {}


def register_page(name: str, build: PageBuilder) -> None:
    """Add (or replace) a page; its place in the navigation follows ``NAV_ORDER``."""
    PAGES[name] = Page(name, build)


register_page("funnel", funnel_page)
register_page("refusals", refusals_page)
register_page("managers", managers_page)
register_page("process", process_page)
register_page("index", index_page)


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja environment: package templates, autoescaping everywhere, strict variables."""
    return Environment(
        loader=PackageLoader("salesmine.report"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.lru_cache(maxsize=4)
def static_text(name: str) -> Markup:
    """A file from ``report/static`` (CSS, JavaScript) to inline into a page."""
    return Markup(
        (resources.files("salesmine.report") / "static" / name).read_text(encoding="utf-8")
    )


def render_page(template_name: str, context: dict[str, Any], path: Path) -> Path:
    """Render ``template_name`` with ``context`` and write it to ``path`` atomically."""
    html = environment().get_template(template_name).render(context)
    return write_text(Path(path), html)


def render_report(inputs: ReportInputs, out_dir: Path) -> dict[str, Path]:
    """Render every page whose inputs are present into ``out_dir``; returns ``{page: path}``."""
    names = sorted(PAGES, key=lambda n: NAV_ORDER.index(n) if n in NAV_ORDER else len(NAV_ORDER))
    contexts = {name: PAGES[name].build(inputs) for name in names}
    built = {name: ctx for name, ctx in contexts.items() if ctx is not None}
    t = strings(inputs.lang)
    nav = [{"name": name, "href": f"{name}.html", "label": t[f"nav_{name}"]} for name in built]
    base = {
        "lang": inputs.lang,
        "t": t,
        "nav": nav,
        "generated_at": inputs.generated_at,
        "version": __version__,
        "css": static_text("report.css"),
        "script": static_text("report.js"),
    }
    out_dir = Path(out_dir)
    return {
        name: render_page(
            PAGES[name].template, {**base, "page": name, **ctx}, out_dir / f"{name}.html"
        )
        for name, ctx in built.items()
    }
