"""Step extraction: one employee's ordered steps from an interview transcript.

Only the interviewee's turns hold steps; an interviewer turn sets context (a small-talk question
makes the next answer count only where it uses an order marker). Each sentence is cut at commas
and conjunctions into chunks; a chunk with its own action verb (or, in a list item or a verbless
fragment, an action noun) starts a candidate, and the chunks around it without one (objects, "если
...", "чтобы ...") belong to its quote. Opinions, complaints, anecdotes and small talk hold none.
``elaboration.collapse`` then folds the candidates that only say more about a step into it.
Answers about a lost deal ("А если отказ?"), to a recap question ("Подведёте итог?"), to "Почему
так?" or about an item of the person's list ("А на пятом шаге — ...?") hold none (``branches``),
and neither do stories, disclaimers and remarks to the interviewer (``asides``); when a head of
sales speaks, "они" / "ребята" are the sellers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word, analyze, clause_spans
from salesmine.process.asides import disclaims, main_text, opens_story
from salesmine.process.branches import (
    echo_question,
    lost_question,
    reason_question,
    recap_question,
    refers_to_item,
)
from salesmine.process.candidates import SEQUENCE as _SEQUENCE
from salesmine.process.candidates import sentence_candidates
from salesmine.process.concepts import Concept, concept_of
from salesmine.process.elaboration import Candidate, collapse
from salesmine.process.model import Step
from salesmine.process.naming import readable
from salesmine.records import Transcript, Turn
from salesmine.text import Span, detect_language, lemmas, normalize_text, sentences

_LIST_ITEM = re.compile(
    r"^\s*(?:\(?\d{1,2}\s*[.)]|[-*•–—]|(?:шаг|этап|step|stage)\s*\d{1,2}\s*[.:)\-–—]?)\s*", re.I
)


def _markers(phrases: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})" + ("" if prefix else r"(?!\w)"))


_DIGRESSION = _markers(lx.DIGRESSION_MARKERS_RU + lx.DIGRESSION_MARKERS_EN, prefix=True)
_ANECDOTE = _markers(lx.ANECDOTE_MARKERS_RU + lx.ANECDOTE_MARKERS_EN)
_REPEAT = _markers(lx.REPEAT_MARKERS_RU + lx.REPEAT_MARKERS_EN)
_OFF_TOPIC = _markers(lx.OFF_TOPIC_QUESTIONS, prefix=True)
_ON_TOPIC = _markers(lx.ON_TOPIC_QUESTIONS, prefix=True)
_NEXT = _markers(lx.NEXT_QUESTIONS)
_ASIDE = re.compile(r"\s[—–-]\s")
_ASIDE_MIN_WORDS = 5  # words before the dash for them to tell a step of their own
_HEAD = _markers(lx.HEAD_OF_TEAM_RU, prefix=True)
_HEAD_ROLE = re.compile(r"руковод|директор|начальник|\bроп\b|head|lead|director|chief")
_DENIAL = re.compile(r"\W*(?:нет|не\s|неа|не-а|no\b|not\b)")
_CONTINGENCY = re.compile(r"(?<!\w)если(?!\w)")  # "А если клиент молчит?"
_AFTER_FIRST = re.compile(r"(?:^|[.!?]\s+)(?:а\s+|и\s+)?после\b")


def extract_steps(transcript: Transcript, *, employee: str | None = None) -> tuple[Step, ...]:
    """The interviewee's ordered steps; ``employee`` overrides the name put on each step."""
    interviewee = _interviewee(transcript)
    lang = transcript.language if transcript.language in ("ru", "en") else _language(transcript)
    who = employee or transcript.employee or interviewee or Path(transcript.source).stem
    found: list[Candidate] = []
    question, answer = "", 0
    team = lang == "ru" and _heads_team(transcript, interviewee)
    story = False  # the answer before ended inside a story ("Открылись в итоге?" asks on)
    listed = False  # the person has given a numbered list
    for turn in transcript.turns:
        if turn.speaker != interviewee:
            question, answer = turn.text, answer + 1
            continue
        asked = normalize_text(question)
        story = story and not _moves_on(asked, lang)
        place = _Place(answer, story, listed)
        candidates, story = _answer_candidates(turn, asked, place, lang, team)
        found.extend(candidates)
        listed = listed or sum(bool(_LIST_ITEM.match(x)) for x in turn.text.split("\n")) > 1
    steps = _ordered(collapse(found, lang))
    return tuple(
        replace(step, employee=who, source=transcript.source, position=k)
        for k, step in enumerate(steps, start=1)
    )


