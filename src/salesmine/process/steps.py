"""Step extraction: one employee's ordered steps from an interview transcript.

Only the interviewee's turns hold steps; an interviewer turn sets context (a small-talk question
makes the next answer count only where it uses an order marker). Each sentence is cut at commas
and conjunctions into chunks; a chunk with its own action verb (or, in a list item or a verbless
fragment, an action noun) starts a step, and the chunks around it without one (objects, "если ...",
"чтобы ...") belong to its quote. Opinions, complaints, anecdotes and small talk hold no step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word, analyze
from salesmine.process.chunking import step_groups
from salesmine.process.model import Step
from salesmine.process.naming import name_step
from salesmine.records import Transcript, Turn
from salesmine.text import Span, detect_language, normalize_text, sentences

_LIST_ITEM = re.compile(
    r"^\s*(?:\(?\d{1,2}\s*[.)]|[-*•–—]|(?:шаг|этап|step|stage)\s*\d{1,2}\s*[.:)\-–—]?)\s*", re.I
)


def _markers(phrases: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})" + ("" if prefix else r"(?!\w)"))


_DIGRESSION = _markers(lx.DIGRESSION_MARKERS_RU + lx.DIGRESSION_MARKERS_EN, prefix=True)
_ANECDOTE = _markers(lx.ANECDOTE_MARKERS_RU + lx.ANECDOTE_MARKERS_EN)
_REPEAT = _markers(lx.REPEAT_MARKERS_RU + lx.REPEAT_MARKERS_EN)
_SEQUENCE = _markers(lx.SEQUENCE_MARKERS_RU + lx.SEQUENCE_MARKERS_EN)
_BEFORE_PREVIOUS = _markers(lx.BEFORE_PREVIOUS_RU + lx.BEFORE_PREVIOUS_EN)
_OFF_TOPIC = _markers(lx.OFF_TOPIC_QUESTIONS, prefix=True)


@dataclass(frozen=True)
class _Found:
    """A step before positions are known."""

    step: Step
    before_previous: bool


def extract_steps(transcript: Transcript, *, employee: str | None = None) -> tuple[Step, ...]:
    """The interviewee's ordered steps; ``employee`` overrides the name put on each step."""
    interviewee = _interviewee(transcript)
    lang = transcript.language if transcript.language in ("ru", "en") else _language(transcript)
    who = employee or transcript.employee or interviewee or Path(transcript.source).stem
    found: list[_Found] = []
    question = ""
    for turn in transcript.turns:
        if turn.speaker != interviewee:
            question = turn.text
            continue
        off_topic = bool(_OFF_TOPIC.search(normalize_text(question)))
        for found_step in _turn_steps(turn, lang, off_topic):
            found.append(
                _Found(
                    replace(found_step.step, employee=who, source=transcript.source),
                    found_step.before_previous,
                )
            )
    return _ordered(found)


def _interviewee(transcript: Transcript) -> str:
    speakers = transcript.speakers
    if transcript.interviewee in speakers:
        return transcript.interviewee
    words: dict[str, int] = {}
    for turn in transcript.turns:  # no label matched: the one who talks most is interviewed
        words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    return max(speakers, key=lambda s: (words[s], -speakers.index(s))) if speakers else ""


def _language(transcript: Transcript) -> str:
    return detect_language(" ".join(t.text for t in transcript.interviewee_turns())[:5000])


def _ordered(found: list[_Found]) -> tuple[Step, ...]:
    """Apply "перед этим" moves, drop a step told twice in a row, number the rest."""
    steps: list[Step] = []
    for item in found:
        if steps and steps[-1].name == item.step.name:
            continue
        if item.before_previous and steps:
            steps.insert(len(steps) - 1, item.step)
        else:
            steps.append(item.step)
    return tuple(replace(step, position=k) for k, step in enumerate(steps, start=1))


def _turn_steps(turn: Turn, lang: str, off_topic: bool) -> list[_Found]:
    words = analyze(turn.text, lang)
    found: list[_Found] = []
    in_anecdote = False
    for sentence, item in _units(turn.text, lang):
        text = normalize_text(sentence.text)
        sequenced = bool(_SEQUENCE.search(text)) or bool(item)
        if _ANECDOTE.search(text):  # a story runs to the end of the turn or the next "потом ..."
            in_anecdote = True
            continue
        body = [
            w
            for w in words
            if w.start >= sentence.start + (item.end() if item else 0) and w.end <= sentence.end
        ]
        in_anecdote = in_anecdote and not (sequenced and _present_tense(body))
        if in_anecdote or _skipped(text, sentence.text, off_topic and not sequenced):
            continue
        found.extend(_sentence_steps(turn, body, lang, item is not None, sequenced))
    return found


def _skipped(text: str, raw: str, off_topic: bool) -> bool:
    """Opinions, repeats, rhetorical questions and small-talk answers hold no step."""
    question = raw.rstrip().endswith("?") and ":" not in raw
    return off_topic or question or bool(_DIGRESSION.search(text) or _REPEAT.search(text))


def _units(text: str, lang: str) -> list[tuple[Span, re.Match[str] | None]]:
    """Sentences, except that a list item line ("1. Прозвон базы. Потом КП.") stays whole."""
    units: list[tuple[Span, re.Match[str] | None]] = []
    offset = 0
    for line in text.split("\n"):
        item = _LIST_ITEM.match(line)
        if item and line[item.end() :].strip():
            units.append((Span(line, offset, offset + len(line)), item))
        else:
            units += [
                (Span(s.text, s.start + offset, s.end + offset), None)
                for s in sentences(line, lang)
            ]
        offset += len(line) + 1
    return units


def _present_tense(words: list[Word]) -> bool:
    return any(w.tense == "pres" for w in words if w.pos == "VERB")


def _sentence_steps(
    turn: Turn, words: list[Word], lang: str, is_item: bool, narrated: bool
) -> list[_Found]:
    found = []
    for group, head in step_groups(words, lang, is_item=is_item, narrated=narrated):
        first, last = words[group[0]], words[group[-1]]
        quote = turn.text[first.start : last.end]
        step = Step(
            employee="",
            source="",
            position=0,
            name=name_step(words, group, head, lang),
            quote=quote,
            turn=turn.index,
            start=first.start,
            end=last.end,
            language=lang,
        )
        found.append(_Found(step, bool(_BEFORE_PREVIOUS.search(normalize_text(quote)))))
    return found
