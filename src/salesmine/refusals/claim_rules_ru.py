"""Russian absence-claim rules: "у вас нет X", "мы не делаем X", "X не входит в полис",
"сказал, что X нет", "у конкурента есть X, у нас увы" (questions: ``claim_rules_ru_questions``)."""

from __future__ import annotations

import re

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_context import (
    Note,
    owner,
)
from salesmine.refusals.claim_hits import (
    SKIP_RU,
    Hit,
    phrase,
    product_context,
    question_source,
    source_of,
)
from salesmine.refusals.claim_morphology import can_be_genitive
from salesmine.refusals.claim_phrases import Tok, head_lemma, is_product_phrase, np_left, np_right
from salesmine.refusals.claim_speakers import (
    bare_absence,
    client_direct_speech,
    manager_told,
    reported_absence,
)

_NEG = ("нет", "нету")
_ADVERBS = (
    "больше", "уже", "сейчас", "пока", "даже", "совсем", "вроде", "точно", "никогда", "давно",
    "теперь", "вообще", "принципиально",
)  # fmt: skip
# An owner word this close to a past-tense verb is its subject ("мы не делали", "у нас не было").
_PAST_OWNER_DISTANCE = 3


def existential(note: Note) -> list[Hit]:
    """ "у вас нет X", "X у вас нет", "в линейке нет X", "у конкурента есть X, у нас нет",
    and "сказала, что X нет" in the manager's own words."""
    hits = []
    for k, tok in enumerate(note.toks):
        if not (
            tok.low in _NEG
            or tok.lemma == "отсутствовать"
            or _none_of(note.toks, k)
            or _regret_for_no(note.toks, k)
        ):
            continue
        who, where = owner(note, k)
        # "говорит у нас нет биллинга для 3пл": in the client's words "у нас" may be the
        # client's own company or (said of us) the company's; only the classifier can tell
        heard = who == "we" and client_direct_speech(note, where)
        said = who in ("you", "we")  # an owner word: "у нас", "у вас"
        if not said:
            if who == "they" or not (
                manager_told(note, k)
                or reported_absence(note, k)
                or _regret(note, k)
                or bare_absence(note, k)
            ):
                continue
            who = "we"
        span = _licensed(note, k) or phrase(note, k + 1, k, SKIP_RU)
        if tok.low in _NEG:  # "ведение беременности отсутствует" is nominative
            span = _genitive(note.toks, span, k)
        own = said or not manager_told(note, k)  # not "приёмщик сказал: подменных машин нет"
        if (
            own
            and who == "we"  # "у вас нет заёмного персонала" is about the company
            and span
            and _beside(note.toks, span, k)  # not "у Монополии есть склад, у нас нет"
            and head_lemma(note.toks, span, "ru") in lex.POSSESSIONS_RU
        ):
            continue  # "у нас нет автопарка": the client's own company, said by the client
        if heard and (span is None or _own_things(note, k, span)):
            continue
        source = question_source(note, k, source_of(note, k, who)) if span else None
        if span and source:
            hits.append(Hit(span, k, "client" if heard else source, weak=heard))
    return hits


def _own_things(note: Note, k: int, span: tuple[int, int]) -> bool:
    """ "говорит у нас нет автопарка / своих серверов": what a client's company has itself."""
    a, b = note.sentence_of(k)
    return head_lemma(note.toks, span, "ru") in lex.POSSESSIONS_RU or any(
        t.lemma == "свой" for t in note.toks[a:b]
    )


def _genitive(toks: list[Tok], span: tuple[int, int] | None, k: int) -> tuple[int, int] | None:
    """What "нет" lacks is a genitive: "[по цене] вопросов нет" is about questions, not the
    price. Nouns before the trigger that cannot be genitive are dropped from the phrase's
    start; a phrase after it that starts so is no absence at all."""
    if span is None or not _beside(toks, span, k) or toks[span[0] - 1].low == "как":
        return span  # an antecedent ("хотели X, у нас его нет") or "как X" keeps its case
    while span is not None:
        first = _head_noun(toks, span)
        head = toks[first] if first is not None else None
        if head is None or head.pos != "NOUN" or head.text.isupper() or can_be_genitive(head.low):
            return span if is_product_phrase(toks, span, "ru") else None
        if span[0] > k or first + 1 >= span[1]:
            return None
        start = first + 1
        while start < span[1] and toks[start].low in lex.NP_LINKS_RU:
            start += 1
        span = (start, span[1]) if start < span[1] else None
    return None


