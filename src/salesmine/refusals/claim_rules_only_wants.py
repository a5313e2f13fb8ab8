"""The company's "только Y" / "only Y" answering a want or a question for X: X is the absence
claim ("клиент хотел постоплату, я сказал только предоплата", "asked for a suite; we only have
standard rooms", "К: а ночная смена есть? М: нет, только дневная", "we do tyres only - no oil
changes"). Both languages.

``claim_rules_only.only_alternative`` handles "у нас только Y" after a need it can name; this
rule adds the readings it misses: the restriction told by the manager without "у нас" ("I
said prepayment only", "ответила: только доставка"), a want whose object starts with an
article, a number or a verb ("asked if he can pay after delivery"), a question answered "нет,
только Y", a topic set off before the seller's telling ("X — told her it's Y only"), and the
thing denied right after the restriction ("only Y, no X" / "only Y, not X"). It stays out of
sentences with a negation before "only" ("X не делаем, только Y"): the negation rules' claim.
The ownership test is ``claim_rules_only.only_owner``.
"""

from __future__ import annotations

import re

from salesmine.refusals.claim_antecedents import person_phrase, phrase_after_cue
from salesmine.refusals.claim_context import Note, topic
from salesmine.refusals.claim_hits import Hit, source_of
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right
from salesmine.refusals.claim_rules_only import only_owner

_ONLY = frozenset(("только", "only"))  # (the cheap check in ``only_wanted`` looks for these)
# A limit told instead of "only": "wanted gigabit, rep said max is 500", "need a daily rental,
# we said min 1 week", "told her PT is strictly 1-on-1", "оплата строго авансом". Only
# after a named want (``_wanted``): a bare "max 4 payments" is a term of the deal.
_LIMITS = frozenset(("max", "maximum", "min", "minimum", "strictly", "строго"))
_CHEAP = re.compile(r"только|only|\bmax|\bmin|strictly|строго")
# Wants, requests and questions that introduce the wanted thing (lemmas and word forms).
_WANT_RU = frozenset(
    """хотеть хотел хотела хотели нужный нужно нужен нужна нужны надо просить попросить
    спрашивать спросить интересоваться искать""".split()
)
_WANT_EN = frozenset(
    """want wants wanted wanting need needs needed asked asking ask asks requested request
    requests looking interested""".split()
)
# Words between the cue and the wanted thing ("wanted one family room", "asked if he can pay",
# "asked if there's a football camp").
_LEAD_EN = frozenset(
    """a an the one some to for about in if whether wether he she they it we you can could would
    be able get have their his her also just there there's 's is are any""".split()
)
_LEAD_RU = frozenset("""бы чтобы чтоб ли можно а и им ему ей нам у вас""".split())
# Verbs of telling: the restriction is the seller's answer ("I said", "Mgr said", "ответила").
_TELL = frozenset(
    """said say says told tell replied answered explained сказал сказала сказали ответил
    ответила ответили объяснил объяснила пояснил пояснила""".split()
)
_MANAGER_LABELS = frozenset(("м", "m", "мен", "менеджер", "mgr", "me", "я"))
_NO = frozenset(("нет", "no", "nope", "нету"))
_NEED_AFTER_RU = frozenset("надо нужно нужен нужна нужны".split())
_NEGATIONS = frozenset(
    """не нет нету нельзя ни no not n't never cannot none закрыт закрыта закрыли снят снята
    сняли discontinued longer""".split()
)
_QUESTION_WORDS = frozenset(
    """есть у вас вы ли можно делаете даёте дадите have you do does is are can could any""".split()
)
_OPENERS = frozenset(
    """м m к c мен mgr me я said says told replied answered сказал сказала ответил ответила
    кажется вроде sorry unfortunately к сожалению увы""".split()
)
_ASIDES = frozenset(("sorry", "unfortunately", "к", "сожалению", "увы"))
_DENY_AFTER = frozenset(("no", "not"))
_SO = frozenset(("so", "hence", "thus"))
_BREAKS = frozenset((",", "-", "–", "—", ";"))
_VERB_LINKS_EN = frozenset("in after by on with for monthly upfront later".split())
_CLAUSE_ENDS = frozenset((",", ";", ".", "!", "?", ":", "-", "–", "—", "(", "\n"))
MAX_WANT_WORDS = 5
DENY_REACH = 8


def only_wanted(note: Note) -> list[Hit]:
    """X wanted, asked for or asked about, answered by the company's "только Y"."""
    if not _CHEAP.search(note.low):  # cheap: most notes have none of them
        return []
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low not in _ONLY and tok.low not in _LIMITS:
            continue
        if _negated_before(note, k):
            continue  # "X не делаем, только Y", "we don't do X, only Y": the negation rules' claim
        who = only_owner(note, k)
        told = who in ("we", "you") or _told(note, k) or _answered_no(note, k)
        if not told:
            continue
        # "only Y, X нет" / "only Y, no X": the negation names the thing, not the want
        if tok.low in _LIMITS:  # a limit: the want must be named
            span = None if _negated_after(note, k) else _wanted(note, k)
        else:
            span = None if _negated_after(note, k) else _wanted(note, k) or _told_topic(note, k)
            span = span or (_denied_after(note, k) if who in ("we", "you") else None)
            span = span or (_opening_topic(note, k) if who in ("we", "you") else None)
        if span is not None:
            hits.append(Hit(span, k, source_of(note, k, who or "we")))
    return hits


