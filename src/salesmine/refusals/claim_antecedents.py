"""What a claim points back to: the antecedent of "его", "такого", "it" ("нужна X, у нас её
нет"), the thing asked about or wanted ("спросил про X", "asked if we offer X"), and who is a
person rather than a product."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_morphology import can_be_object
from salesmine.refusals.claim_phrases import (
    QUOTES,
    Tok,
    head_lemma,
    is_product_phrase,
    np_at,
    np_left,
    np_right,
)

NEAREST_WINDOW = 16
_GENERIC_INFINITIVES = lex.OFFER_VERBS_RU | {"купить", "приобрести", "получить", "заказать"}
_WITHOUT = frozenset(("без", "without"))
_NEED_AFTER = frozenset(
    ("нужный", "нужно", "нужен", "нужна", "нужны", "хотеть", "needed", "required")
)
_REFUSAL_NEG = frozenset(("не", "нельзя", "никак", "not", "n't", "never", "no"))
REFUSAL_WINDOW = 4
# After these an English word is a verb: "won't consider", "they use", "to switch".
_VERB_SLOT_EN = frozenset(
    "n't not to will wo would can ca could should i we you they he she it".split()
)


def is_anaphor(tok: Tok, lang: str) -> bool:
    """ "его", "такого", "it", "that": the product was named earlier in the note ("ТО",
    written in capitals, is an abbreviation)."""
    if len(tok.text) > 1 and tok.text.isupper():
        return False
    return (
        tok.lemma in (lex.ANAPHORS_RU if lang == "ru" else lex.ANAPHORS_EN)
        or tok.low in lex.ANAPHORS_EN
    )


def antecedent(
    toks: list[Tok], before: int, lang: str, *, nearest: bool = True
) -> tuple[int, int] | None:
    """The last product phrase introduced by "нужна / хотели / спросила, можно ли / needs /
    asked about" before ``before``; else (``nearest``) the closest phrase a few words back."""
    # a want or a question first ("хотел X, как раньше по акции. такого нет" is X), then a
    # preposition ("про X", "без X не рассматривают, а у нас такого нет")
    strong = lex.NEED_CUES_RU | lex.ASK_VERBS_RU if lang == "ru" else lex.NEED_CUES_EN
    weak = lex.ABOUT_RU | {"без"} if lang == "ru" else frozenset(("without", "for"))
    for cues in (strong, weak):
        for k in range(before - 1, -1, -1):
            if toks[k].low in cues or toks[k].lemma in cues:
                if cues is weak and k > 0 and np_at(toks, k - 1, lang):
                    continue  # "кэшбэк [по картам]": a preposition after a noun qualifies it
                span = phrase_after_cue(toks, k + 1, before, lang) or _needed_before(toks, k)
                if span and (toks[k].low not in _WITHOUT or _refused_after(toks, span[1])):
                    return span
    return _nearest_phrase(toks, before, lang) if nearest else None


