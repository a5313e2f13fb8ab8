"""The person's own list: a line numbered "1.", "-", "Шаг 2:" or in words ("Этап первый —",
"и третий шаг — КП") is one list item, and ``steps`` reads it whole ("1. Прозвон базы. Потом
КП." is one item, not two sentences)."""

from __future__ import annotations

import re

from salesmine.text import Span, sentences

# An ordinal told in words ("Этап первый — приветствие", "и третий шаг — КП") numbers a list item
# as "3." does; a short lead-in ("Значит,", "И") may open the line.
_ORDINAL_WORD = (
    r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|"
    r"тринадцат|четырнадцат|пятнадцат|последн|заключительн|финальн)\w*"
)
_STAGE_NOUN = r"(?:шаг|этап|пункт)\w{0,2}"
_WORDED_ITEM = (
    rf"(?:(?:и|а|значит|итак|так|ну)\s*,?\s+)?(?:{_STAGE_NOUN}\s+{_ORDINAL_WORD}|"
    rf"{_ORDINAL_WORD}\s+{_STAGE_NOUN})\s*[.:)\-–—]"
)
LIST_ITEM = re.compile(
    r"^\s*(?:\(?\d{1,2}\s*[.)]|[-*•–—]|(?:шаг|этап|step|stage)\s*\d{1,2}\s*[.:)\-–—]?|"
    + _WORDED_ITEM
    + r")\s*",
    re.I,
)

# A clause of a regulation read out, numbered in digits or words, its text in quotes ("Три-девять:
# «Условия поставки согласуются ...»", "Пункт 3.1: «...»"): an item of the company's list, however
# the transcript broke the lines. The match takes in the opening quote, so the rule is read as told.
_CARDINAL = (
    r"(?:один|два|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать|"
    r"тринадцать|четырнадцать|пятнадцать|шестнадцать|семнадцать|восемнадцать|девятнадцать|двадцать)"
)
READ_CLAUSE = re.compile(
    rf"^\s*(?:(?:и|а|пункт|п\.)\s*)*(?:\d{{1,2}}(?:[.\-]\d{{1,2}})*|{_CARDINAL}(?:[\s\-]{_CARDINAL})?)"
    r"\s*[:.]?\s*[«\"“]",
    re.I,
)


def units(text: str, lang: str) -> list[tuple[Span, re.Match[str] | None]]:
    """Sentences, except that a list item line ("1. Прозвон базы. Потом КП.") stays whole."""
    found: list[tuple[Span, re.Match[str] | None]] = []
    offset = 0
    for line in text.split("\n"):
        item = LIST_ITEM.match(line)
        if item and line[item.end() :].strip():
            found.append((Span(line, offset, offset + len(line)), item))
        else:
            found += [
                (Span(s.text, s.start + offset, s.end + offset), READ_CLAUSE.match(s.text))
                for s in sentences(line, lang)
            ]
        offset += len(line) + 1
    return found
