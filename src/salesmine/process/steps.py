"""Step extraction: one employee's ordered steps from an interview transcript.

Only the interviewee's turns hold steps; an interviewer turn sets context (a small-talk question
makes the next answer count only where it uses an order marker). Each sentence is cut at commas
and conjunctions into chunks; a chunk with its own action verb (or, in a list item or a verbless
fragment, an action noun) starts a candidate, and the chunks around it without one (objects, "если
...", "чтобы ...") belong to its quote. Opinions, complaints, anecdotes and small talk hold none.
``elaboration.collapse`` then folds the candidates that only say more about a step into it.
Answers about a lost deal ("А если отказ?"), to a recap question ("Подведёте итог?"), to "Почему
так?" or about an item of the person's list ("А на пятом шаге — ...?") hold none (``branches``),
and neither do stories, disclaimers, what happens now and then ("Бывает, что ... Тогда ..."),
what is taken back ("ой, нет, я путаю") and remarks to the interviewer (``asides``); what the
question asks is read in ``questions``. When a head of sales speaks, "они" / "ребята" are the
sellers; someone who tells the process in the passive ("делается звонок") has their passives
counted (``passive``). A line of the person's own list is read whole (``list_items``); a step
the person places in their list ("между седьмым и восьмым пунктом") goes there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word, analyze, clause_spans
from salesmine.process.agency import Actor, Teller, heads_team, tells_one_story
from salesmine.process.asides import main_text, opens_story, retracted
from salesmine.process.branches import echo_question, placed_after
from salesmine.process.candidates import SEQUENCE as _SEQUENCE
from salesmine.process.candidates import Candidate, sentence_candidates
from salesmine.process.disowning import bind, disownings, mark
from salesmine.process.elaboration import collapse
from salesmine.process.english_description import check_mode
from salesmine.process.english_steps import extract_english
from salesmine.process.enumerations import split_listed
from salesmine.process.list_items import LIST_ITEM, units
from salesmine.process.model import Step
from salesmine.process.naming import readable
from salesmine.process.passive import speaks_impersonally
from salesmine.process.questions import (
    asked_about,
    asks_if,
    asks_next,
    conditional,
    confirms,
    denies,
    echoes,
    moves_on,
    off_topic,
    remarks,
    restates,
    says_no,
    still_asked,
)
from salesmine.process.step_reasons import side_reason, skipped
from salesmine.records import Transcript, Turn
from salesmine.text import detect_language, lemmas, normalize_text, sentences

if TYPE_CHECKING:  # step_model reads candidates, not steps: no import cycle at run time
    from salesmine.process.step_model import StepTagger


def _markers(phrases: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})" + ("" if prefix else r"(?!\w)"))


_ANECDOTE = _markers(lx.ANECDOTE_MARKERS_RU + lx.ANECDOTE_MARKERS_EN)


def extract_steps(
    transcript: Transcript,
    *,
    employee: str | None = None,
    tagger: StepTagger | None = None,
    mode: str = "auto",
) -> tuple[Step, ...]:
    """The interviewee's ordered steps; ``employee`` overrides the name put on each step.
    ``tagger``: a learned keep/drop model over the rules' candidates (``step_model``); without
    one the rules alone decide. ``mode`` (English only): read the text as an "interview", as a
    process "description" (every role's actions are steps) or "auto" (detect which)."""
    check_mode(mode)
    interviewee = _interviewee(transcript)
    who = employee or transcript.employee or interviewee or Path(transcript.source).stem
    # English interviews have their own reader (``english_steps``, rules only)
    lang = transcript.language if transcript.language in ("ru", "en") else _language(transcript)
    if lang == "en":
        return extract_english(transcript, interviewee, who, mode)
    found, steps = judged(transcript, generous=tagger is not None)
    if tagger is not None and found and found[0].step.language == "ru":
        steps = tagger.select(found, steps)
    # what the speaker disowns is no step; dropped last, so the tagger reads what it was trained on
    steps = [c for c in steps if not c.disowned]
    return tuple(
        replace(step, employee=who, source=transcript.source)
        for step in split_listed(ordered(steps))
    )


def judged(
    transcript: Transcript, *, generous: bool = True
) -> tuple[list[Candidate], list[Candidate]]:
    """Every candidate of the interview, each with the rules' verdict (``Candidate.verdict``),
    and the ones the rules make steps of, their elaborations folded in. ``generous``: propose
    the clauses of anyone's actions too (for the tagger; the rules drop them anyway)."""
    interviewee = _interviewee(transcript)
    lang = transcript.language if transcript.language in ("ru", "en") else _language(transcript)
    found = propose(transcript, interviewee, lang, generous=generous)
    return found, collapse([c for c in found if not c.verdict], lang)


def verdicts(transcript: Transcript, *, generous: bool = False) -> dict[str, str]:
    """Each candidate clause of the interview (its quote) with what the rules made of it: "new",
    "merge", "not_own", "story", ... — for finding out why a step was or was not kept."""
    found, _ = judged(transcript, generous=generous)
    return {c.step.quote: "disowned" if c.disowned else c.verdict for c in found}


def propose(
    transcript: Transcript, interviewee: str, lang: str, *, generous: bool = False
) -> list[Candidate]:
    """Every candidate step of the interviewee's turns, in told order; those the rules drop
    before collapsing carry the reason in ``verdict`` (a story, an aside, a recap answer, ...)."""
    found: list[Candidate] = []
    question, answer = "", 0
    teller = _teller(transcript, interviewee, lang)
    story = False  # the answer before ended inside a story ("Открылись в итоге?" asks on)
    listed = False  # the person has given a numbered list
    for turn in transcript.turns:
        if turn.speaker != interviewee:
            question, answer = turn.text, answer + 1
            # "Менеджер принял заявку, дальше?" — "Сразу заводит в Битрикс": the manager acts
            if teller.actor is not None and asks_next(normalize_text(turn.text)):
                teller.actor.hear(analyze(turn.text, lang))
            continue
        asked = normalize_text(question)
        story = story and not moves_on(asked, lang)
        place = _Place(answer, story, listed, generous)
        candidates, story = _answer_candidates(turn, asked, place, lang, teller)
        found.extend(candidates)
        listed = listed or sum(bool(LIST_ITEM.match(x)) for x in turn.text.split("\n")) > 1
        question = still_asked(question)
    return found


class _Place(NamedTuple):
    """Where an answer stands in the interview."""

    answer: int  # which answer (the number of questions before it)
    story: bool  # a story told in the answer before runs on into it
    listed: bool  # the person gave a numbered list before it
    generous: bool = False  # propose anyone's actions too (as dropped, "not_own")


def _answer_candidates(
    turn: Turn, asked: str, place: _Place, lang: str, teller: Teller
) -> tuple[list[Candidate], bool]:
    """The candidates of one interviewee turn, with what the question before it asked, and
    whether the turn ends inside a story. The answer to "А если клиент отказывается?" tells the
    lost-deal branch, the one to "Подведёте итог?" restates the steps: neither adds a step."""
    answer, story, listed, generous = place
    said = normalize_text(turn.text)
    recap = restates(asked, turn.text, listed) if lang == "ru" else 0
    asked_words = analyze(asked, lang) if lang == "ru" else []
    context = (off_topic(asked, asked_words), story, generous)
    candidates, story = _turn_candidates(turn, lang, context, teller)
    if recap:  # the answer restates the steps (up to ``recap``): it adds none, ends no story
        _drop([c for c in candidates if c.step.start < recap], "recap")
        story = False
    about = asked_about(asked, lang)
    # "То есть вы сначала звоните?" — "Да, ..." confirms; "Не совсем. ..." corrects, and may add
    echoed = lang == "ru" and echo_question(asked) and not denies(said)
    # "Рассрочку предлагаешь?" — "Рассрочку… Мне кажется, у нас её нет", "А подписание где?" —
    # "Подписание — здесь": the question's word taken up as the topic tells no step ("А встреча?"
    # — "Встреча обязательно" does)
    question = frozenset(lemmas(asked, lang))
    _drop([c for c in candidates if echoes(c, question)], "echo")
    if lang == "ru" and says_no(said):
        # "Если он мне звонит — отвечаю. Сам — нет.": the asked step is not done, and what is
        # done only if the client starts it is no step of the sale
        _drop([c for c in candidates if conditional(c.step.quote)], "says_no")
    for candidate in candidates:
        candidate.asked_next = asks_next(asked)
        # "Хорошо, так даже интереснее." — "Значит, клиент заходит. Мы встречаем его": a remark
        # asks nothing, the answer goes on with the process like one to "А дальше?"
        candidate.remarked = remarks(asked)
        candidate.asked_if = asks_if(asked, asked_words)
        candidate.asked_echo, candidate.asked_words = echoed, question
        candidate.asked_about = about.name
        # "Договор вы сами готовите?" — "Сама, да. Я готовлю ДДУ": a confirmed activity
        candidate.asked_strongly = about.strong and confirms(turn.text)
        candidate.answer = answer
        candidate.placed = placed_after(said) if lang == "ru" else 0
    return candidates, story


def _drop(candidates: list[Candidate], reason: str) -> None:
    """Mark ``candidates`` as dropped by the rules for ``reason`` (the first reason stands)."""
    for candidate in candidates:
        candidate.verdict = candidate.verdict or reason


def _interviewee(transcript: Transcript) -> str:
    speakers = transcript.speakers
    if transcript.interviewee in speakers:
        return transcript.interviewee
    words: dict[str, int] = {}
    for turn in transcript.turns:  # no label matched: the one who talks most is interviewed
        words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    return max(speakers, key=lambda s: (words[s], -speakers.index(s))) if speakers else ""


def _teller(transcript: Transcript, interviewee: str, lang: str) -> Teller:
    """Whether the interviewee heads the sellers, and whether they tell the process in the
    passive ("делается звонок", "направляется подборка")."""
    if lang != "ru":
        return Teller()
    told: list[list[Word]] = []
    for turn in transcript.turns:
        if turn.speaker == interviewee:
            words = analyze(turn.text, lang)
            told += [
                [w for w in words if s.start <= w.start and w.end <= s.end]
                for s in sentences(turn.text, lang)
            ]
    said = " ".join(t.text for t in transcript.turns if t.speaker == interviewee)
    team = heads_team(transcript.role, said)
    return Teller(team, speaks_impersonally(told), tells_one_story(told), Actor(team))


def _language(transcript: Transcript) -> str:
    return detect_language(" ".join(t.text for t in transcript.interviewee_turns())[:5000])


def ordered(candidates: list[Candidate]) -> list[Step]:
    """Steps in told order, except that "перед этим ..." goes before the step told just before,
    and what the person places in their list ("между седьмым и восьмым пунктом") goes there."""
    steps: list[Step] = []
    placed: dict[int, int] = {}  # answer: steps of it put in place so far
    for candidate in candidates:
        concept = candidate.concept.name
        name = readable(candidate.step.name, concept, candidate.step.quote, candidate.step.language)
        step = replace(candidate.step, concept=concept, name=name)
        if candidate.placed:
            shift = placed.get(candidate.answer, 0)
            steps.insert(min(candidate.placed + shift, len(steps)), step)
            placed[candidate.answer] = shift + 1
        elif candidate.before_previous and steps:
            steps.insert(len(steps) - 1, step)
        else:
            steps.append(step)
    return steps


def _turn_candidates(
    turn: Turn, lang: str, context: tuple[bool, bool, bool], teller: Teller
) -> tuple[list[Candidate], bool]:
    """The candidates of one turn, and whether it ends inside a story (``context``: the
    question was small talk; a story runs on into this turn; propose anyone's actions)."""
    off_topic, in_anecdote, generous = context
    words = analyze(turn.text, lang)
    found: list[Candidate] = []
    side_case = False
    previous: list[Candidate] = []  # the candidates of the sentence before, in this turn
    disowning = False  # the sentence before ended disowning what comes next
    for sentence, item in units(turn.text, lang):
        text = normalize_text(sentence.text)
        sequenced = bool(_SEQUENCE.search(text)) or bool(item)
        body = [
            w
            for w in words
            if w.start >= sentence.start + (item.end() if item else 0) and w.end <= sentence.end
        ]
        main = main_text(body, turn.text) if lang == "ru" else text
        reason = ""
        # a story runs to the end of the turn or the next "потом ..." in the present tense
        if _ANECDOTE.search(main) or (lang == "ru" and opens_story(body, text)):
            in_anecdote, reason = True, "story"
        else:
            in_anecdote = in_anecdote and not (bool(item) or _back_to_process(body, turn.text))
            # after a small-talk question only a sentence opened by an order marker tells a step
            opened = bool(item) or bool(_SEQUENCE.match(text.lstrip("-–— ")))
            reason = "in_story" if in_anecdote else ""
            reason = reason or skipped(text, main, sentence.text, off_topic and not opened)
            reason, side_case = side_reason(reason, body, lang, side_case)
        kind = (item is not None, sequenced)
        told = sentence_candidates(turn, sentence, body, lang, kind, teller, generous=generous)
        if teller.actor is not None:
            teller.actor.follow(body)
        _drop(told, reason)
        taken_back = retracted(body) if lang == "ru" else -1  # "звоню... ой, нет, я путаю"
        _drop([c for c in told if c.step.start < taken_back], "retracted")
        if disowning:  # "Это не я. Лена на ресепшене всех вбивает"
            mark(told)
        said = [w for w in body if w.is_word]
        if lang == "ru" and said:  # "Счёт выставляет Светлана, это не ко мне"
            disowning = bind(disownings(body), told, previous, said[-1].end)
        found.extend(told)
        previous = told
    return found, in_anecdote


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
