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
# the ordinal itself, not a cardinal that starts alike ("шестое", not "шесть")
_ORDINAL_FORM = (
    r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|"
    r"тринадцат|четырнадцат|пятнадцат|последн)(?:ый|ой|ий|ое|ее|ая|ья|ье)(?!\w)"
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

# "Двенадцатое — заказ оборудования.", "Тринадцатый: контроль поставки": a bare ordinal numbers
# the sentence it opens as an item (only that sentence: the line may go on about something else)
_BARE_ITEM = re.compile(rf"^\s*(?:(?:и|а|ну)\s*,?\s+)?{_ORDINAL_FORM}\s*[:–—]\s*", re.I)
_WORDED_START = re.compile(r"\s*" + _WORDED_ITEM, re.I)  # an item's number said mid-line

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

# "Пункт 2.13." cut off as a sentence of its own: the number of the clause read next ("Пункт 2.13.
# Выставление счёта за первый месяц"), which is one list item with it
_CLAUSE_HEAD = re.compile(r"\s*(?:пункт\s*|п\.\s*)\d{1,2}(?:\.\d{1,2})+\.?\s*", re.I)


def _join_numbers(line: str, said: list[Span]) -> list[tuple[Span, int]]:
    """Sentences of a line, a bare clause number ("Пункт 2.13.") joined to the sentence after it,
    each with the length of the number it opens with (0: none)."""
    joined: list[tuple[Span, int]] = []
    for s in said:
        if joined and joined[-1][1] < 0:
            head = joined.pop()[0]
            joined.append((Span(line[head.start : s.end], head.start, s.end), s.start - head.start))
        else:
            joined.append((s, -1 if _CLAUSE_HEAD.fullmatch(s.text) else 0))
    return [(s, max(number, 0)) for s, number in joined]

# a regulation's clause numbered in words ("Пункт три-один: ...", "Четыре-два: ..."), as read
# aloud: each clause is the next step, like a numbered list item (not "два-три дня")
REGULATION_CLAUSE = re.compile(rf"\W*(?:пункт\s+)?{_CARDINAL}\s*[-–]\s*{_CARDINAL}\s*:")
# the same clause number opening a sentence (after "и" or one word and a comma: "Есть,
# три-девять: ..."), its text not in quotes ("Три-четыре: выезд на объект для осмотра"): the
# sentence is that item of the list, a bare noun may name its step
_REGULATION_ITEM = re.compile(
    rf"\W*(?:(?:и|а)\s+|\w+\s*,\s*)?(?:пункт\s+)?{_CARDINAL}\s*[-–]\s*{_CARDINAL}\s*:\s*", re.I
)
# a bare ordinal opening the line numbers what follows as the person's next item ("Пятое. Отчёт
# готовим вместе с инженером"; "Восьмое. Согласовываем КП"), like "5." does
_ORDINAL_HEADING = re.compile(
    rf"[^\S\n]*(?:(?:и|а|ну)[^\S\n]*,?[^\S\n]+)?{_ORDINAL_FORM}[^\S\n]*[.:][^\S\n]*"
)
# a regulation's clause read out by its number ("Пункт 2.4. При положительной квалификации
# назначается выезд", "3.2. Обращение регистрируется"): the next step, whatever it names
_CLAUSE_NUMBER = re.compile(
    r"[^\S\n]*(?:(?:вот|так|итак|ну|дальше)\W{1,3})?(?:пункт[^\S\n]*|п\.[^\S\n]*)?"
    r"\d{1,2}(?:\.\d{1,2})+\.?[^\S\n]*"
)

def numbered_clause(folded: str, sentence_start: int, start: int) -> bool:
    """Whether a clause starting at ``start`` is numbered as the person's next item: its sentence
    opens with a regulation clause numbered in words ("Пункт три-один: ..."), or its line opens
    with a bare ordinal or a clause number and nothing else before it ("Пятое. Отчёт по аудиту
    готовим ..."; "Пункт 2.12. Подписание договора"). ``folded``: the lowercased turn."""
    if REGULATION_CLAUSE.match(folded, sentence_start):
        return True
    start = min(sentence_start, start)
    line = folded.rfind("\n", 0, start) + 1
    return bool(
        _ORDINAL_HEADING.fullmatch(folded, line, start)
        or _CLAUSE_NUMBER.fullmatch(folded, line, start)
    )


def units(text: str, lang: str) -> list[tuple[Span, re.Match[str] | None]]:
    """Sentences, except that a list item line ("1. Прозвон базы. Потом КП.") stays whole; a
    line that reads out several items numbered in words ("Пункт пятый. Подбор модели. Пункт
    шестой. Организация показа.") holds one item from each such number to the next."""
    found: list[tuple[Span, re.Match[str] | None]] = []
    offset = 0
    for line in text.split("\n"):
        said = sentences(line, lang)
        cuts = [s.start for s in said[1:] if _WORDED_START.match(s.text)]
        item = LIST_ITEM.match(line)
        if item and line[item.end() :].strip():
            cuts, said = [0, *cuts], []
        elif cuts:
            said = [s for s in said if s.end <= cuts[0]]
        found += [
            (
                Span(s.text, s.start + offset, s.end + offset),
                (_CLAUSE_HEAD.match(s.text) if number else None)
                or READ_CLAUSE.match(s.text)
                or _REGULATION_ITEM.match(s.text)
                or _BARE_ITEM.match(s.text),
            )
            for s, number in _join_numbers(line, said)
        ]
        for start, end in zip(cuts, [*cuts[1:], len(line)][: len(cuts)], strict=True):
            part = line[start:end] if end == len(line) else line[start:end].rstrip()
            span = Span(part, start + offset, start + len(part) + offset)
            found.append((span, LIST_ITEM.match(part)))
        offset += len(line) + 1
    return found
