"""Claims made by contrast or by a bare "нет": "нужна интеграция с iiko — у нас только r_keeper",
"needs on-prem, we're cloud only", "нет on-premise версии, только облако", "No native Xero
integration". Both languages."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent, phrase_after_cue
from salesmine.refusals.claim_context import (
    Note,
    competitor_nearby,
    owner,
    positive_offer,
    rival_offer,
    topic,
)
from salesmine.refusals.claim_hits import Hit, source_of
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_right

# Not "максимум" / "max": "хотят 10 платежей, у нас максимум 4" is a term of the deal, and
# "оплату" would name an item the company does offer.
_ONLY = frozenset(("только", "only", "лишь", "исключительно"))
NEED_AFTER_WORDS = 4
OWNER_REACH = 3
ASIDE_REACH = 4
_NOT_NOUNS_EN = frozenset(("available", "offered", "possible", "here", "now"))
_BARE_NO = frozenset(("нет", "нету", "no"))
_ASIDES = frozenset(("sorry", "unfortunately", "sadly", "увы", "к", "сожалению", "blin", "блин"))
_OUR_WORDS = frozenset(("нас", "мы", "we", "our", "ours", "we're", "us"))
_ASIDE_SPEECH = frozenset(("говорить", "сказать"))
_SAME_THING = frozenset(("it", "them", "его", "её", "их"))
_POSSESSION_VERBS = frozenset(("have", "has", "own", "иметь"))


def only_alternative(note: Note) -> list[Hit]:
    """ "нужна X — у нас только Y", "they need X, we only do Y": the need is what is missing.

    The "только" must be about the company ("у нас / мы / we / our / ours" near it), and the
    needed thing must have been introduced by a need or a question ("нужна", "хотели",
    "спросили про", "need", "wanted", "asked for").
    """
    hits = []
    toks = note.toks
    seen: set[tuple[int, int]] = set()
    for k, tok in enumerate(toks):
        if tok.low not in _ONLY or not only_owner(note, k):
            continue
        a, _ = note.sentence_of(k)
        start = note.sentence_of(a - 1)[0] if a > 0 else a  # the need may be one sentence back
        # the need must be named ("нужна X", "asked about X"): not any phrase before "только"
        span, context = antecedent(toks[:k], k, note.lang, nearest=False), ""
        if span is None and competitor_nearby(note, k):
            span = positive_offer(note, k)  # "у конкурента есть X, а у нас только Y"
        span = span or rival_offer(note, k)  # "у Принтлайна постоплата, а у вас только ..."
        span = span or _offered_before(note, k)  # "в Европкаре дают отсрочку, у нас только ..."
        span = span or topic(note, k, hyphenated=True)  # "Apartment cleaning - we're ... only"
        if span is None or span[0] < start:
            span, context = _need_after(note, k), _offered_head(note, k)
        if span is None or span in seen:
            continue
        seen.add(span)
        hits.append(Hit(span, k, source_of(note, k, only_owner(note, k)), context))
    return hits


def _offered_before(note: Note, k: int) -> tuple[int, int] | None:
    """What someone else offers earlier in the sentence of "у нас только" ("в Европкаре им дают
    отсрочку, у нас только предоплата"): set against the company's only offer, another's."""
    span = positive_offer(note, k)
    a, _ = note.sentence_of(k)
    if span is None or span[0] < a:
        return None
    if any(t.low in _SAME_THING for t in note.toks[k + 1 : k + 4]):
        return None  # "CleanCo rents out linen, we only wash it": the same thing, served otherwise
    ours = [j for j in range(a, k) if note.toks[j].low in _OUR_WORDS]
    # "our press does foil only": what comes after the company's own word is its offer
    return span if not ours or span[1] <= ours[-1] else None


def _need_after(note: Note, k: int) -> tuple[int, int] | None:
    """ "у нас только помесячно, клиенту нужна годовая", "only monthly billing, they wanted
    annual": the need named after the offer, in the same or the next sentence."""
    toks = note.toks
    _, b = note.sentence_of(k)
    end = note.sentence_of(b)[1] if b < len(toks) else b
    cues = lex.NEED_CUES_RU if note.lang == "ru" else lex.NEED_CUES_EN
    for j in range(k + 1, end):
        if toks[j].low in cues or toks[j].lemma in cues:
            span = phrase_after_cue(toks, j + 1, end, note.lang)
            if span and _word_count(toks, span) <= NEED_AFTER_WORDS:
                return span
    return None


def _offered_head(note: Note, k: int) -> str:
    """The noun of what is offered instead ("оплата" in "только помесячная оплата"), to say
    what kind of thing a bare "годовая" is."""
    span = np_right(note.toks, k + 1, note.lang)
    if span is None:
        return ""
    nouns = [
        t
        for t in note.toks[span[0] : span[1]]
        if t.pos == "NOUN" or (note.lang == "en" and t.low not in _NOT_NOUNS_EN)
    ]
    return nouns[-1].text if nouns else ""


def _word_count(toks: list[Tok], span: tuple[int, int]) -> int:
    return sum(t.word for t in toks[span[0] : span[1]])


def only_owner(note: Note, k: int) -> str:
    """ "у нас только", "мы только", "we only", "we're cloud only", "ours is ... only": "we";
    the client's "у вас только", "you only do": "you"; else ""."""
    if note.lang == "ru":
        who, where = owner(note, k)
        if who not in ("we", "you") and k > 0 and note.toks[k - 1].lemma in _ASIDE_SPEECH:
            who, where = owner(note, k - 1)  # "у нас, говорю, только предоплата": an aside
        # "у нас, по их мнению, только": an aside between commas does not count
        commas = sum(t.text == "," for t in note.toks[min(where, k) : max(where, k)])
        reach = OWNER_REACH + (ASIDE_REACH if commas >= 2 else 0)
        return who if who in ("we", "you") and abs(where - k) <= reach else ""
    a, b = note.sentence_of(k)
    if k == a and any(t.low in ("available", "offered", "possible") for t in note.toks[k:b]):
        return "we"  # "Only monthly billing available": the company's offer, said impersonally
    for tok in reversed(note.toks[a : k + 1]):  # back to the start of the clause
        if tok.low in ("we", "our", "ours", "we're"):
            return "we"
        if tok.low in ("you", "your", "yours", "you're"):
            return "you"
        if tok.text in (",", ";", "-", "—", ":"):
            return ""
    return ""


def bare_no(note: Note) -> list[Hit]:
    """A sentence that opens with "Нет X" / "No X": "нет on-premise версии, только облако",
    "Нет интеграции с Яндекс.Директом??", "No native Xero integration, only Zapier"."""
    hits = []
    toks = note.toks
    for a, b in note.sentences:
        k = a
        while k < b and (not toks[k].word or toks[k].low in _ASIDES):
            k += 1  # "Sorry, no weekend delivery", "Увы, нет рассрочки"
        if k >= b - 1 or toks[k].low not in _BARE_NO or _is_answer(toks, k):
            continue
        who, _ = owner(note, k)
        if who == "they":
            continue
        span = np_right(toks, k + 1, note.lang)
        if span and is_product_phrase(toks, span, note.lang) and _not_possession(toks, span, note):
            hits.append(Hit(span, k, source_of(note, k, who or "we")))
    return hits


def _is_answer(toks: list[Tok], k: int) -> bool:
    """ "Нет, спасибо" / "No, thanks": an answer, not "there is no"."""
    return k + 1 < len(toks) and toks[k + 1].text in (",", "!", ".", "—", "-")


def _not_possession(toks: list[Tok], span: tuple[int, int], note: Note) -> bool:
    head = next((t.lemma for t in toks[span[0] : span[1]] if t.pos == "NOUN" or not t.pos), "")
    return head not in lex.POSSESSIONS_RU


# After "а у нас": words that say the company has the same ("а у нас тоже есть") or is better
# at it ("а у нас дешевле"): no contrast of what is offered.
_SAME_OR_BETTER = frozenset(
    """тоже также и то же так же дешевле быстрее лучше больше выгоднее""".split()
)
_THEIRS = frozenset(("них", "него", "нее", "неё"))
OURS_REACH = 4


def rival_but_ours(note: Note) -> list[Hit]:
    """ "у конкурентов есть личный бухгалтер, а у нас общий пул", "у конкурента делают КТ на
    месте, а у нас направляют в центр", "сравнение с X: у них сетевой абонемент, а у нас каждая
    локация отдельно": a rival's offer, then "а у нас <something else>" — the rival's offer is
    what the company lacks, though no "нет" or "только" says so. Russian; a competitor or a
    comparison must be in the sentence."""
    if note.lang != "ru" or " а " not in note.low:
        return []
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low != "а" or k + 2 >= len(toks):
            continue
        if toks[k + 1].low != "у" or toks[k + 2].low not in ("нас", "вас"):
            continue
        a, b = note.sentence_of(k)
        if not competitor_nearby(note, k):
            continue
        rest = toks[k + 3 : min(b, k + 3 + OURS_REACH)]
        if any(t.low in _SAME_OR_BETTER or t.low in _BARE_NO or t.low == "не" for t in rest):
            continue  # ("а у нас нет X": the negation rules' claim)
        span = positive_offer(note, k) or rival_offer(note, k) or _theirs(note, a, k)
        if span is None or span[0] < a:
            continue
        who = "we" if toks[k + 2].low == "нас" else "you"
        hits.append(Hit(span, k, source_of(note, k, who)))
    return hits


def _theirs(note: Note, a: int, k: int) -> tuple[int, int] | None:
    """ "у них сетевой абонемент, а у нас ...": the phrase after "у них" before "а"."""
    toks = note.toks
    for j in range(a, k - 1):
        if toks[j].low == "у" and toks[j + 1].low in _THEIRS:
            span = np_right(toks, j + 2, note.lang)
            if span and span[1] <= k and is_product_phrase(toks, span, note.lang):
                return span
    return None