class _Place(NamedTuple):
    """Where an answer stands in the interview."""

    answer: int  # which answer (the number of questions before it)
    story: bool  # a story told in the answer before runs on into it
    listed: bool  # the person gave a numbered list before it


def _answer_candidates(
    turn: Turn, asked: str, place: _Place, lang: str, team: bool
) -> tuple[list[Candidate], bool]:
    """The candidates of one interviewee turn, with what the question before it asked, and
    whether the turn ends inside a story. The answer to "А если клиент отказывается?" tells the
    lost-deal branch, the one to "Подведёте итог?" restates the steps: neither adds a step."""
    answer, story, listed = place
    if lang == "ru" and _restates(asked, normalize_text(turn.text), listed):
        return [], False
    off_topic = bool(_OFF_TOPIC.search(asked)) and not _ON_TOPIC.search(asked)
    candidates, story = _turn_candidates(turn, lang, (off_topic, story), team)
    about = _asked_about(asked, lang).name
    # "То есть вы сначала звоните?" — "Да, ..." confirms; "Не совсем. ..." corrects, and may add
    echoed = lang == "ru" and echo_question(asked) and not _DENIAL.match(normalize_text(turn.text))
    for candidate in candidates:
        candidate.asked_next = _asks_next(asked)
        candidate.asked_if = bool(_CONTINGENCY.search(asked))
        candidate.asked_echo = echoed
        candidate.asked_about = about
        candidate.answer = answer
    return candidates, story


def _asked_about(question: str, lang: str) -> Concept:
    """The sales activity a question names ("А в CRM когда заносишь?"), if any."""
    return concept_of(lemmas(question, lang)) if lang == "ru" else Concept()


def _moves_on(question: str, lang: str) -> bool:
    """Whether a question leaves the story just told: only one in the past tense asks on about
    it ("Открылись в итоге?", "Собрали в итоге?"), unless it asks for the next step, for the
    process, or names an activity ("А после выезда?", "А договор когда подписали?")."""
    on_topic = bool(_ON_TOPIC.search(question))
    if _asks_next(question) or on_topic or _asked_about(question, lang).strong:
        return True
    return not any(w.pos == "VERB" and w.tense == "past" for w in analyze(question, lang))


def _restates(asked: str, answer: str, listed: bool) -> bool:
    """An answer about a lost deal, a recap, the reasons for a step or an item of the list told
    before (``listed``: "это девятый пункт" then points back at the list) adds no step."""
    if lost_question(asked) or recap_question(asked) or reason_question(asked):
        return True
    return refers_to_item(asked, question=True) or (listed and refers_to_item(answer))


def _asks_next(question: str) -> bool:
    """ "А дальше?", "Что потом?", "После переговоров?" — not "Это уже после договора?"."""
    return bool(_NEXT.search(question) or _AFTER_FIRST.search(question))


def _interviewee(transcript: Transcript) -> str:
    speakers = transcript.speakers
    if transcript.interviewee in speakers:
        return transcript.interviewee
    words: dict[str, int] = {}
    for turn in transcript.turns:  # no label matched: the one who talks most is interviewed
        words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    return max(speakers, key=lambda s: (words[s], -speakers.index(s))) if speakers else ""


