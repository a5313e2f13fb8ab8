"""Each employee's account against the canonical process: missing, extra and out-of-order steps.

An interview records what people *said*: a step they did not mention may still be done. So every
gap says how strongly the rest of the team mentions the step, and "missing" is worded as "не
упомянут" ("not mentioned"), never as "не делает".
"""

from __future__ import annotations

from collections.abc import Sequence

from salesmine.process.align import precedence
from salesmine.process.model import PERSONAL, Activity, Gap, Process, Step

_TEXTS = {
    "ru": {
        "missing": "Шаг «{name}» в интервью не упомянут (это не значит, что он не выполняется); "
        "его назвали {k} из {n} коллег.",
        "extra": "Шаг «{name}» назвал только этот сотрудник; у {n} коллег в интервью его нет.",
        "order": "Шаг «{second}» назван раньше шага «{first}»; у {k} из {n} коллег, назвавших "
        "оба шага, порядок обратный.",
    },
    "en": {
        "missing": "Step \u201c{name}\u201d was not mentioned in the interview (which does not "
        "mean "
        "it is not done); {k} of {n} colleagues mentioned it.",
        "extra": "Only this employee mentioned \u201c{name}\u201d; {n} colleagues did not.",
        "order": "\u201c{second}\u201d is told before \u201c{first}\u201d; {k} of {n} colleagues "
        "who mention both tell it the other way round.",
    },
}


def find_gaps(process: Process) -> tuple[Gap, ...]:
    """All employees' gaps, employee by employee in the process's employee order."""
    gaps: list[Gap] = []
    for employee in process.employees:
        gaps.extend(employee_gaps(process, employee))
    return tuple(gaps)


def employee_gaps(process: Process, employee: str) -> list[Gap]:
    """One employee's gaps: missing core steps, personal steps, then out-of-order pairs."""
    texts = _TEXTS.get(process.language, _TEXTS["en"])
    steps = process.steps_of(employee)
    told = {s.activity_id for s in steps}
    others = len(process.employees) - 1
    gaps = [
        Gap(
            employee,
            "missing",
            a.id,
            a.name,
            texts["missing"].format(name=a.name, k=a.support, n=others),
            a.support,
            others,
        )
        for a in process.activities
        if a.core and a.id not in told
    ]
    gaps += [
        Gap(
            employee,
            "extra",
            PERSONAL,
            s.name,
            texts["extra"].format(name=s.name, n=others),
            0,
            others,
            quote=s.quote,
        )
        for s in steps
        if s.activity_id == PERSONAL
    ]
    return gaps + _order_gaps(process, employee, steps, texts)


def _order_gaps(
    process: Process, employee: str, steps: Sequence[Step], texts: dict[str, str]
) -> list[Gap]:
    """Adjacent inversions in the employee's sequence that most colleagues tell the other way."""
    rank = {a.id: a.order for a in process.activities}
    sequence = list(dict.fromkeys(s.activity_id for s in steps if s.activity_id in rank))
    pairs = precedence(_others_sequences(process, employee))
    gaps = []
    for earlier, later in zip(sequence, sequence[1:], strict=False):
        if rank[earlier] < rank[later]:
            continue
        agree = len(pairs.get((later, earlier), []))  # colleagues with the canonical order
        disagree = len(pairs.get((earlier, later), []))
        if agree <= disagree:
            continue
        first, second = process.activity(later), process.activity(earlier)
        assert isinstance(first, Activity) and isinstance(second, Activity)
        quote = next((s.quote for s in steps if s.activity_id == earlier), "")
        evidence = texts["order"].format(
            first=first.name, second=second.name, k=agree, n=agree + disagree
        )
        gaps.append(
            Gap(
                employee,
                "order",
                second.id,
                second.name,
                evidence,
                agree,
                agree + disagree,
                quote=quote,
                other_activity_id=first.id,
            )
        )
    return gaps


def _others_sequences(process: Process, employee: str) -> dict[str, list[str]]:
    sequences: dict[str, list[str]] = {}
    for step in process.steps:
        if step.employee != employee and step.activity_id != PERSONAL:
            sequences.setdefault(step.employee, []).append(step.activity_id)
    return sequences