def _negated_before(note: Note, k: int) -> bool:
    """A negation or a withdrawal between the start of the sentence and "only", other than a
    bare answer ("нет, только Y", "no sorry, street only")."""
    toks = note.toks
    a, _ = note.sentence_of(k)
    for j in range(a, k):
        if toks[j].low not in _NEGATIONS:
            continue
        nxt = toks[j + 1] if j + 1 < k else toks[k]
        opens = all(not t.word or t.low in _OPENERS for t in toks[a:j])
        if toks[j].low in _NO and opens and (not nxt.word or nxt.low in _ASIDES or j + 1 == k):
            continue  # (an answer: "М: нет, только Y", "said no, manual only")
        return True
    return False


def _negated_after(note: Note, k: int) -> bool:
    toks = note.toks
    _, b = note.sentence_of(k)
    return any(t.low in _NEGATIONS for t in toks[k + 1 : b])


def _told(note: Note, k: int) -> bool:
    """A verb of telling before "only" in its sentence, or a manager's line ("М: только ...")."""
    a, _ = note.sentence_of(k)
    toks = note.toks
    if any(t.low in _TELL for t in toks[a:k]):
        return True
    return _manager_line(toks, a)


def _told_topic(note: Note, k: int) -> tuple[int, int] | None:
    """ "subscription for lunches — told her it's one-off orders only": the phrase set off
    before a seller's telling of the restriction."""
    a, _ = note.sentence_of(k)
    if _manager_line(note.toks, a):
        return None  # ("М: нет, только ...": the label is no topic)
    return topic(note, k) if _told(note, k) else None


def _manager_line(toks: list[Tok], a: int) -> bool:
    return a + 1 < len(toks) and toks[a].low in _MANAGER_LABELS and toks[a + 1].text == ":"


def _answered_no(note: Note, k: int) -> bool:
    """ "а X есть? — нет, только Y": the sentence before asks, this one opens with "нет"."""
    a, _ = note.sentence_of(k)
    before = _question(note, a)
    if before is None:
        return False
    j = a + 2 if _manager_line(note.toks, a) else a
    words = [t.low for t in note.toks[j:k] if t.word]
    return any(w in _NO for w in words[:3])


def _previous(note: Note, a: int) -> tuple[int, int] | None:
    """The sentence before the one starting at ``a`` (line breaks belong to neither)."""
    return next((s for s in reversed(note.sentences) if s[1] <= a), None)


def _question(note: Note, a: int) -> tuple[int, int] | None:
    """The question the sentence at ``a`` answers: the sentence before, or the one before that
    when the asker went on ("К: организуете X? чтобы с погружением / М: нет, только Y")."""
    before = _previous(note, a)
    for _ in range(2):
        if before is None:
            return None
        if any(t.text == "?" for t in note.toks[before[0] : before[1]]):
            return before
        if _manager_line(note.toks, before[0]):
            return None
        before = _previous(note, before[0])
    return None


def _wanted(note: Note, k: int) -> tuple[int, int] | None:
    """The thing wanted or asked about in the sentence of "only" (before it) or the one before."""
    toks = note.toks
    a, _ = note.sentence_of(k)
    before = _previous(note, a)
    start = before[0] if before else a
    cues = _WANT_RU if note.lang == "ru" else _WANT_EN
    for j in range(k - 1, start - 1, -1):
        if toks[j].low not in cues and toks[j].lemma not in cues:
            continue
        end = k if j >= a else a
        span = _phrase_after(toks, j + 1, end, note.lang) or _needed_before(toks, j, note.lang)
        if span is not None:
            return span
    if before is not None and _answered_no(note, k):
        return _asked(note, _question(note, a) or before)
    return None


def _phrase_after(toks: list[Tok], j: int, end: int, lang: str) -> tuple[int, int] | None:
    span = phrase_after_cue(toks, j, end, lang)
    if span is None:
        lead = _LEAD_RU if lang == "ru" else _LEAD_EN
        while j < end and (toks[j].low in lead or toks[j].text.isdigit()):
            j += 1
        span = np_right(toks, j, lang) if j < end else None
        if span is not None and (span[1] > end or not is_product_phrase(toks, span, lang)):
            span = None
    if span is not None and lang == "en" and span[1] - span[0] == 1:
        span = _verb_phrase(toks, span, end)
    if span is None or span[1] - span[0] > 2 * MAX_WANT_WORDS:
        return None
    if sum(t.word for t in toks[span[0] : span[1]]) > MAX_WANT_WORDS + 1:
        return None
    return None if person_phrase(toks, span, lang) else span


