"""Matching a claim's product phrase to the catalog: the whole phrase, else its head.

The rules' phrase may say more than the product: a named place ("груз [из Турции]"), a purpose
("НСЖ [для директора]"), a circumstance ("стирки [в отеле]", "перенос данных [из амо]"), who
provides it ("видеоконсультация [с терапевтом]"), an English noun of form ("reefer [loads]"). When
the whole phrase matches nothing, the phrase before such a cut is tried, each kind with the score it
must reach (``match_mention``).
"""

from __future__ import annotations

import re

from salesmine.refusals.catalog_match import CatalogIndex, CatalogMatch, match_catalog
from salesmine.refusals.catalog_terms import head_term, phrase_terms
from salesmine.refusals.claim_morphology import is_person_noun
from salesmine.refusals.mention_edges import edge_trims, remark_trims
from salesmine.text import part_of_speech
from salesmine.text.morphology import _morph

_PURPOSE = re.compile(r"\s(?:для|for)\s", re.IGNORECASE)
# Prepositions of circumstance end the head noun phrase: "факторинг [под поставки в сети]",
# "рассылок [по базе]", "перенос данных [из амо]". Not those that name what the product is for
# or about ("КАСКО на мотоциклы", "страхование от клеща", "каско без франшизы", "интеграция с
# 1С"): dropping those makes another product.
_MODIFIER = re.compile(r"\s(?:по|под|из|при|через|from|by|via|over)\s", re.IGNORECASE)
_WITH = re.compile(r"\s(?:с|со|with)\s+(\w+)")
_NAMED_PLACE = re.compile(r"\s(?:из|в|во|по|до|на|from|in|to)\s+[A-ZА-ЯЁ][a-zа-яё]")
# Dropping "для директора" must leave a phrase the catalog names almost exactly: "лизинг
# оборудования" (for mining) is not "Лизинг медицинского оборудования".
HEAD_MIN_SCORE = 0.9
# Other prepositions may end the product's name too ("пресс-волл [с логотипами партнёров]",
# "стирки [в отеле]", "monitoring app [with every install]") or make another product ("КАСКО
# [с франшизой]"): the phrase before them counts only when it names an entry exactly and keeps
# the mention's head noun.
_AROUND = re.compile(r"\s(?:в|во|с|со|от|перед|после|in|at|with|after|before|during)\s", re.I)
AROUND_MIN_SCORE = 1.0
# "на" before a singular noun says when, where or what for ("подменки [на время ремонта]",
# "рассрочка [на путёвку]", "кислотку [на молокозавод]") and ends the name like the others;
# before a plural noun it names the kind of things the product covers ("КАСКО [на мотоциклы]",
# "шины [на грузовики]"): another product, so the phrase is kept whole.
_ON_SINGULAR = re.compile(r"\sна\s+(\w+)", re.I)
# A run left after dropping edge words must be named exactly.
EDGE_MIN_SCORE = 1.0
# A run left after dropping only words that never qualify a product (``remark_trims``) is
# matched as the whole phrase would be.
REMARK_MIN_SCORE = 0.0
# Words any seller uses for "goods" of some kind, whatever the trade: "органик-продукция",
# "выбор чая", "ассортимент красок", "paint range", "cleaning products". The rest of the
# phrase must name an item almost exactly once they are dropped.
GOODS_WORDS = frozenset(
    """продукция товар ассортимент линейка выбор наличие позиция лицензия item range selection
    license licence""".split()
)
_PARTS = re.compile(r"[^\s-]+")
_JOINED = re.compile(r"(?<=\w)-(?=\w)")
# English head nouns that name no product by themselves: the words before them do.
GENERIC_TAILS_EN = frozenset(
    """load loads shipment shipments deployment deployments version versions option options
    service services record records contract contracts solution solutions module modules
    feature features setup program programs programme capability functionality offering
    package packages work works job jobs kit kits machine machines rollout rollouts callout
    callouts platform platforms install installs installation installations access
    terms class tier attachment attachments support stage stages inventory""".split()
)
# A count or a duration at a phrase's end ("отсрочку [30 дней]", "party [200 pax]") says how
# much or how long, not what: the phrase before it is matched as the whole phrase would be.
# Not after "на" / "for": "абонемент [на 3 месяца]" names a variant.
_AMOUNT_TAIL = re.compile(
    r"\s+\d[\d.,]*\s*(?:дней|дня|день|суток|сутки|месяцев"
    r"|месяца|мес|недель|недели|неделю|лет|года|год|часов|часа|час|шт|человек|чел|гостей|days?"
    r"|weeks?|months?|years?|hours?|hrs?|pcs|people|ppl|pax|guests)\.?$",
    re.IGNORECASE,
)
# A multiplier at a phrase's end ("wireless mics [x6]") says how many, not what.
_MULTIPLIER = re.compile(r"[xх×]\d+", re.IGNORECASE)


