"""Speaker labels in free text: which ``Name:`` at a line start is a speaker, and turn building.

Every transcript format is first flattened into ``Line`` records (a possible label, the text after
it, the raw line, a start time); ``build_turns`` then decides which labels are speakers and glues
continuation lines to the turn before them. Keeping that decision in one place makes a
``Итог: договорились`` line inside an answer behave the same in .txt, .docx and subtitles.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from salesmine.records import Turn

# Role labels, casefolded. Interviewer roles are never picked as the interviewee automatically.
INTERVIEWER_LABELS = frozenset({
    "в", "q", "i", "вопрос", "question", "интервьюер", "interviewer", "модератор", "moderator",
    "ведущий", "host",
})
INTERVIEWEE_LABELS = frozenset({
    "о", "a", "а", "r", "ответ", "answer", "респондент", "respondent", "interviewee",
})
ROLE_LABELS = INTERVIEWER_LABELS | INTERVIEWEE_LABELS

# Capitalised words that introduce a remark, a list item or a field, not a person speaking.
_NOT_SPEAKERS = frozenset("""
итог итого итоги важно примечание шаг этап стадия пример например вывод выводы результат задача
цель проблема комментарий совет правило внимание суть причина решение статус вариант сценарий
возражение дата время тема место участники длительность продолжительность формат телефон тел
email e-mail адрес сайт цена стоимость сумма скидка срок сроки плюсы минусы плюс минус кстати итак
заметки заметка контекст вводные nb p.s ps ps. p.s. upd кратко резюме ссылка источник файл
summary note notes step stage example result outcome goal task problem tip rule important date
time topic subject location participants duration phone tel address price cost total pros cons
reason solution status agenda conclusion conclusions warning caution update source link
""".split())

# Diarization tools name speakers with a number ("SPEAKER_00", "Speaker 1", "Спикер 2").
_NUMBERED_SPEAKER = re.compile(
    r"^(?:speaker|спикер|говорящий|участник|собеседник|person|голос)[ _]?\d{1,2}$", re.I
)
# "Интервьюер (Анна):", "Ольга (менеджер):": the speaker is the part before the brackets.
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_NAME_WORD = re.compile(r"^[A-ZА-ЯЁ][\w'’\-]*\.?$")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LABEL_LINE = re.compile(
    rf"""^(?:[-*•–—]\s+)?                        # a list bullet: "- Имя:"
    (?:[\[(]?(?P<t1>{_TIME})[\])]?\s*[-–—]?\s*)?  # "[00:01:02] Имя:" or "00:01:02 Имя:"
    (?:\*\*|__)?                                  # markdown bold: "**Имя:**" or "**Имя**:"
    (?P<label>[^\W\d_][^:\n]{{0,40}}?)
    \s*(?:[\[(](?P<t2>{_TIME})[\])])?            # "Имя (00:01:02):"
    \s*(?:\*\*|__)?\s*:(?:\*\*|__)?\s*
    (?P<rest>.*)$""",
    re.X,
)
# Leading lines longer than this share of all words mean the "labels" were not speakers at all.
_MAX_HEADER_SHARE = 0.5


class Line(NamedTuple):
    """One line of a transcript before turns are known."""

    label: str | None  # a speaker label candidate, or None
    text: str  # the text after the label (the whole line when there is no label)
    raw: str  # the whole line, used when the label turns out not to be a speaker
    start: float | None = None
    explicit: bool = False  # the format itself says this is a speaker (VTT <v>, a JSON field)


def parse_time(value: str) -> float | None:
    """Seconds from ``"01:02"``, ``"00:01:02"``, ``"00:01:02,500"``; None when not a time."""
    parts = value.strip().replace(",", ".").split(":")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        return None
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds


def label_key(label: str) -> str:
    """Compare labels case-insensitively, ignoring extra spaces and a trailing dot."""
    return " ".join(label.split()).rstrip(".").casefold()


def is_role_label(label: str) -> bool:
    """True for labels such as "В", "О", "Q", "A", "Интервьюер" that name a role, not a person."""
    return label_key(label) in ROLE_LABELS


def names_a_person(label: str) -> bool:
    """False for role labels ("О", "Interviewer") and diarization labels ("SPEAKER_01")."""
    key = label_key(label)
    return bool(key) and key not in ROLE_LABELS and not _NUMBERED_SPEAKER.match(key)


def looks_like_speaker(label: str) -> bool:
    """A plausible speaker label: a role, a diarization speaker or 1-3 capitalised words."""
    label = _QUALIFIER.sub("", label)
    key = label_key(label)
    if key in ROLE_LABELS or _NUMBERED_SPEAKER.match(key):
        return True
    words = label.split()
    if not 1 <= len(words) <= 3 or words[0].casefold().rstrip(".") in _NOT_SPEAKERS:
        return False
    return all(_NAME_WORD.match(word) for word in words)


def split_label(line: str, start: float | None = None) -> Line:
    """Split ``"[00:01:02] Имя: текст"`` into a Line; label None when the line has no label."""
    stripped = line.strip()
    match = _LABEL_LINE.match(stripped)
    if match is None or not looks_like_speaker(match["label"]):
        return Line(None, stripped, stripped, start)
    stamp = match["t1"] or match["t2"]
    when = parse_time(stamp) if stamp else start
    label = " ".join(_QUALIFIER.sub("", match["label"]).split())
    return Line(label, match["rest"].strip(), stripped, when)


def _accepted_labels(lines: list[Line]) -> set[str]:
    """Label keys that are speakers: roles, explicit ones, and names that recur.

    A capitalised word before a colon that occurs once ("Клиент Петров: сказал дорого") is far
    more often part of an answer than a speaker, once someone other than the interviewer is
    known to speak. Before that, single labels are the speakers of a short dialogue.
    """
    counts = Counter(label_key(x.label) for x in lines if x.label is not None and not x.explicit)
    accepted = {key for key, n in counts.items() if n >= 2 or key in ROLE_LABELS}
    answerer_known = any(key not in INTERVIEWER_LABELS for key in accepted)
    if not answerer_known and (accepted or len(counts) >= 2):
        accepted = set(counts)
    accepted.update(label_key(x.label) for x in lines if x.label is not None and x.explicit)
    return accepted


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


class _TurnBuilder:
    """Collects lines into turns, merging consecutive lines of one speaker."""

    def __init__(self, sep: str) -> None:
        self.sep = sep
        self.turns: list[Turn] = []
        self.speaker: str | None = None
        self.texts: list[str] = []
        self.start: float | None = None

    def open(self, speaker: str, start: float | None) -> None:
        if self.speaker is not None and label_key(speaker) == label_key(self.speaker):
            return
        self.flush()
        self.speaker, self.start = speaker, start

    def add(self, text: str) -> None:
        if text:
            self.texts.append(text)

    def flush(self) -> None:
        text = self.sep.join(self.texts).strip()
        if self.speaker is not None and text:
            self.turns.append(Turn(self.speaker, text, len(self.turns), self.start))
        self.speaker, self.texts, self.start = None, [], None


def build_turns(lines: list[Line], *, sep: str = "\n", header: bool = True) -> list[Turn]:
    """Turn lines into speaker turns; speaker "" marks text whose speaker is unknown.

    Args:
        sep: joins the lines of one turn ("\\n" for prose, " " for subtitle fragments).
        header: lines before the first speaker are a title block, not a turn (text files);
            otherwise they form a turn of the unknown speaker (subtitles, JSON segments).
    """
    accepted = _accepted_labels(lines)
    builder = _TurnBuilder(sep)
    header_texts: list[str] = []
    for line in lines:
        label = line.label if line.label and label_key(line.label) in accepted else None
        if label is not None:
            builder.open(label, line.start)
            builder.add(line.text)
        elif builder.speaker is None and not builder.turns and header:
            header_texts.append(line.raw)
        else:
            if builder.speaker is None:
                builder.open("", line.start)
            builder.add(line.raw)
    builder.flush()
    total = _words(header_texts) + sum(len(t.text.split()) for t in builder.turns)
    if header and _words(header_texts) > _MAX_HEADER_SHARE * total:
        # Mostly unlabelled text: a monologue from notes, whatever a stray "Name:" suggested.
        everything = sep.join(line.raw for line in lines if line.raw).strip()
        return [Turn("", everything, 0)] if everything else []
    return builder.turns