def _needed_before(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """ "оплата по счёту нужна", "a CRM integration is needed": the need after its object."""
    if toks[k].lemma not in _NEED_AFTER and toks[k].low not in _NEED_AFTER:
        return None
    j = k
    while j > 0 and toks[j - 1].low in ("была", "был", "было", "были", "is", "was", "очень"):
        j -= 1
    lang = "ru" if toks[k].pos else "en"
    span = np_left(toks, j, lang)
    if span is None or person_phrase(toks, span, lang):
        return None  # "клиент хочет ...": who wants it, not what
    return span if is_product_phrase(toks, span, lang) else None


def _refused_after(toks: list[Tok], end: int) -> bool:
    """ "без X не рассматривают", "without X they won't": X is a condition of the deal."""
    return any(t.low in _REFUSAL_NEG for t in toks[end : end + REFUSAL_WINDOW])


def _nearest_phrase(toks: list[Tok], before: int, lang: str) -> tuple[int, int] | None:
    """The closest product phrase before ``before`` (a few words back), when no "нужна" /
    "хотели" introduced one: "предложили лизинг погрузчиков, у нас такого нет"."""
    rejected_from = before
    for k in range(before - 1, max(-1, before - NEAREST_WINDOW), -1):
        if toks[k].text in (".", "!", "?", "\n"):
            return _topic_line(toks, k, lang)
        if k >= rejected_from or not np_at(toks, k, lang):
            continue  # (inside a phrase already turned down: "персонального [менеджера]")
        span = _subject_dropped(toks, np_left(toks, k + 1, lang), lang)
        if span is None:
            continue
        if not is_product_phrase(toks, span, lang) or person_phrase(toks, span, lang):
            rejected_from = span[0]  # "клиент хочет ..., говорит у вас такого нет": who
            continue
        if toks[span[0]].pos == "NPRO":
            continue
        if not _after_preposition(toks, span[0], lang):
            return span
        rest = _past_named_place(toks, span)  # "в Тинькофф | кэшбэк по картам"
        if rest:
            return rest  # (else "в другой компании", "к счёту": a place or a recipient)
    return None


def _subject_dropped(
    toks: list[Tok], span: tuple[int, int] | None, lang: str
) -> tuple[int, int] | None:
    """ "they [bundle] window cleaning": in English the word after a subject is a verb."""
    if span is None or lang != "en" or span[0] == 0 or toks[span[0] - 1].low not in _VERB_SLOT_EN:
        return span
    return (span[0] + 1, span[1]) if span[1] - span[0] > 1 else None


_PREPOSITIONS_EN = frozenset(
    "to at from in on with by into onto via per than over under".split()
)  # fmt: skip


def _after_preposition(toks: list[Tok], start: int, lang: str) -> bool:
    """Is the phrase at ``start`` the object of a preposition (past "нашем" / "их": "в нашем
    банке")? "про X" names what was asked about, so it does not count."""
    j = start - 1
    if j > 0 and (
        toks[j].lemma in ("наш", "ваш", "их", "свой", "этот", "другой")
        or toks[j].low in ("our", "their", "your", "the", "a", "an")
    ):
        j -= 1
    if j < 0:
        return False
    if lang == "ru":
        return toks[j].pos == "PREP" and toks[j].low not in ("про", "без", "насчет")
    return toks[j].low in _PREPOSITIONS_EN


def person_phrase(toks: list[Tok], span: tuple[int, int], lang: str) -> bool:
    """ "клиент", "юрист садика", "the prospect": a person, who says or wants, not the thing."""
    head = head_lemma(toks, span, lang)
    people = lex.CLIENT_NOUNS_RU | lex.OUR_STAFF_RU if lang == "ru" else lex.CLIENT_CUES_EN
    return head in people


def _topic_line(toks: list[Tok], end: int, lang: str) -> tuple[int, int] | None:
    """ "Решетки на окна + рольставни. мы такое не ставим": a sentence that is only a noun
    phrase names what the next one refers to."""
    start = end
    while start > 0 and toks[start - 1].text not in (".", "!", "?", "\n"):
        start -= 1
    span = np_right(toks, start, lang)
    if span is None or not is_product_phrase(toks, span, lang):
        return None
    rest = [t for t in toks[span[1] : end] if t.word]
    return span if not any(t.pos in ("VERB", "INFN") for t in rest) and len(rest) <= 3 else None


def _past_named_place(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int] | None:
    """ "В Тинькофф кэшбэк по картам", "В ВТБ овердрафт": after a named place (a capitalised
    word) the phrase that follows is the thing."""
    a, b = span
    if b - a < 2 or not toks[a].text[:1].isupper() or toks[a + 1].text[:1].isupper():
        return None
    rest = (a + 1, b)
    return rest if is_product_phrase(toks, rest, "ru") else None


def _own_place_at(toks: list[Tok], j: int) -> bool:
    """ "в полисе", "в программе": where a question looks, not what it asks for."""
    return toks[j].low == "в" and j + 1 < len(toks) and toks[j + 1].lemma in lex.OWN_PLACES_RU


def _object_follows(toks: list[Tok], j: int, end: int) -> bool:
    """Does an object noun phrase (accusative or genitive: "оплату", "КАСКО") start at ``j``?
    "оплатить частями" has none: the verb itself names the product."""
    if toks[j].lemma in _GENERIC_INFINITIVES:
        return True
    span = np_right(toks, j, "ru")
    if span is None or span[1] > end:
        return False
    first = next((t for t in toks[span[0] : span[1]] if t.pos == "NOUN"), None)
    return first is not None and (first.text.isupper() or can_be_object(first.low))


def phrase_after_cue(toks: list[Tok], j: int, end: int, lang: str) -> tuple[int, int] | None:
    """The thing asked about or wanted, after "про", "ли", "у нас", "в полисе"; a verb may start
    it ("можно ли оплатить частями")."""
    skip = lex.QUESTION_SKIP_RU if lang == "ru" else lex.QUESTION_SKIP_EN
    while j < end and (toks[j].low in skip or toks[j].text in QUOTES or _own_place_at(toks, j)):
        j += 2 if _own_place_at(toks, j) else 1
    if j + 1 < end and toks[j].pos == "INFN" and _object_follows(toks, j + 1, end):
        j += 1  # "можно ли оформить КАСКО", "подключить оплату на сайте": what follows
    span = np_right(toks, j, lang, skip_leading_link=True)
    if span is None and j + 1 < end and toks[j].pos == "INFN":
        rest = np_right(toks, j + 1, lang)
        span = (j, rest[1]) if rest else None
    if span is None or span[1] > end:
        return None
    span = _matter_of(toks, span, lang)
    if _whom_asked(toks, span[0]):
        return None
    return span if is_product_phrase(toks, span, lang) else None


def _whom_asked(toks: list[Tok], a: int) -> bool:
    """ "делаем ли ещё, спрошу у склада", "check with ops": whom the manager will ask, not
    what was asked about."""
    if a < 2 or toks[a - 1].low not in ("у", "with"):
        return False
    return toks[a - 2].lemma in ASK_AROUND


# Verbs of finding out from someone: "уточнить у склада", "спросить у РОПа", "check with ops".
ASK_AROUND = frozenset(
    """спросить спрашивать уточнить уточнять узнать узнавать переспросить check confirm
    verify""".split()
)


def _matter_of(toks: list[Tok], span: tuple[int, int], lang: str) -> tuple[int, int]:
    """ "закрыть вопрос со спецоценкой", "вопрос по рассрочке": the matter, not the question."""
    a, b = span
    if lang == "ru" and toks[a].lemma in ("вопрос", "тема") and a + 2 < b:
        if toks[a + 1].low in ("с", "со", "по", "про", "о", "об"):
            return a + 2, b
    return span
