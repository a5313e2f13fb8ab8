"""Files others can open: process.json, alignment.csv, gaps.csv, BPMN, XES event log, Mermaid.

All builders are pure (process -> dict / frame / text); ``write_process`` writes them, each file
atomically through ``salesmine.output``.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import asdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from salesmine.output import write_table, write_text
from salesmine.process.bpmn import bpmn_xml
from salesmine.process.model import PERSONAL, Process

ALIGNMENT_COLUMNS = ("employee", "source", "position", "quote", "step_name", "activity_id")
GAP_COLUMNS = (
    "employee",
    "kind",
    "activity_id",
    "activity",
    "evidence",
    "support",
    "others",
    "quote",
    "other_activity_id",
)
# XES needs time stamps; interviews give only an order, so events get synthetic minutes from this
# fixed origin (position k -> origin + k minutes). Only their order means anything.
XES_ORIGIN = datetime(2000, 1, 1, tzinfo=timezone.utc)
_OF = {"ru": "из", "en": "of"}
# Mermaid lists (as comments) only orders told by at least this many people; the JSON has all.
MERMAID_MIN_VARIANT = 2


def support_text(count: int, total: int, language: str) -> str:
    """ "7 из 8" / "7 of 8"."""
    return f"{count} {_OF.get(language, 'of')} {total}"


def process_dict(process: Process) -> dict:  # type: ignore[type-arg]
    """Everything in the process as plain JSON-ready data."""
    names = {a.id: a.name for a in process.activities}
    lang = process.language
    activities = [
        {**asdict(a), "support_text": support_text(a.support, a.n_employees, lang)}
        for a in process.activities
    ]
    variants = [
        {
            **asdict(v),
            "first_name": names[v.first],
            "second_name": names[v.second],
            "text": _variant_text(names[v.first], names[v.second], v.count, v.total, lang),
        }
        for v in process.variants
    ]
    return {
        "employees": list(process.employees),
        "core_threshold": process.core_threshold,
        "language": lang,
        "activities": activities,
        "variants": variants,
        "personal_steps": [asdict(s) for s in process.personal_steps],
        "steps": [asdict(s) for s in process.steps],
        "gaps": [asdict(g) for g in process.gaps],
    }


def _variant_text(first: str, second: str, count: int, total: int, lang: str) -> str:
    if lang == "ru":
        return f"«{first}» раньше «{second}» — у {count} из {total}"
    return f"\u201c{first}\u201d before \u201c{second}\u201d for {count} of {total}"


def alignment_frame(process: Process) -> pd.DataFrame:
    """One row per extracted step: who said it, where, the quote, and its activity id."""
    rows = [
        (s.employee, s.source, s.position, s.quote, s.name, s.activity_id) for s in process.steps
    ]
    return pd.DataFrame(rows, columns=list(ALIGNMENT_COLUMNS))


def gaps_frame(process: Process) -> pd.DataFrame:
    """One row per gap with its evidence."""
    rows = [tuple(getattr(g, c) for c in GAP_COLUMNS) for g in process.gaps]
    return pd.DataFrame(rows, columns=list(GAP_COLUMNS))


def mermaid(process: Process) -> str:
    """A Mermaid flowchart: activities left to right, optional ones dashed with a skip edge."""
    start, end = ("Начало", "Конец") if process.language == "ru" else ("Start", "End")
    lines = ["flowchart LR", f'    start(("{start}"))']
    chain = ["start"]
    for a in process.activities:
        label = _mermaid_label(
            f"{a.order}. {a.name}<br/>{support_text(a.support, a.n_employees, process.language)}"
        )
        lines.append(f'    {a.id}["{label}"]' + ("" if a.core else ":::optional"))
        chain.append(a.id)
    lines.append(f'    finish(("{end}"))')
    chain.append("finish")
    lines += [f"    {a} --> {b}" for a, b in zip(chain, chain[1:], strict=False)]
    for k, a in enumerate(process.activities, start=1):
        if not a.core:
            lines.append(f"    {chain[k - 1]} -.-> {chain[k + 1]}")
    lines.append("    classDef optional stroke-dasharray: 5 5")
    names = {a.id: a.name for a in process.activities}
    for v in process.variants:
        if v.count < MERMAID_MIN_VARIANT:
            continue
        lines.append(
            "    %% "
            + _variant_text(names[v.first], names[v.second], v.count, v.total, process.language)
        )
    return "\n".join(lines) + "\n"


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;")


def xes(process: Process) -> str:
    """An XES event log: one trace per employee, one event per step, in the employee's order."""
    root = ET.Element(
        "log",
        {
            "xes.version": "1.0",
            "xes.features": "nested-attributes",
            "xmlns": "http://www.xes-standard.org/",
        },
    )
    for name, prefix in (("Concept", "concept"), ("Time", "time")):
        ET.SubElement(
            root,
            "extension",
            {"name": name, "prefix": prefix, "uri": f"http://www.xes-standard.org/{prefix}.xesext"},
        )
    ET.SubElement(root, "classifier", {"name": "Activity", "keys": "concept:name"})
    ET.SubElement(root, "string", {"key": "concept:name", "value": "salesmine interviews"})
    names = {a.id: a.name for a in process.activities}
    for employee in process.employees:
        trace = ET.SubElement(root, "trace")
        ET.SubElement(trace, "string", {"key": "concept:name", "value": employee})
        for step in process.steps_of(employee):
            _xes_event(trace, step, names.get(step.activity_id, step.name))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _xes_event(trace: ET.Element, step, label: str) -> None:  # type: ignore[no-untyped-def]
    event = ET.SubElement(trace, "event")
    stamp = (XES_ORIGIN + timedelta(minutes=step.position)).isoformat(timespec="milliseconds")
    for key, value in (
        ("concept:name", label),
        ("activity_id", step.activity_id),
        ("step_name", step.name),
        ("quote", step.quote),
        ("source", step.source),
    ):
        ET.SubElement(event, "string", {"key": key, "value": value})
    ET.SubElement(event, "int", {"key": "position", "value": str(step.position)})
    ET.SubElement(
        event, "boolean", {"key": "personal", "value": str(step.activity_id == PERSONAL).lower()}
    )
    ET.SubElement(event, "date", {"key": "time:timestamp", "value": stamp})


OUTPUT_FILES = (
    "process.json",
    "alignment.csv",
    "gaps.csv",
    "process.bpmn",
    "process.xes",
    "process.mmd",
)


def write_process(process: Process, outdir: Path) -> dict[str, Path]:
    """Write every export into ``outdir``; returns {file name: path}."""
    outdir = Path(outdir)
    text = json.dumps(process_dict(process), ensure_ascii=False, indent=1)
    return {
        "process.json": write_text(outdir / "process.json", text + "\n"),
        "alignment.csv": write_table(alignment_frame(process), outdir / "alignment.csv"),
        "gaps.csv": write_table(gaps_frame(process), outdir / "gaps.csv"),
        "process.bpmn": write_text(outdir / "process.bpmn", bpmn_xml(process)),
        "process.xes": write_text(outdir / "process.xes", xes(process)),
        "process.mmd": write_text(outdir / "process.mmd", mermaid(process)),
    }