def _needed_before(toks: list[Tok], j: int, lang: str) -> tuple[int, int] | None:
    """ "щиты и кабели надо искать отдельно": the need after its object (Russian)."""
    if lang != "ru" or toks[j].low not in _NEED_AFTER_RU:
        return None
    span = np_left(toks, j, lang)
    if span is None or not is_product_phrase(toks, span, lang) or person_phrase(toks, span, lang):
        return None
    return span if sum(t.word for t in toks[span[0] : span[1]]) <= MAX_WANT_WORDS else None


def _verb_phrase(toks: list[Tok], span: tuple[int, int], end: int) -> tuple[int, int]:
    """ "pay in 3 installments", "pay after the work is done": an English verb and what
    follows it up to the end of its clause names the thing better than the bare verb."""
    a, b = span
    if b >= end or toks[b].low not in _VERB_LINKS_EN:
        return span
    j = b
    while j < end and toks[j].text not in _CLAUSE_ENDS and toks[j].low not in _ONLY:
        j += 1
    return (a, j) if sum(t.word for t in toks[a:j]) <= MAX_WANT_WORDS + 1 else span


def _asked(note: Note, question: tuple[int, int]) -> tuple[int, int] | None:
    """The thing in the question before ("К: а накопители есть?", "доставка курьером?"):
    the phrase, on to the question mark past words of the question itself."""
    pa, pb = question
    toks = note.toks
    j = pa + 2 if pb - pa > 2 and toks[pa + 1].text == ":" else pa
    span = _phrase_after(toks, j, pb, note.lang)
    if span is None:
        return None
    end = span[1]
    while (
        end < pb
        and toks[end].word
        and toks[end].low not in _QUESTION_WORDS
        and toks[end].pos != "VERB"
    ):
        end += 1
    if (
        end < pb
        and toks[end].text == "?"
        and sum(t.word for t in toks[span[0] : end]) <= MAX_WANT_WORDS
    ):
        return (span[0], end)
    return span


def _denied_after(note: Note, k: int) -> tuple[int, int] | None:
    """ "we're tyres only - no oil changes", "we only sell clothing, not footwear": the thing
    denied right after the restriction, in the same sentence."""
    if note.lang != "en":
        return None
    toks = note.toks
    _, b = note.sentence_of(k)
    for j in range(k + 1, min(b - 1, k + DENY_REACH)):
        n = j + 2 if toks[j + 1].low in _SO and j + 2 < b - 1 else j + 1  # ", so no X"
        if toks[j].text in _BREAKS and toks[n].low in _DENY_AFTER:
            span = np_right(toks, n + 1, note.lang)
            if span and span[1] <= b and is_product_phrase(toks, span, note.lang):
                return span
            return None
    return None


# Who believes or tells the restriction: "the owner thinks we only do rats", "Client: 'you only
# do in-town events'".
_BELIEF_OR_TELL_EN = frozenset("think thinks thought believes told said says client".split())
_TOPIC_ENDS = frozenset((",", ";", "."))
_TOPIC_CUTS = frozenset(("for", "in", "on", "at", "with"))
_CLAUSE_WORDS_EN = frozenset(
    "he she they we you i it is are was were can could would will do does did if whether".split()
)


def _opening_topic(note: Note, k: int) -> tuple[int, int] | None:
    """ "roaches in the kitchen, the owner thinks we only do rats & mice", "Offsite for 60 ppl,
    2 days. Client: 'you only do in-town events'": the noun phrase the note (or the sentence)
    opens with, set off by a comma or a full stop, when someone believes or tells the
    restriction (English). The head is kept without its "for" / "in" tail."""
    if note.lang != "en":
        return None
    toks = note.toks
    a, _ = note.sentence_of(k)
    if not any(t.low in _BELIEF_OR_TELL_EN for t in toks[a:k]):
        return None
    before = _previous(note, a)
    for start in (a, before[0] if before else -1):
        if start < 0:
            continue
        span = np_right(toks, start, note.lang)
        if span is None or not _set_off(toks, span[1], k):
            continue
        if not is_product_phrase(toks, span, note.lang) or person_phrase(toks, span, note.lang):
            continue
        cut = next((j for j in range(span[0] + 1, span[1]) if toks[j].low in _TOPIC_CUTS), span[1])
        if sum(t.word for t in toks[span[0] : cut]) <= MAX_WANT_WORDS:
            return (span[0], cut)
    return None


def _set_off(toks: list[Tok], j: int, k: int) -> bool:
    """A comma or full stop soon after the phrase ("roaches in the kitchen,"), reached by a
    "for" / "in" tail only: no verb or pronoun of a clause in between."""
    if j < len(toks) and toks[j].text in _TOPIC_ENDS:
        return True
    if j >= len(toks) or toks[j].low not in _TOPIC_CUTS:
        return False
    for n in range(j + 1, min(k, j + 2 * MAX_WANT_WORDS)):
        if toks[n].text in _TOPIC_ENDS:
            return True
        if toks[n].low in _CLAUSE_WORDS_EN or toks[n].low in _BELIEF_OR_TELL_EN:
            return False
    return False
