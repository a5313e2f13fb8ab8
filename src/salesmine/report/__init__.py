"""Self-contained HTML reports: templates, inline SVG charts, ru/en interface text.

``render_report(inputs, out_dir)`` renders every registered page whose inputs are present
(``render``); ``build_report(...)`` runs ``salesmine.analysis.analyze`` on the user's files first,
``render_analysis(...)`` renders an analysis already made, and ``demo_report(...)`` uses the bundled
sample (``build``).
"""

from salesmine.report.build import (
    ReportRun,
    build_report,
    demo_report,
    render_analysis,
    report_from_settings,
    sample_dir,
)
from salesmine.report.context import ReportInputs, report_language, strings
from salesmine.report.render import (
    PAGES,
    environment,
    register_page,
    render_page,
    render_report,
)

__all__ = [
    "PAGES",
    "ReportInputs",
    "ReportRun",
    "build_report",
    "demo_report",
    "environment",
    "render_analysis",
    "register_page",
    "render_page",
    "render_report",
    "report_from_settings",
    "report_language",
    "sample_dir",
    "strings",
]
