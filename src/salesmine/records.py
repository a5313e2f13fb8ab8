"""The vocabulary of salesmine: one frozen dataclass per domain record.

Tabular data (CRM notes, classified refusals, KPI tables) travels as pandas frames whose
columns are listed here as constants, so every stage agrees on the names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Canonical columns of a notes frame, as produced by ``ingest.load_notes``.
# ``source`` is the file name and ``row`` the 1-based data row in it (header excluded),
# so any figure can be traced back to the line a user sees in Excel.
NOTE_FIELDS = ("id", "date", "manager", "department", "branch", "stage", "outcome", "text")
OPTIONAL_NOTE_FIELDS = ("crm_reason", "client", "amount", "product")
NOTE_COLUMNS = ("source", "row", *NOTE_FIELDS, *OPTIONAL_NOTE_FIELDS)

OUTCOMES = ("won", "lost", "open")

# Columns of ``salesmine refusals`` output, in order.
REFUSAL_COLUMNS = (
    "source", "row", "id", "date", "manager", "department", "branch", "stage", "outcome",
    "reason", "confidence", "evidence", "needs_review", "crm_reason", "crm_reason_agrees",
    "claims_missing_product", "mentioned_product", "catalog_match", "manager_error",
    "reason_unclarified",
)


@dataclass(frozen=True)
class Rejection:
    """A row or file that could not be used, and why (in = used + rejected)."""

    source: str
    row: int | None
    reason: str


@dataclass(frozen=True)
class Turn:
    """One speaker turn of a transcript."""

    speaker: str
    text: str
    index: int
    start: float | None = None  # seconds from the start, when the format carries timing


@dataclass(frozen=True)
class Transcript:
    """An interview or call: who spoke, in which order, and who is the interviewee."""

    source: str
    turns: tuple[Turn, ...]
    interviewee: str
    employee: str
    department: str = ""
    branch: str = ""
    role: str = ""
    language: str = "ru"

    @property
    def speakers(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            seen.setdefault(turn.speaker, None)
        return tuple(seen)

    def interviewee_turns(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.speaker == self.interviewee)


@dataclass(frozen=True)
class CatalogItem:
    """A product or service the company sells, with the other names people use for it."""

    name: str
    category: str = ""
    synonyms: tuple[str, ...] = ()
    status: str = "active"  # "active" or "discontinued"
    id: str = ""

    @property
    def is_active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class Person:
    """An employee from a people file: the key for transcripts and managers."""

    name: str
    department: str = ""
    branch: str = ""
    role: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)
