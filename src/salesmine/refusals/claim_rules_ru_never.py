"""A condition the company says it never works on: "без залога у нас не бывает", "на длительный
срок мы не работаем", "без предоплаты никак". The prepositional phrase right before "(мы / у нас)
не бывает / не работаем / никак" is the condition the company does not offer (mention with its
preposition: "без залога")."""

from __future__ import annotations

from salesmine.refusals.claim_antecedents import person_phrase
from salesmine.refusals.claim_context import Note
from salesmine.refusals.claim_hits import Hit, source_of
from salesmine.refusals.claim_phrases import is_product_phrase, np_right

_PREPOSITIONS = frozenset(("без", "на", "под", "по"))
_WE = frozenset(("мы", "у", "нас"))
_NEVER = (("не", "бывает"), ("не", "работаем"), ("никак",))
_MAX_WORDS = 4


def never_on(note: Note) -> list[Hit]:
    """ "без X у нас не бывает", "на X мы не работаем", "без X никак": X-condition not offered."""
    hits = []
    toks = note.toks
    for k in range(len(toks)):
        if not _never_at(note, k):
            continue
        j = k - 1
        we = 0
        while j >= 0 and toks[j].low in _WE and we < 2:
            j, we = j - 1, we + 1
        if toks[k].low == "не" and we == 0:
            continue  # "не работаем" needs "мы" / "у нас": whose work it is
        # the phrase ends at j; find its preposition at most _MAX_WORDS before
        a, _ = note.sentence_of(k)
        for p in range(j, max(a - 1, j - _MAX_WORDS - 1), -1):
            if toks[p].low not in _PREPOSITIONS:
                continue
            span = np_right(toks, p + 1, note.lang)
            if span is None or span[1] != j + 1:
                break
            if not is_product_phrase(toks, span, note.lang) or person_phrase(toks, span, note.lang):
                break
            if any(not t.word and t.text not in ("-",) for t in toks[span[0] : span[1]]):
                break
            hits.append(Hit((p, span[1]), k, source_of(note, k, "we")))
            break
    return hits


# (every token is tried: one set look-up rules out all but "не" / "никак")
_NEVER_FIRST = frozenset(words[0] for words in _NEVER)


def _never_at(note: Note, k: int) -> int:
    toks = note.toks
    if toks[k].low not in _NEVER_FIRST:
        return 0
    for words in _NEVER:
        if k + len(words) <= len(toks) and all(toks[k + i].low == w for i, w in enumerate(words)):
            return len(words)
    return 0
