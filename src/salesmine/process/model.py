"""The process model: the records process discovery produces, from one step to the whole process.

``Step`` is one thing one employee said they do; ``Activity`` is what several employees' steps have
in common; ``Process`` holds the activities in canonical order with the evidence (who, how many,
which words) and each employee's ``Gap`` list. These stay here rather than in ``salesmine.records``
because only the process stage and its exports use them.
"""

from __future__ import annotations

from dataclasses import dataclass

PERSONAL = "personal"  # the activity id of a step nobody else mentioned


@dataclass(frozen=True)
class Step:
    """One step of one employee's account, in their order."""

    employee: str
    source: str
    position: int  # 1-based, in the employee's order
    name: str  # normalized: infinitive (or action noun) + object, e.g. "назначать встречу"
    quote: str  # the verbatim words it came from
    turn: int = 0  # Turn.index of the quote
    start: int = 0  # character offsets of the quote within the turn text
    end: int = 0
    language: str = "ru"
    activity_id: str = ""  # set by the merge: "A03", or PERSONAL
    concept: str = ""  # the sales activity the lexicon recognises ("OFFER"), "" when none
    # The learned step tagger's probability that the clause starts a step (``step_model``);
    # None when the rules alone kept it (English, or discovery without the tagger).
    confidence: float | None = None


@dataclass(frozen=True)
class Activity:
    """A step several employees share, with the evidence for it."""

    id: str  # "A01", "A02", ... in canonical order
    name: str
    order: int  # 1-based rank in the canonical order
    support: int  # how many employees mention it
    n_employees: int
    employees: tuple[str, ...]
    core: bool  # support / n_employees >= core threshold
    typical_position: float  # median 1-based position in the employees' own accounts
    quotes: tuple[str, ...]  # a few verbatim examples
    names: tuple[str, ...]  # the distinct step names merged into it, most frequent first

    @property
    def share(self) -> float:
        """Share of employees who mention the activity."""
        return self.support / self.n_employees if self.n_employees else 0.0


@dataclass(frozen=True)
class OrderVariant:
    """A minority order: ``first`` told before ``second`` by ``count`` of ``total`` employees."""

    first: str  # activity id
    second: str
    count: int
    total: int  # employees who mention both
    employees: tuple[str, ...]


@dataclass(frozen=True)
class Gap:
    """A difference between one employee's account and the canonical process."""

    employee: str
    kind: str  # "missing" | "extra" | "order"
    activity_id: str
    activity: str  # readable name
    evidence: str  # one honest sentence: what was (not) said, and how the team compares
    support: int  # how many colleagues back the canonical side
    others: int  # colleagues it is compared with
    quote: str = ""
    other_activity_id: str = (
        ""  # "order": the activity told in the wrong order relative to this one
    )


@dataclass(frozen=True)
class Process:
    """The canonical process merged from all employees' accounts."""

    activities: tuple[Activity, ...]  # canonical order
    steps: tuple[Step, ...]  # every extracted step, with its activity_id
    employees: tuple[str, ...]
    variants: tuple[OrderVariant, ...] = ()
    gaps: tuple[Gap, ...] = ()
    core_threshold: float = 0.5
    language: str = "ru"

    def activity(self, activity_id: str) -> Activity | None:
        """The activity with this id, or None (also for PERSONAL)."""
        return next((a for a in self.activities if a.id == activity_id), None)

    def steps_of(self, employee: str) -> tuple[Step, ...]:
        """One employee's steps in their own order."""
        return tuple(s for s in self.steps if s.employee == employee)

    @property
    def personal_steps(self) -> tuple[Step, ...]:
        """Steps only one employee mentioned, kept as they are."""
        return tuple(s for s in self.steps if s.activity_id == PERSONAL)
