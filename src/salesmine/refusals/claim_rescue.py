"""A second look at a note the claim rules found nothing in: when the claim classifier is sure
the note says a product is missing, the catalog item named nearest to an absence cue ("нет",
"не", "no", "n't", a question) is taken as the claimed product.

The rules know how claims are phrased; this path knows only that the note reads like a claim and
which catalog names it holds. It therefore accepts only near-exact names (``RESCUE_MIN_SCORE``)
in the sentence of an absence cue, and not a name the client is said to have or to have bought.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.catalog_match import CatalogIndex, CatalogMatch, match_catalog
from salesmine.refusals.claim_context import Note, competitor_nearby, corrected, owner
from salesmine.refusals.claim_hits import source_of
from salesmine.refusals.claim_phrases import (
    LINKED_ARTICLES_EN,
    Tok,
    is_np_word,
    is_product_phrase,
    np_right,
    phrase_text,
)
from salesmine.refusals.mention_idioms import IDIOMS_RU

RESCUE_MIN_SCORE = 0.9
MAX_NAME_WORDS = 4
CUE_WINDOW = 8
_CUES = frozenset(("нет", "нету", "не", "нельзя", "no", "not", "n't", "never", "без", "without"))
_GLUE = frozenset(("-", "/", "+", "&"))
_FUNCTION_POS = frozenset(("PREP", "CONJ", "PRCL", "NPRO", "INTJ"))
# "РКО уже взяли", "bought the CRM": a product the client has is not the missing one.
_HAS_IT = frozenset(
    """взять брать оформить подписать купить заключить подключить продлить took bought signed
    renewed purchased""".split()
)


_NEED_WORDS = frozenset(
    """нужный нужно нужен нужна нужны надо хотеть интересовать интересно need needed want
    interest interested require""".split()
)


@dataclass(frozen=True)
class Named:
    """A catalog name found in a note: its token span and the match."""

    span: tuple[int, int]
    match: CatalogMatch


def named_items(note: Note, index: CatalogIndex) -> list[Named]:
    """Catalog items named in the note almost exactly, longest names first, not overlapping."""
    found: list[Named] = []
    toks = note.toks
    taken: set[int] = set()
    for size in range(MAX_NAME_WORDS, 0, -1):
        for a in range(len(toks)):
            span = _words(toks, a, size)
            if span is None or taken & set(range(*span)):
                continue
            if not is_product_phrase(toks, span, note.lang):
                continue
            match = match_catalog(phrase_text(note.text, toks, span), index)
            if match.item and match.score >= RESCUE_MIN_SCORE:
                found.append(Named(span, match))
                taken |= set(range(*span))
    return sorted(found, key=lambda n: n.span)


def _words(toks: list[Tok], a: int, size: int) -> tuple[int, int] | None:
    """``size`` words from ``a``, joined only by spaces or glue ("б/у", "on-site")."""
    if not is_np_word(toks[a], "ru" if toks[a].pos else "en") and not toks[a].text.isupper():
        return None
    words, b = 0, a
    while b < len(toks) and words < size:
        tok = toks[b]
        if tok.word:
            words += 1
        elif tok.text not in _GLUE:
            return None
        b += 1
    last = toks[b - 1] if b > a else None
    # a name ends on a content word, not on "у" / "в" ("техника с пробегом | у нас")
    ok = last is not None and last.word and last.pos not in _FUNCTION_POS
    return (a, b) if words == size and ok and last.low not in lex.NP_STOP_EN else None


def rescue(note: Note, index: CatalogIndex) -> tuple[tuple[int, int], CatalogMatch, str] | None:
    """The named item closest to an absence cue in its sentence, with the claim's source; None
    when no catalog name stands near a cue or the client is said to have it."""
    best: tuple[int, Named, int] | None = None
    for named in named_items(note, index):
        cue = _nearest_cue(note, named.span)
        if cue is None or _has_it(note, named.span) or _not_ours(note, cue):
            continue
        if _idiom(note, named.span):
            continue  # "я не в [курсе]": a set phrase, no product
        if _modifier(note, named.span):
            continue  # "финансирования под [отсрочку]": part of another product's name
        distance = min(abs(cue - named.span[0]), abs(cue - (named.span[1] - 1)))
        if best is None or distance < best[0]:
            best = (distance, named, cue)
    if best is None:
        return None
    _, named, cue = best
    if corrected(note, note.toks[cue].end, cue):
        return None
    return named.span, named.match, source_of(note, cue, "we")


def _nearest_cue(note: Note, span: tuple[int, int]) -> int | None:
    a, b = note.sentence_of(span[0])
    near = [
        j
        for j in range(max(a, span[0] - CUE_WINDOW), min(b, span[1] + CUE_WINDOW))
        if (note.toks[j].low in _CUES or note.toks[j].text == "?") and not span[0] <= j < span[1]
    ]
    return min(near, key=lambda j: abs(j - span[0])) if near else None


# Set phrases of a preposition and a noun that say how someone is, not what: "не в курсе"
# (unaware), "в целом", "в принципе", "на связи", "в теме".
def _idiom(note: Note, span: tuple[int, int]) -> bool:
    """A one-word name that is the noun of a set phrase with the preposition before it."""
    a, b = span
    toks = note.toks
    return b - a == 1 and a > 0 and f"{toks[a - 1].low} {toks[a].low}" in IDIOMS_RU


def _modifier(note: Note, span: tuple[int, int]) -> bool:
    """A name after a preposition that hangs on a noun: "кэшбэк по [картам]"."""
    toks = note.toks
    a = span[0]
    if note.lang == "en" and a > 2 and toks[a - 1].low in LINKED_ARTICLES_EN:
        a -= 1  # "hookah on the [terrace]"
    links = lex.NP_LINKS_RU if note.lang == "ru" else lex.NP_LINKS_EN
    return a > 1 and toks[a - 1].low in links and is_np_word(toks[a - 2], note.lang)


def _not_ours(note: Note, cue: int) -> bool:
    """ "у них нет 1С", "competitor doesn't offer X", "не нужна доставка", "no interest in X",
    "we don't have time for X": the negation is about someone else, a need or a non-product."""
    who, _ = owner(note, cue)
    if who == "they" or (competitor_nearby(note, cue) and who != "we"):
        return True
    toks = note.toks
    near = toks[cue + 1 : cue + 4]
    if any(t.lemma in _NEED_WORDS or t.low in _NEED_WORDS for t in near):
        return True
    object_span = np_right(toks, cue + 1, note.lang)
    return object_span is not None and not is_product_phrase(toks, object_span, note.lang)


def _has_it(note: Note, span: tuple[int, int]) -> bool:
    """ "клиент берёт РКО", "signed for the CRM": a verb of buying right before the name."""
    toks = note.toks
    before = toks[max(0, span[0] - 3) : span[0]]
    return any(t.lemma in _HAS_IT or t.low in _HAS_IT for t in before) and not any(
        t.low in _CUES for t in before
    )
