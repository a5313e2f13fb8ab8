"""Product questions whose product comes first and stands alone: "ретаргет у вас есть? — ответа
нет", "baler? customer asked twice, nobody got back to him", "what about a yandex maps listing?
client asked, left it open" — the sentence is the product phrase (and at most "у вас есть" /
"what about"), it ends in "?", and the note says later that nobody answered."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_context import Note, answer_status, topic
from salesmine.refusals.claim_hits import Hit
from salesmine.refusals.claim_phrases import is_product_phrase, np_right

# Words a topic question may open with: "а", "К:", "what about", "how about", "and".
_LEAD = frozenset(("а", "и", "к", "what", "how", "about", "and", "re", "q", "so"))
# What may stand between the product and the "?": "у вас есть", "у нас есть", "есть", "тоже".
_TAIL_RU = frozenset(("у", "вас", "нас", "есть", "тоже", "вообще", "же", "ли", "делаете"))
_TAIL_EN = frozenset(("too", "as", "well", "though", "then"))
_WORDS_MAX = 6


def topic_question(note: Note) -> list[Hit]:
    """A question that is only a product phrase ("X?", "what about X?", "X у вас есть?"),
    followed in the note by a plain statement that it was left unanswered."""
    hits = []
    toks = note.toks
    for a, b in note.sentences:
        if b - a < 2 or not toks[b - 1].text.startswith("?"):
            continue
        start = a
        while start < b - 1 and (toks[start].low in _LEAD or not toks[start].word):
            start += 1
        if start >= b - 1:
            continue
        span = np_right(toks, start, note.lang)
        if span is None or span[1] > b - 1 or span[1] - span[0] > _WORDS_MAX:
            continue
        if not is_product_phrase(toks, span, note.lang):
            continue
        if not _only_product(note, span, a, b):
            continue
        if answer_status(note, toks[b - 1].end) != "unanswered":
            continue
        hits.append(Hit(span, b - 1, "unanswered"))
    return hits


def _only_product(note: Note, span: tuple[int, int], a: int, b: int) -> bool:
    """Nothing but "у вас есть" / "too" after the phrase, and no negation in the question."""
    toks = note.toks
    rest = [t for t in toks[span[1] : b - 1] if t.word]
    allowed = _TAIL_RU if note.lang == "ru" else _TAIL_EN
    if any(t.low not in allowed for t in rest):
        return False
    if note.lang == "ru" and not any(t.low in ("вас", "есть", "делаете") for t in rest):
        return False  # "доставка?" alone in Russian is too often the manager's own heading
    return not any(t.low in lex.ENGLISH_NEG or t.low in ("не", "нет") for t in toks[a:b])


def asked_topic(note: Note) -> list[Hit]:
    """ "MT post-editing at a lower rate — asked on Monday, still no answer": an English product
    phrase set off by a dash or colon at the sentence start, then "asked", then a plain
    statement that nobody answered."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.lemma not in lex.ASK_VERBS_EN:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.low in ("if", "whether", "about", "for", "can", "do"):
            continue  # (the reported questions of ``claim_rules_en_questions``)
        span = topic(note, k, hyphenated=True)
        if span is None or span[1] - span[0] > _WORDS_MAX:
            continue
        if answer_status(note, tok.end) != "unanswered":
            continue
        hits.append(Hit(span, k, "unanswered"))
    return hits