def match_mention(
    mention: str, index: CatalogIndex, context: str = "", *, claimed: bool = True
) -> CatalogMatch:
    """Match a product phrase; when the whole phrase fails, its head before a named place
    ("груз из Турции" -> "груз", "доставку до Казани") or, matched almost exactly, before a
    purpose phrase ("НСЖ для директора" -> "НСЖ", "travel insurance for business trips").

    ``claimed``: the phrase is a claim's product phrase, so a lone qualifier ("складных") may
    name its item and a remark may be cut off its end (``remark_trims``); off for the scan of
    every run of words in a note (``scan_match``)."""
    match = match_catalog(mention, index, context=context, qualifier=claimed)
    if match.item:
        return match
    for head, min_score in _heads(mention, claimed=claimed):
        if not phrase_terms(head):
            continue
        found = match_catalog(head, index, context=context, qualifier=claimed)
        if not found.item:
            continue  # (a head with no floor of its own must still name something)
        if found.score >= min_score and (found.route != "category" or _sole_member(index, found)):
            return CatalogMatch(
                mention, found.item, found.status, found.score, found.route, found.matched
            )
    amount = _AMOUNT_TAIL.search(mention) if claimed else None
    if amount and amount.start() > 0:
        found = match_mention(mention[: amount.start()], index, context)
        # unless the catalog tells its items apart by a number ("Абонемент на 12 месяцев")
        if found.item and not any(ch.isdigit() for ch in found.item):
            return CatalogMatch(
                mention, found.item, found.status, found.score, found.route, found.matched
            )
    loose = _loose_match(mention, index, context) if claimed else None
    return loose or match


def _loose_match(mention: str, index: CatalogIndex, context: str) -> CatalogMatch | None:
    """The item a claim's phrase names once a word beside the product is dropped
    (``_loose_edges``), when nothing else placed it; else None."""
    for run, min_score in _loose_edges(mention):
        found = match_catalog(run, index, context=context, qualifier=False)
        if (
            found.item
            and found.score >= min_score
            and (min_score >= HEAD_MIN_SCORE or _names_its_head(run, found))
            and (found.route != "category" or _sole_member(index, found))
        ):
            return CatalogMatch(mention, *_fields(found))
    return None


_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_FREQUENCY = re.compile(r"\s(?:раз\s+в|каждый|каждую|каждые|ежемесячно|every|once\s+a)\s", re.I)
_CONJUNCTION = frozenset(("и", "или", "and", "or", "&", "+"))
_EN_PREPOSITIONS = frozenset(
    "for with of in on to from at by via about into onto over under without".split()
)
# What a phrase must name, exactly, once the words at its edge are dropped.
LOOSE_EDGE_MIN_SCORE = 0.9
CONJUNCT_MIN_SCORE = 0.9
# The phrase before a purpose or a frequency ("выезд на дом [для лежачей собаки]",
# "санобработку [раз в квартал]") may name its entry loosely when that entry has the phrase's
# head noun (``_names_its_head``); ``_PURPOSE`` alone, in ``_heads``, needs HEAD_MIN_SCORE.
# Pooled dev..dev45 (session 11): 0.75 +3 TP, 0.7 +5 TP, no false error either way.
PURPOSE_HEAD_MIN_SCORE = 0.7


