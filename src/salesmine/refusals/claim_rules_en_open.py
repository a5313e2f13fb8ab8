"""English product questions the other question rules do not read: a passive one ("can calls
be recorded for compliance? wasn't sure"), one about what the client could do with the product
("can they run 2 companies under one login? — don't know", "asked if they get 24/7 access. no
answer"), and a client's "why can't I see results online?" complaint. The first two count only
when the note says nobody answered (or answered no); the complaint says the thing is missing
by itself."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_context import Note, answer_status
from salesmine.refusals.claim_hits import Hit
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_right

_MODALS = frozenset(("can", "could", "will", "would"))
_CLIENT_SUBJECTS = frozenset(("they", "he", "she", "i"))
_WHY_NEG = frozenset(("ca", "can", "do", "does", "is", "are", "wo"))
_PRONOUNS = frozenset(("i", "we", "you", "they", "he", "she"))
MAX_NP_WORDS = 4


def open_questions(note: Note) -> list[Hit]:
    """The three question shapes above, each with its status test."""
    hits = []
    toks = note.toks
    for a, b in note.sentences:
        q = next((j for j in range(a, b) if toks[j].text == "?"), -1)
        for k in range(a, b - 1):
            if q > k:
                hit = _passive(note, k, q) or _they_direct(note, k, q) or _why_not(note, k, q)
            else:
                hit = _they_reported(note, k, b)
            if hit is not None:
                hits.append(hit)
    return hits


def _open(note: Note, after: int) -> str | None:
    status = answer_status(note, after)
    if status == "unanswered":
        return "unanswered"
    return "manager" if status == "negative" else None


def _passive(note: Note, k: int, q: int) -> Hit | None:
    """ "can calls be recorded?": modal, a product noun phrase, "be", a past participle — the
    phrase through the participle is the mention."""
    toks = note.toks
    if toks[k].low not in _MODALS or (k > 0 and toks[k - 1].word and toks[k - 1].low != "q"):
        return None
    span = np_right(toks, k + 1, note.lang)
    if span is None or span[1] + 1 >= q or toks[span[1]].low != "be":
        return None
    part = toks[span[1] + 1]
    span = (span[0], span[1] + 2)  # (the participle tells "calls [be recorded]" from any call)
    if not part.low.endswith("ed") or not is_product_phrase(toks, span, note.lang):
        return None
    source = _open(note, toks[q].end)
    return Hit(span, k, source) if source else None


def _they_direct(note: Note, k: int, q: int) -> Hit | None:
    """ "can they run 2 companies under one login?": what the client could do with the product."""
    toks = note.toks
    if toks[k].low not in _MODALS or k + 2 >= q or toks[k + 1].low not in _CLIENT_SUBJECTS:
        return None
    if k > 0 and toks[k - 1].word and toks[k - 1].low != "q":
        return None  # ("if they can ...", "what can they ..."): not a yes-no question's start
    return _object_hit(note, k, k + 2, q, _open(note, toks[q].end))


def _they_reported(note: Note, k: int, b: int) -> Hit | None:
    """ "asked if they get 24/7 access": left open only ("no answer", "didn't know")."""
    toks = note.toks
    if toks[k].lemma not in lex.ASK_VERBS_EN or k + 3 >= b:
        return None
    if toks[k + 1].low not in ("if", "whether") or toks[k + 2].low not in _CLIENT_SUBJECTS:
        return None
    v = k + 3
    if toks[v].low in _MODALS and v + 1 < b:
        v += 1
    status = _open(note, toks[b - 1].end)
    return _object_hit(note, k, v, b, status if status == "unanswered" else None)


def _why_not(note: Note, k: int, q: int) -> Hit | None:
    """ "why can't I see results online?": the client's complaint that the thing is missing."""
    toks = note.toks
    if toks[k].low != "why" or k + 4 >= q:
        return None
    if toks[k + 1].low not in _WHY_NEG or toks[k + 2].low not in lex.ENGLISH_NEG:
        return None
    if toks[k + 3].low not in _PRONOUNS:
        return None
    return _object_hit(note, k, k + 4, q, "client")


def _object_hit(note: Note, k: int, v: int, end: int, source: str | None) -> Hit | None:
    """The product phrase after the verb at ``v`` (before ``end``), as a hit of ``source``. The
    verb is the client's ("get", "see", "run"), so the list of verbs that offer nothing does not
    apply."""
    toks = note.toks
    if source is None or v >= end or not toks[v].word or toks[v].low in lex.ENGLISH_NEG:
        return None
    span = np_right(toks, v + 1, note.lang)
    if span is None or span[1] > end or not is_product_phrase(toks, span, note.lang):
        return None
    if _words(toks, span) > MAX_NP_WORDS:
        return None
    return Hit(span, k, source)


def _words(toks: list[Tok], span: tuple[int, int]) -> int:
    return sum(t.word for t in toks[span[0] : span[1]])


# The client's want or need, named before the manager's doubt ("they need an open API ...
# dunno if we have one").
_NEED_EN = frozenset(("need", "needs", "needed", "want", "wants", "wanted"))
_ARTICLES = frozenset(("a", "an", "the", "some", "any"))
_PREPOSITIONS = frozenset(("for", "with", "in", "on", "at", "to", "from", "of"))


def needed_unsure(note: Note) -> list[Hit]:
    """ "they need an open API for their app. dunno if we have one", "client wants RO water
    treatment; no idea if that's ours", "need subtitles for 12 videos. do we? not sure": a
    need, then, in the same or the next sentence, the manager's not knowing whether the company
    ("we", "ours") has it — the need is the open question."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low not in _NEED_EN:
            continue
        a, b = note.sentence_of(k)
        j = k + 1
        while j < b and toks[j].low in _ARTICLES:
            j += 1
        span = np_right(toks, j, note.lang) if j < b else None
        if span is None or span[1] > b or not is_product_phrase(toks, span, note.lang):
            continue
        span = _head_part(toks, span)
        if _words(toks, span) > MAX_NP_WORDS or not _ours_in_doubt(note, span[1], b):
            continue
        hits.append(Hit(span, k, "unanswered"))
    return hits


def _head_part(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """ "RO water treatment [for well water]": a long phrase up to its first preposition."""
    if _words(toks, span) <= MAX_NP_WORDS:
        return span
    cut = next((j for j in range(span[0] + 1, span[1]) if toks[j].low in _PREPOSITIONS), span[1])
    return (span[0], cut)


def _ours_in_doubt(note: Note, after: int, b: int) -> bool:
    """The note leaves it open ("dunno", "not sure", "no idea") and says "we" / "ours" in the
    rest of the sentence or the next one."""
    if answer_status(note, note.toks[after - 1].end) != "unanswered":
        return False
    end = note.sentence_of(b)[1] if b < len(note.toks) else b
    return any(t.low in lex.WE_EN for t in note.toks[after:end])
