"""English claims said about the company's scope rather than with a verb: "mass hiring isn't our
thing", "that's not our area", "outside our scope", "not in our offering", "not us", "a day
cleaner isn't an option with us", "that's not a service we provide"."""

from __future__ import annotations

from salesmine.refusals.claim_antecedents import antecedent, is_anaphor
from salesmine.refusals.claim_context import Note
from salesmine.refusals.claim_hits import Hit, source_of
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right
from salesmine.refusals.claim_rules_scope import asked_before

SCOPE_NOUNS = frozenset(
    """area thing scope offering offer line business field specialty speciality wheelhouse
    profile remit focus service services expertise portfolio range lane department forte
    domain""".split()
)
_NEGATION = frozenset(("not", "n't"))
_BE = frozenset(("is", "'s", "are", "'re", "was", "were"))
_BEYOND = frozenset(("outside", "beyond"))
_TOPIC_BREAKS = frozenset(("-", "—", "–", ":", ",", ";", "("))


def not_our_scope(note: Note) -> list[Hit]:
    """A scope phrase ("not our area", "outside our scope", "not us", "not an option with us")
    and the thing it refuses: the subject before "is", else what was asked for or needed,
    else the phrase the sentence opens with ("biohazard cleanup - outside our scope")."""
    hits = []
    for k in range(len(note.toks)):
        end = _scope_phrase(note.toks, k)
        if end is None:
            continue
        span = _refused_thing(note, k)
        if span and is_product_phrase(note.toks, span, "en"):
            hits.append(Hit(span, k, source_of(note, k, "we")))
    return hits


def _scope_phrase(toks: list[Tok], k: int) -> int | None:
    """The end of a scope phrase starting at ``k``, or None."""
    low = toks[k].low
    words = [t.low for t in toks[k + 1 : k + 5]]
    if low in _BEYOND:
        rest = words[1:] if words[:1] == ["of"] else words
        if rest[:1] == ["our"] and rest[1:2] and rest[1] in SCOPE_NOUNS:
            return k + 3 + (words[:1] == ["of"])
        return None
    if low not in _NEGATION:
        return None
    if words[:1] == ["in"] or words[:1] == ["within"]:
        words = words[1:]
    if words[:1] == ["our"] and words[1:2] and words[1] in SCOPE_NOUNS:
        return k + 3
    if words[:1] == ["us"] and (len(words) == 1 or not toks[k + 2].word or words[1] == "anymore"):
        return k + 2  # "not us", "that's not us anymore"
    if words[:2] in (["an", "option"], ["a", "service"]) and _ours_after(words[2:]):
        return k + 3
    return None


def _ours_after(words: list[str]) -> bool:
    """ "... with us", "... for us", "... we provide / offer / do"."""
    return words[:2] in (["with", "us"], ["for", "us"]) or words[:1] == ["we"]


def _refused_thing(note: Note, k: int) -> tuple[int, int] | None:
    toks = note.toks
    j = k - 1
    while j >= 0 and toks[j].low in _BE:
        j -= 1
    if j < k - 1 and j >= 0 and not is_anaphor(toks[j], "en"):
        span = np_left(toks, j + 1, "en")  # "mass hiring isn't our thing"
        if span and is_product_phrase(toks, span, "en"):
            return span
    return antecedent(toks, k, "en", nearest=False) or _topic(note, k) or asked_before(note, k)


def _topic(note: Note, k: int) -> tuple[int, int] | None:
    """The phrase a sentence opens with, when the scope phrase follows a dash or a colon."""
    a, _ = note.sentence_of(k)
    if not any(t.text in _TOPIC_BREAKS for t in note.toks[a:k]):
        return None
    span = np_right(note.toks, a, "en")
    return span if span and span[1] <= k else None