def _loose_edges(mention: str) -> list[tuple[str, float]]:
    """Shorter readings of a phrase that names nothing, each with the score it must reach:
    without leading words that cannot qualify what follows (``_foreign_lead``: "[этаже]
    кофемашина", "[Alex Fitness] дневная карта", "[pharmacy chain] surgical masks") and
    without a second conjunct ("customer returns [and re-shelve]")."""
    words = mention.split()
    runs = []
    for k in range(1, len(words)):
        if _foreign_lead(words[:k], words[k:]):
            runs.append((" ".join(words[k:]), LOOSE_EDGE_MIN_SCORE))
    for k in range(1, len(words)):
        if words[k].lower() in _CONJUNCTION:
            runs.append((" ".join(words[:k]), CONJUNCT_MIN_SCORE))
            break
    found = _PURPOSE.search(mention) or _FREQUENCY.search(mention)
    if found and found.start() > 0:
        runs.append((mention[: found.start()].strip(), PURPOSE_HEAD_MIN_SCORE))
    return runs


def _names_its_head(run: str, found: CatalogMatch) -> bool:
    """The entry a loosely matched run names has the run's head noun among its own words:
    "санобработку" for "Санобработка кулера", not "автомойку" for "автономера"."""
    return head_term(run) in phrase_terms(found.matched)


def _foreign_lead(lead: list[str], kept: list[str]) -> bool:
    """Words before a product's name that are no part of it: Latin words before a Russian
    name (a brand, "Alex Fitness"); a Russian noun that says who or where (``_aside``:
    "[этаже] кофемашина", "[Лайна] сэмплинг"), while "[ремонта] ТСД" and "[франшизу на] ОСАГО"
    name another product; English words before a name of at least two words ("[fleet buys] ad
    blue") — not one adjective ("[open] MRI"). Never a cut next to a preposition."""
    first = kept[0].strip(".,:;!?\"'«»()").lower()
    if _is_preposition(lead[-1]) or _is_preposition(first) or first in _CONJUNCTION:
        return False
    if all(_LATIN.search(w) and not _CYRILLIC.search(w) for w in lead) and _CYRILLIC.search(first):
        return True
    if any(_CYRILLIC.search(w) for w in lead + kept):
        return len(lead) == 1 and _aside(lead[0])
    return len(lead) >= 2 and len(kept) >= 2


# Cases in which a lone noun before a name cannot head it: "[на этаже] кофемашина".
_OBLIQUE = frozenset(("loct", "datv", "ablt", "loc2"))
_NAMES = ("Name", "Surn", "Patr", "Orgn", "Geox")


def _aside(word: str) -> bool:
    """A Russian noun that says who or where, not what: a person ("[закупщицы] трейдина"), a
    name ("[Лайна] сэмплинг") or a noun only ever in an oblique case ("[этаже] кофемашина")."""
    clean = word.strip(".,:;!?\"'«»()").lower()
    if not (_CYRILLIC.search(clean) and _morph().word_is_known(clean)):
        return False
    parses = [p for p in _morph().parse(clean) if p.tag.POS == "NOUN"]
    if not parses or part_of_speech(clean) != "NOUN":
        return False
    best = parses[0].tag
    if "anim" in best or any(name in best for name in _NAMES):
        return True
    return all(p.tag.case in _OBLIQUE for p in parses)


def _is_preposition(word: str) -> bool:
    clean = word.strip(".,:;!?\"'«»()").lower()
    return clean in _EN_PREPOSITIONS or part_of_speech(clean) == "PREP"


