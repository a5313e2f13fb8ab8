"""The inter-annotator agreement script (benchmarks/annotation_agreement.py) scores a second
annotation against the first with the benchmark's own matching rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "annotation_agreement.py"
_SPEC = importlib.util.spec_from_file_location("annotation_agreement", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
agreement_module = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(agreement_module)


def _row(source: str, position: int, quote: str, activity: str) -> dict[str, str]:
    return {"source": source, "position": str(position), "quote": quote, "activity_id": activity}


FIRST = [
    _row("a.txt", 1, "завожу заявку в CRM", "A01"),
    _row("a.txt", 2, "звоню клиенту", "A02"),
    _row("a.txt", 3, "отправляю КП", "A03"),
    _row("b.txt", 1, "сначала звонок клиенту", "A02"),
    _row("b.txt", 2, "КП отправляем по почте", "A03"),
]


def test_an_annotation_agrees_with_itself() -> None:
    steps, pairs = agreement_module.agreement(FIRST, FIRST)
    assert steps == (1.0, 1.0, 1.0)
    assert pairs == (1.0, 1.0, 1.0)


def test_a_missed_step_and_a_merged_activity_show() -> None:
    second = [r for r in FIRST if r["quote"] != "отправляю КП"]  # one step not annotated
    second = [dict(r, activity_id="B1") for r in second]  # everything one activity
    steps, pairs = agreement_module.agreement(FIRST, second)
    assert steps[0] == 1.0 and steps[1] == 0.8
    # pairs across people among the matched steps: (a2, b1) same in both; (a1, b1), (a1, b2),
    # (a2, b2) same only in the second annotation
    assert pairs[1] == 1.0 and pairs[0] == 0.25
