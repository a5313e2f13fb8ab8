"""Claims written as a checklist: "зал – есть / проектор – есть / светодиодный экран – нет",
"parking – yes, sauna – no", "LLC reg ✔ / tax filings ✘", "вычет - нет, рассрочка - да".

A manager summing up what the company can do writes an item and a verdict after it; an item
marked "нет" / "no" / "✘" is one the company says it lacks. The sentence rules miss these: the
"yes" items around the "no" read as a correction, and English has no "X – no" sentence rule.

An item counts only in a checklist: the note has another item with a verdict, or the "no" item
opens its line ("москитки — нет"); and, unless the verdict is a symbol, a dash or colon stands
between the item and its verdict ("said no, thanks" is no item). In a two-column comparison
("смс-уведомления: нет / да" under "мы / СДЭК") the first verdict is taken as ours.
"""

from __future__ import annotations

import re

from salesmine.refusals.claim_context import Note
from salesmine.refusals.claim_hits import Hit
from salesmine.refusals.claim_phrases import is_product_phrase

_NO = r"нет|нету|no|nope|✘|✗|❌|×"
_YES = r"есть|да|yes|✔|✓|✅|\+|ок|ok"
_SYMBOLS = frozenset("✘✗❌×")
# an item: words after the previous delimiter, then an optional dash/colon, then a verdict that
# ends the item (a delimiter, a bracket or the end of the note follows)
_ITEM = re.compile(
    rf"(?P<item>[^\n,;/•:–—()\[\]]{{2,60}}?)\s*(?P<sep>\s[-–—]\s|[:–—]\s*)?"
    rf"(?P<verdict>{_NO}|{_YES})(?=\s*(?:[\n,;/.)(]|$|\s[-–—]\s))",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(rf"^(?:{_NO})$", re.IGNORECASE)
# What every checklist "no" holds: a "no" after a dash or colon, or a "no" symbol, ending an item.
# Searched first because ``_ITEM`` tries each position of the note (about 1 ms a note).
_MARKED_NO = re.compile(
    rf"(?:(?:\s[-–—]\s|[:–—]\s*)(?:{_NO})|[✘✗❌×])(?=\s*(?:[\n,;/.)(]|$|\s[-–—]\s))",
    re.IGNORECASE,
)


def checklist(note: Note) -> list[Hit]:
    """The items a checklist note marks "нет" / "no" / "✘"."""
    if not _MARKED_NO.search(note.text):
        return []
    items = list(_ITEM.finditer(note.text))
    if not any(_NEGATIVE.match(m["verdict"]) for m in items):
        return []
    hits = []
    for found in items:
        if not _NEGATIVE.match(found["verdict"]) or not _is_item(found, note.text, len(items)):
            continue
        span = _token_span(note, found.start("item"), found.end("item"))
        if span and is_product_phrase(note.toks, span, note.lang):
            trigger = _token_at(note, found.start("verdict"))
            if trigger is not None:
                hits.append(Hit(span, trigger, "manager", listed=True))
    return hits


def _is_item(found: re.Match[str], text: str, n_items: int) -> bool:
    """A verdict set off from its item (by a dash or colon, or a symbol), in a list of several
    items or opening its own line."""
    if not found["sep"] and found["verdict"] not in _SYMBOLS:
        return False
    line_start = text.rfind("\n", 0, found.start("item")) + 1
    opens_line = not text[line_start : found.start("item")].strip()
    return n_items > 1 or opens_line


def _token_span(note: Note, start: int, end: int) -> tuple[int, int] | None:
    """The token span from the first to the last word token inside [start, end) of the text."""
    inside = [k for k, t in enumerate(note.toks) if start <= t.start and t.end <= end]
    words = [k for k in inside if note.toks[k].word]
    if not words:
        return None
    return words[0], words[-1] + 1


def _token_at(note: Note, start: int) -> int | None:
    return next((k for k, t in enumerate(note.toks) if t.start >= start), None)