def _head_noun(toks: list[Tok], span: tuple[int, int]) -> int | None:
    """The first noun (or abbreviation, or word the dictionary lacks) before any preposition;
    the first part of a compound ("дизайн-проекта") does not inflect and is passed over."""
    for j in range(*span):
        if toks[j].low in lex.NP_LINKS_RU:
            return None
        if toks[j].pos in ("NOUN", "") and not _hyphen_after(toks, j) and toks[j].text != "-":
            return j
    return None


def _hyphen_after(toks: list[Tok], j: int) -> bool:
    """ "дизайн-проекта": the first part of a compound does not inflect."""
    return j + 1 < len(toks) and toks[j + 1].text == "-" and toks[j + 1].start == toks[j].end


def _beside(toks: list[Tok], span: tuple[int, int], k: int) -> bool:
    """Is the phrase next to the trigger, with only "у нас", "даже", "в линейке" between?"""
    between = toks[span[1] : k] if span[1] <= k else toks[k + 1 : span[0]]
    return all(t.low in SKIP_RU or t.lemma in lex.OWN_PLACES_RU or t.low == "в" for t in between)


def _none_of(toks: list[Tok], k: int) -> bool:
    """ "у нас ни одного гибрида в линейке": "ни одного" says "нет" by itself."""
    return toks[k].low == "ни" and k + 1 < len(toks) and toks[k + 1].lemma in ("один", "одна")


def _regret_for_no(toks: list[Tok], k: int) -> bool:
    """ "у конкурента есть X, у нас увы": "увы" standing where "нет" would."""
    if toks[k].low != "увы" or k < 2 or toks[k - 2].low != "у":
        return False
    return toks[k - 1].low in ("нас", "вас") and (k + 1 == len(toks) or not toks[k + 1].word)


def _regret(note: Note, k: int) -> bool:
    """ "к сожалению, такого нет", "увы, рассрочки нет": the company's own absence."""
    a, b = note.sentence_of(k)
    near = note.toks[max(a, k - 3) : min(b, k + 3)]
    return any(t.low in ("сожалению", "увы") for t in note.toks[a:b]) or any(
        t.lemma == "такой" for t in near
    )


def _licensed(note: Note, k: int) -> tuple[int, int] | None:
    """ "на ОПО у нас нет лицензии" / "нет лицензии на ОПО": the product is the licence's object."""
    a, b = note.sentence_of(k)
    near = range(max(a, k - 6), min(b, k + 3))
    if not any(note.toks[j].lemma in lex.CAPABILITY_RU for j in near):
        return None
    for j in range(max(a, k - 8), min(b, k + 6)):
        if note.toks[j].low == "на":
            span = np_right(note.toks, j + 1, "ru")
            if span and is_product_phrase(note.toks, span, "ru"):
                return span
    return None


def person(word: str) -> str:
    """Person of a present-tense Russian verb from its ending: "we", "you", "third" or ""."""
    if re.search(r"(ем|им|ём)(ся)?$", word):
        return "we"
    if re.search(r"(ете|ите|ёте)(сь)?$", word):
        return "you"
    if re.search(r"(ет|ит|ёт|ют|ут|ат|ят)(ся)?$", word):
        return "third"
    return ""