def _heads_team(transcript: Transcript, interviewee: str) -> bool:
    """Whether the interviewee heads the sellers (by role, or "я руковожу отделом", "мои
    менеджеры"), so that "они назначают встречу" tells the team's process."""
    if _HEAD_ROLE.search(normalize_text(transcript.role)):
        return True
    told = " ".join(t.text for t in transcript.turns if t.speaker == interviewee)
    return bool(_HEAD.search(normalize_text(told)))


def _language(transcript: Transcript) -> str:
    return detect_language(" ".join(t.text for t in transcript.interviewee_turns())[:5000])


def _ordered(candidates: list[Candidate]) -> list[Step]:
    """Steps in told order, except that "перед этим ..." goes before the step told just before."""
    steps: list[Step] = []
    for candidate in candidates:
        concept = candidate.concept.name
        name = readable(candidate.step.name, concept, candidate.step.quote, candidate.step.language)
        step = replace(candidate.step, concept=concept, name=name)
        if candidate.before_previous and steps:
            steps.insert(len(steps) - 1, step)
        else:
            steps.append(step)
    return steps


def _turn_candidates(
    turn: Turn, lang: str, context: tuple[bool, bool], team: bool
) -> tuple[list[Candidate], bool]:
    """The candidates of one turn, and whether it ends inside a story (``context``: the
    question was small talk; a story runs on into this turn)."""
    off_topic, in_anecdote = context
    words = analyze(turn.text, lang)
    found: list[Candidate] = []
    for sentence, item in _units(turn.text, lang):
        text = normalize_text(sentence.text)
        sequenced = bool(_SEQUENCE.search(text)) or bool(item)
        body = [
            w
            for w in words
            if w.start >= sentence.start + (item.end() if item else 0) and w.end <= sentence.end
        ]
        main = main_text(body, turn.text) if lang == "ru" else text
        # a story runs to the end of the turn or the next "потом ..." in the present tense
        if _ANECDOTE.search(main) or (lang == "ru" and opens_story(body, text)):
            in_anecdote = True
            continue
        in_anecdote = in_anecdote and not (bool(item) or _back_to_process(body, turn.text))
        # after a small-talk question only a sentence opened by an order marker tells a step
        opened = bool(item) or bool(_SEQUENCE.match(text.lstrip("-–— ")))
        if in_anecdote or _skipped(text, main, sentence.text, off_topic and not opened):
            continue
        if lang == "ru" and disclaims(body):  # "я в цену не лезу, я ... закрываю"
            continue
        found.extend(
            sentence_candidates(turn, sentence, body, lang, item is not None, sequenced, team)
        )
    return found, in_anecdote


def _skipped(text: str, main: str, raw: str, off_topic: bool) -> bool:
    """Opinions, repeats, rhetorical questions and small-talk answers hold no step; ``main``:
    the sentence's main clause, where an opinion marker counts ("звоню узнать, всё ли нравится"
    is a step)."""
    question = raw.rstrip().endswith("?") and ":" not in raw
    # "выставляет счёт — у нас зарплата от оплаты, ...": a remark after a dash spares the step
    told = _ASIDE.split(main, maxsplit=1)[0]
    told = told if len(told.split()) >= _ASIDE_MIN_WORDS else main
    return off_topic or question or bool(_DIGRESSION.search(told) or _REPEAT.search(text))


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


def _back_to_process(words: list[Word], text: str) -> bool:
    """Whether a sentence returns from a story to the process: a present-tense verb in a clause
    with an order marker ("Так вот, после встречи готовлю КП"), not "Они потом ещё заказали,
    я к ним иногда захожу"."""
    for start, end in clause_spans(words):
        clause = words[start:end]
        present = any(w.pos == "VERB" and w.tense == "pres" for w in clause)
        if present and _SEQUENCE.search(normalize_text(text[clause[0].start : clause[-1].end])):
            return True
    return False