def scan_match(mention: str, index: CatalogIndex) -> CatalogMatch:
    """``match_mention`` for a run of words that is no claim's phrase (the pair model's scan)."""
    return match_mention(mention, index, claimed=False)


# The word just before or after a claim's phrase.
_WORD_BEFORE = re.compile(r"([\w/-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([\w/-]+)")
# The action the verb names must be one the item's own words name (``компенсировать`` ~
# ``компенсация``), at least at the level of a shared root.
VERB_MIN_SIMILARITY = 0.7
_VERB_POS = frozenset(("VERB", "INFN", "GRND"))


def with_its_verb(
    text: str, start: int, end: int, index: CatalogIndex
) -> tuple[str, int, int, CatalogMatch] | None:
    """A claim's phrase that names no item, read together with the verb right beside it:
    "[поверяете] счётчики" for "Поверка счётчиков", "номера [распознаёте]" for "распознавание
    номеров", "[paint] fences" for "fence painting". The item must explain the verb itself (its
    action noun), so "[возим] кулеры" never becomes anything the verb does not name. Returns
    the longer phrase, its character span and the match, or None."""
    tries = []
    before = _WORD_BEFORE.search(text, 0, start)
    if before:
        tries.append((before.group(1), before.start(1), end))
    after = _WORD_AFTER.match(text, end)
    if after:
        tries.append((after.group(1), start, after.end(1)))
    for word, a, b in tries:
        if not _verb_like(word):
            continue
        phrase = text[a:b]
        found = match_catalog(phrase, index)
        if found.item and _names_the_action(index, word, found.item):
            return phrase, a, b, CatalogMatch(phrase, *_fields(found))
    return None


def verb_named(mention: str, verb: str, index: CatalogIndex) -> CatalogMatch | None:
    """The item a phrase names together with its verb ("фасады [штукатурим]" for "Штукатурка
    фасадов"), when the item's own words name the verb's action; else None."""
    found = match_catalog(f"{mention} {verb}", index)
    if found.item and _names_the_action(index, verb, found.item):
        return CatalogMatch(mention, *_fields(found))
    return None


def _verb_like(word: str) -> bool:
    """A Russian verb, infinitive or adverbial participle; any English content word (English
    verbs and nouns share forms: "paint", "rent")."""
    if _is_russian(word):
        return part_of_speech(word) in _VERB_POS
    return bool(phrase_terms(word))


def _names_the_action(index: CatalogIndex, word: str, item: str) -> bool:
    k = next((n for n, it in enumerate(index.items) if it.name == item), None)
    if k is None:
        return False
    own = index.item_terms[k]
    least = VERB_MIN_SIMILARITY if _is_russian(word) else 1.0  # "provide" ~ "ГБО" by letters
    return any(
        t in own and sim >= least
        for term in phrase_terms(word)
        for t, sim in index.near_terms(term).items()
    )


def _is_russian(word: str) -> bool:
    return bool(re.search(r"[а-яё]", word.lower()))


def _fields(match: CatalogMatch) -> tuple[str, str, float, str, str]:
    return match.item, match.status, match.score, match.route, match.matched


def _heads(mention: str, *, claimed: bool = True) -> list[tuple[str, float]]:
    """The phrase before a named place ("из Турции", "в Казань"), which still names the same
    product, and before a purpose ("для директора", "for business trips"), which may not:
    "лизинг оборудования" (for mining) is not "Лизинг медицинского оборудования"."""
    heads = []
    for pattern, min_score in ((_NAMED_PLACE, 0.0), (_PURPOSE, HEAD_MIN_SCORE)):
        found = pattern.search(mention)
        if found and found.start() > 0:
            heads.append((mention[: found.start()].strip(), min_score))
    # the longest head first: "перенос данных [из амо] [в пару кликов]"
    cuts = [m.start() for m in _MODIFIER.finditer(mention) if m.start() > 0]
    heads += [(mention[:cut].strip(), HEAD_MIN_SCORE) for cut in reversed(cuts)]
    heads += _before_circumstance(mention)
    # "reefer loads", "on-prem deployment": an English noun that says only what form it takes
    heads += _without_form_nouns(mention, HEAD_MIN_SCORE)
    # "[told HR] webinars", "e-signature [built in]": edge words that name no product
    for run in edge_trims(mention):
        heads.append((run, EDGE_MIN_SCORE))
        # "telematics [install] [alongside servicing]": a form noun left at the run's end
        heads += _without_form_nouns(run, EDGE_MIN_SCORE)
    return heads + _claimed_heads(mention) if claimed else heads


