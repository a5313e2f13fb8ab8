"""salesmine: sales-department text mining (refusal reasons, manager errors, process, funnel).

The public Python API is re-exported here; each name is loaded on first use, so
``import salesmine`` stays fast for the CLI.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "load_notes": "salesmine.ingest",
    "load_catalog": "salesmine.ingest",
    "load_people": "salesmine.ingest",
    "load_transcripts": "salesmine.ingest",
    "classify_refusals": "salesmine.refusals",
    "manager_rollup": "salesmine.refusals",
    "discover_process": "salesmine.process",
    "compute_kpis": "salesmine.funnel",
    "render_report": "salesmine.report",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'salesmine' has no attribute {name!r}")