def negated_verb(note: Note) -> list[Hit]:
    """ "мы не делаем X", "вы не даёте X", "X у нас не оформляются", "не можем предложить X",
    "эвакуация не входит в полис"."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low != "не":
            continue
        v = k + 1
        while v < len(toks) and toks[v].low in _ADVERBS:
            v += 1
        if v >= len(toks):
            continue
        form = person(toks[v].low)
        if toks[v].lemma == "мочь" and v + 1 < len(toks) and toks[v + 1].pos == "INFN":
            v += 1
        weak = not _offer_verb(toks[v].lemma)
        if weak and not _weak_verb(toks[v], form):
            continue
        inclusion = toks[v].lemma in lex.INCLUSION_VERBS_RU
        if inclusion and _about_price(toks, v):
            continue
        who = _negated_owner(note, k, v, form, inclusion)
        # "киберстрахование у нас не продаётся физлицам": a passive verb's product is its subject
        # ("не предусмотрено" too); "не занимаемся X" has a subject, "мы", and an object
        reflexive = toks[v].low.endswith(("ся", "сь")) and form not in ("we", "you")
        passive = inclusion or reflexive or toks[v].pos == "PRTS"
        if who:
            span = _worked_with(note, k, v) or phrase(
                note, v + 1, k, SKIP_RU, after_verb=True, prefer_left=passive
            )
            source = question_source(note, k, source_of(note, k, who)) if span else None
            if span and source:
                verb = toks[v].text if weak else ""
                hits.append(Hit(span, k, source, product_context(toks[v]), weak, verb=verb))
    return hits


def _negated_owner(note: Note, k: int, v: int, form: str, inclusion: bool) -> str:
    """Whose offer "не <verb>" at ``k`` denies: "we", "you" or "" (not the company's)."""
    toks = note.toks
    if toks[v].lemma in ("найти", "находить"):
        return _searched_at(toks, v)
    if toks[v].pos == "INFN" and toks[v - 1].low == "не":
        # "у вас платежи под сезон не сделать"; not "решили не ставить турникеты"
        governed = k > 0 and toks[k - 1].pos in ("VERB", "INFN", "PRED")
        return "" if governed else _infinitive_owner(note, k)
    return "we" if inclusion and form == "third" else _verb_owner(note, k, form)


def _searched_at(toks: list[Tok], v: int) -> str:
    """ "клиент не нашёл у нас X", "не нашла на сайте X": whoever searched, the place after the
    verb says whose offer lacks it."""
    after = tuple(t.low for t in toks[v + 1 : v + 3])
    if after in (("у", "нас"), ("на", "сайте"), ("в", "каталоге"), ("в", "прайсе")):
        return "we"
    return "you" if after == ("у", "вас") else ""


def _weak_verb(tok: Tok, form: str) -> bool:
    """Another verb of "мы не ..." / "вы не ..." ("мусор не вывозим", "СКС не прокладываем"):
    a claim only if the classifier backs it; never a verb of knowing, wanting or buying."""
    return tok.pos == "VERB" and form in ("we", "you") and tok.lemma not in lex.NOT_OFFER_VERBS_RU


def _worked_with(note: Note, k: int, v: int) -> tuple[int, int] | None:
    """ "по железке мы не работаем", "не работаем с тягачами": with "работать" the thing is
    the object of "по" / "с" right before the negation or right after the verb."""
    toks = note.toks
    if toks[v].lemma != "работать":
        return None
    if v + 2 < len(toks) and toks[v + 1].low in ("по", "с", "со"):
        span = np_right(toks, v + 2, "ru")
        if span and is_product_phrase(toks, span, "ru"):
            return span
    i = k
    while i > 0 and toks[i - 1].low in SKIP_RU:
        i -= 1
    span = np_left(toks, i, "ru")
    if span and span[0] > 0 and toks[span[0] - 1].low in ("по", "с", "со"):
        return span if is_product_phrase(toks, span, "ru") else None
    return None


def _offer_verb(lemma: str) -> bool:
    """A verb of offering, or its reflexive passive ("вклады у нас не открываются")."""
    if lemma in lex.OFFER_VERBS_RU or lemma == "мочь":
        return True
    return lemma.endswith(("ся", "сь")) and lemma[:-2] in lex.OFFER_VERBS_RU


def _about_price(toks: list[Tok], v: int) -> bool:
    """ "не входит в стоимость": a term of the price, not a missing product."""
    return any(t.lemma in lex.PRICE_WORDS_RU for t in toks[v + 1 : v + 4])


def _verb_owner(note: Note, k: int, form: str) -> str:
    """Who does not offer: the verb's person, else an owner word nearby ("у вас не делают")."""
    who, where = owner(note, k)
    if who == "they" and k - where <= 2:
        return ""
    if form in ("we", "you"):
        return form
    if who == "we" and client_direct_speech(note, where):
        return ""
    if not form and (where < 0 or abs(k - where) > _PAST_OWNER_DISTANCE):
        # "не смогли предложить X": a past "could not" with no one else named is the company;
        # so is an impersonal "X не предусмотрено", "X не предоставляется"
        return "we" if who != "they" and _impersonal(note.toks, k + 1) else ""
    if who not in ("you", "we") and form == "third" and _impersonal(note.toks, k + 1):
        return "" if who == "they" else "we"
    return who if who in ("you", "we") else ""


def _infinitive_owner(note: Note, k: int) -> str:
    """ "у вас X не оформить", "X не сделать": a bare negated infinitive says it cannot be
    had — from the owner named in the sentence, or (no one named) from the company."""
    who, _ = owner(note, k)
    return "" if who == "they" else who or "we"


def _impersonal(toks: list[Tok], v: int) -> bool:
    """ "не смогли", "не предусмотрено", "не предоставляется": no subject, the company's rules."""
    tok = toks[v]
    if tok.lemma == "смочь":
        return True
    passive = tok.pos == "PRTS" or tok.low.endswith(("ется", "ются", "ится", "ятся"))
    return passive and tok.lemma in lex.IMPERSONAL_OFFER_RU