def _before_circumstance(mention: str) -> list[tuple[str, float]]:
    """The phrase before "в/с/after ..." and before "на" + a singular noun when it keeps the
    head noun; before "с" + a person ("видеоконсультация с терапевтом": who provides it, not
    what it is — "интеграция с SAP" is)."""
    heads = []
    head = head_term(mention)
    arounds = list(_AROUND.finditer(mention))
    arounds += [m for m in _ON_SINGULAR.finditer(mention) if not _plural(m.group(1))]
    for found in arounds:
        kept = mention[: found.start()].strip()
        if found.start() > 0 and head in phrase_terms(kept):
            heads.append((kept, AROUND_MIN_SCORE))
    for found in _WITH.finditer(mention):
        if found.start() > 0 and is_person_noun(found.group(1).lower()):
            heads.append((mention[: found.start()].strip(), HEAD_MIN_SCORE))
    return heads


def _without_form_nouns(phrase: str, min_score: float) -> list[tuple[str, float]]:
    """The phrase without each English form noun at its end in turn ("lounge [access option]",
    "hydraulic breaker [attachment]") or a multiplier ("wireless mics [x6]")."""
    heads = []
    words = phrase.split()
    while len(words) > 1 and (
        words[-1].lower() in GENERIC_TAILS_EN or _MULTIPLIER.fullmatch(words[-1])
    ):
        words = words[:-1]
        heads.append((" ".join(words), min_score))
    return heads


def _claimed_heads(mention: str) -> list[tuple[str, float]]:
    """Readings tried only for a claim's own phrase: without a remark at its edge
    (``remark_trims``), written without its hyphens, without words that only say "goods"."""
    heads = [(run, REMARK_MIN_SCORE) for run in remark_trims(mention)]
    joined = _JOINED.sub("", mention)  # "pre-pay" for "prepay", "тим-билдинг"
    if joined != mention:
        heads.append((joined, REMARK_MIN_SCORE))
    bare = _without_goods_words(mention)
    if bare and bare != mention:
        heads.append((bare, HEAD_MIN_SCORE))
    return heads


def _plural(word: str) -> bool:
    """A Russian word whose likeliest reading is plural ("мотоциклы", "майские")."""
    parses = _morph().parse(word.lower())
    return bool(parses) and parses[0].tag.number == "plur"


def _without_goods_words(mention: str) -> str:
    """The phrase without words that say only that goods are meant: "органик-[продукции]",
    "[выбор] чая", "paint [range]", "[ассортимент] красок"."""
    parts = _PARTS.findall(mention)
    kept = [p for p in parts if not (phrase_terms(p) and phrase_terms(p) <= GOODS_WORDS)]
    kept = [p for p in kept if p.lower() not in ("products", "goods")]
    return " ".join(kept)


def _sole_member(index: CatalogIndex, match: CatalogMatch) -> bool:
    """A category with one item names that item ("ТВ" -> "IP-TV для гостиниц")."""
    key = ("single-item categories",)
    singles = index.cache.get(key)
    if singles is None:
        singles = index.cache[key] = frozenset(
            e.text for e in index.entries if e.route == "category" and len(e.items) == 1
        )
    return match.matched in singles  # type: ignore[operator]
