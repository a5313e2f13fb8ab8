"""Russian claims said around the product rather than about it: "лизинг станков не наше
направление", "в рассрочку у вас нельзя", "не уверен, что у нас есть триал", "не знаю, делаем
ли мы выездное обучение"."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent
from salesmine.refusals.claim_context import Note, owner, topic
from salesmine.refusals.claim_hits import SKIP_RU, Hit, phrase, source_of
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right

# "не наше направление", "не наш профиль", "не по нашей части": outside what the company does.
SCOPE_NOUNS = frozenset(
    """направление профиль специализация формат тема история сегмент компетенция область
    часть специфика""".split()
)
# "не уверен, что у нас есть X", "не знаю, есть ли у нас X": the manager did not know.
_UNSURE = frozenset(("уверенный", "уверен", "уверена", "знать", "помнить", "курс"))
_UNSURE_WINDOW = 8
_IMPOSSIBLE_SHORT = frozenset(("невозможна", "невозможен", "невозможны"))
_OWN_SKIP = frozenset(("у", "нас", "вас", "мы", "вы", "же", "вообще", "сейчас", "пока", "ли"))


def not_our_scope(note: Note) -> list[Hit]:
    """ "лизинг станков не наше направление", "это не наш профиль", "не по нашей части"."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low != "не":
            continue
        j = k + 1 + (k + 1 < len(toks) and toks[k + 1].low == "по")
        if _to_us(toks, k):
            j = k + 1  # "это не к нам": the phrase is the thing asked for before it
        elif j + 1 >= len(toks) or toks[j].lemma not in ("наш", "ваш"):
            continue
        elif toks[j + 1].lemma not in SCOPE_NOUNS:
            continue
        span = phrase(note, j + 2, k, SKIP_RU | {"это", "—", "-"}, prefer_left=True)
        if span and is_product_phrase(toks, span, "ru"):
            who = "you" if toks[j].lemma == "ваш" else "we"
            hits.append(Hit(span, k, source_of(note, k, who)))
    return hits


def _to_us(toks: list[Tok], k: int) -> bool:
    """ "не к нам", "не по адресу": the company is not who does it."""
    pair = tuple(t.low for t in toks[k + 1 : k + 3])
    return pair in (("к", "нам"), ("по", "адресу"))


def bare_impossible(note: Note) -> list[Hit]:
    """ "а в рассрочку у вас нельзя", "КАСКО на мотоциклы у нас невозможно": no verb follows,
    the thing stands right before (past "у вас", "у нас")."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if not _impossible_word(tok):
            continue
        after = toks[k + 1] if k + 1 < len(toks) else None
        if after is not None and after.word and after.pos in ("INFN", "VERB", "ADVB", "NOUN"):
            continue  # "нельзя оформить X" is ``impossible``; "нельзя дешевле" is a price
        who, _ = owner(note, k)
        if who == "they":
            continue
        i = k
        while i > 0 and toks[i - 1].low in _OWN_SKIP:
            i -= 1
        span = np_left(toks, i, "ru")
        if span is None or not is_product_phrase(toks, span, "ru"):
            # "впн между офисом и облаком — клиент говорит у нас нельзя": the topic before a dash
            span = topic(note, k, hyphenated=True)
        if span and is_product_phrase(toks, span, "ru"):
            hits.append(Hit(span, k, source_of(note, k, who or "we")))
    return hits


def _impossible_word(tok: Tok) -> bool:
    """ "нельзя", "невозможно", or the short adjective agreeing with the thing before it
    ("постоплата для юрлиц невозможна", "выезд невозможен")."""
    return tok.low in lex.IMPOSSIBLE_RU or tok.low in _IMPOSSIBLE_SHORT


def unsure(note: Note) -> list[Hit]:
    """ "не уверен, что у нас есть X", "не знаю, есть ли у нас X", "есть ли у нас X — не
    знаю": a product the manager could not say the company has."""
    hits = []
    toks = note.toks
    for k in range(len(toks)):
        if not _unsure_cue(toks, k):
            continue
        a, b = note.sentence_of(k)
        for j in range(max(a, k - _UNSURE_WINDOW), min(b, k + _UNSURE_WINDOW)):
            if toks[j].low != "есть" or not _ours(note, j):
                continue
            span = _thing_after(toks, j + 1, b) or _thing_before(toks, j)
            if span is None and j < k:
                span = antecedent(toks, j, "ru")  # "нужен X. Есть ли у нас — не знаю"
            if span and is_product_phrase(toks, span, "ru"):
                hits.append(Hit(span, k, "unanswered"))
                break
    return hits


def _unsure_cue(toks: list[Tok], k: int) -> bool:
    """ "не уверен", "не знаю", "не в курсе", "не помню"."""
    if toks[k].low != "не" or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    if nxt.low == "в" and k + 2 < len(toks):
        nxt = toks[k + 2]
    return nxt.lemma in _UNSURE or nxt.low in _UNSURE


def _ours(note: Note, j: int) -> bool:
    who, _ = owner(note, j)
    return who in ("we", "")


def _thing_after(toks: list[Tok], j: int, end: int) -> tuple[int, int] | None:
    while j < end and toks[j].low in _OWN_SKIP:
        j += 1
    span = np_right(toks, j, "ru")
    return span if span and span[1] <= end else None


def _thing_before(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """ "триал у нас есть?": the phrase before "есть", past the owner."""
    i = j
    while i > 0 and toks[i - 1].low in _OWN_SKIP:
        i -= 1
    if i == j:
        return None
    return np_left(toks, i, "ru")
