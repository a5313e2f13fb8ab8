"""Short readable step names: the action's infinitive (or action noun) plus a few object words.

"Потом я обычно отправляю клиенту КП на почту" -> "отправить клиенту КП". The verb is
lemmatized and put in its perfective (lexicon.PERFECTIVE_RU; a verb not listed keeps the aspect
it was said in); the object words stay as written, so the name reads as Russian ("назначить
встречу", not "назначить встреча"). Acronyms keep their capitals.
"""

from __future__ import annotations

import functools

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word, analyze, is_action, is_action_noun
from salesmine.process.agency import subject_of
from salesmine.process.subjects import seller

MAX_OBJECT_WORDS = 4
# Names read as an order, as in the issue ("назначить встречу"): the imperfective a seller tells
# the routine with is put in its perfective pair (lexicon.PERFECTIVE_RU).
PERFECTIVE_NAMES = True
_TIME_VERBS = frozenset("тратить потратить уделять уделить".split())
_EN_TRAILING = frozenset("to of in on at for with by from into about as the a an".split())


def name_step(words: list[Word], group: list[int], head: int, lang: str) -> str:
    """The name of the step whose head word is ``words[head]``, from the words of ``group``."""
    if words[head].lemma in _TIME_VERBS:  # "трачу час на то, чтобы её изучить" -> "изучить"
        purpose = next((i for i in group if i > head and words[i].pos == "INFN"), None)
        head = purpose if purpose is not None else head
    head_word = words[head]
    passive = lang == "ru" and _passive(words, head)
    verbal = head_word.pos in VERBAL
    # "Согласование договора" -> "согласовать договор": a step named by its action noun gets
    # the verb's name, as everyone else's telling of it with a verb does
    nominal = lang == "ru" and not verbal and is_action_noun(head_word)
    verb = verb_of_noun(head_word.lemma) if nominal else None
    if verbal or lang != "ru" and head_word.pos == "VERB":
        # "лид заводится в CRM" -> "завести лид в CRM"
        first = head_word.lemma[:-2] if passive else head_word.lemma
    elif verb is not None:
        first = verb
    else:
        first = head_word.text if _is_acronym(head_word.text) else head_word.lemma
    converse = lang == "ru" and verbal and first in lx.CONVERSE_VERBS_RU
    if lang == "ru" and (verbal or verb):
        # "приходит заявка" -> "получить заявку"; "отправлять" -> "отправить"
        perfective = lx.PERFECTIVE_RU if PERFECTIVE_NAMES else {}
        first = lx.CONVERSE_VERBS_RU.get(first) or perfective.get(first, first)
    after = [i for i in group if i > head]
    # the action noun's genitive is the verb's object: "согласование договора" -> "договор"
    case = "gent" if verb is not None else "nomn"
    obj = _object_after(words, after, lang, head, passive or converse, case)
    if lang == "ru" and verbal and (not obj or _starts_with_preposition(words, after)):
        before = [i for i in group if i < head]
        obj = _object_before(words, before, head, passive or converse) + obj
    return " ".join([first, *obj][: 1 + MAX_OBJECT_WORDS]).strip()


def _passive(words: list[Word], head: int) -> bool:
    """ "Клиент заводится в CRM", "направляется подборка": a 3rd-person reflexive verb whose
    subject (if any) is not a seller nor a pronoun ("менеджер договаривается" is no passive)."""
    word = words[head]
    if word.person != "3per" or not word.lemma.endswith("ся"):
        return False
    subject = subject_of(words, head)
    if subject is None:
        return True
    return words[subject].pos == "NOUN" and not seller(words, subject)


def _starts_with_preposition(words: list[Word], indices: list[int]) -> bool:
    return bool(indices) and words[indices[0]].pos == "PREP"


def describe(text: str, lang: str) -> str:
    """A step name for a text that is already one step (a list item, a benchmark segment)."""
    words = analyze(text, lang)
    group = [i for i, w in enumerate(words) if w.is_word]
    if not group:
        return text.strip().lower()
    head = next((i for i in group if is_action(words, i, lang)), None)
    if head is None and lang == "ru":
        head = next((i for i in group if is_action_noun(words[i])), None)
    if head is None:
        head = next(
            (
                i
                for i in group
                if words[i].lower not in lx.NAME_DROP_WORDS_EN
                and words[i].lower not in lx.NAME_DROP_WORDS_RU
                and words[i].lower not in lx.NAME_STOP_WORDS_RU  # "Дальше договор"
            ),
            group[0],
        )
    return name_step(words, group, head, lang)


def _object_after(
    words: list[Word],
    indices: list[int],
    lang: str,
    head: int,
    subject_object: bool = False,
    case: str = "nomn",
) -> list[str]:
    """The object words after the head; put in the accusative when the head is a Russian verb
    (from ``case``: the nominative of a passive's subject, the genitive of an action noun's)."""
    stop = lx.NAME_STOP_WORDS_RU if lang == "ru" else lx.NAME_STOP_WORDS_EN
    drop = lx.NAME_DROP_WORDS_RU if lang == "ru" else lx.NAME_DROP_WORDS_EN | {"the", "a", "an"}
    taken: list[Word] = []
    previous = head
    for i in indices:
        word = words[i]
        if i != previous + 1:  # a gap: punctuation ended the phrase
            break
        previous = i
        if word.lower in stop or (taken and is_action(words, i, lang)) or not word.is_word:
            break
        if word.lower in drop:
            continue
        taken.append(word)
        if len(taken) == MAX_OBJECT_WORDS:
            break
    while taken and _trailing(taken[-1], lang):
        taken.pop()
    if lang == "ru" and (subject_object or words[head].pos in VERBAL or case != "nomn"):
        return _accusative_phrase(taken, case)
    return [_as_written(w) for w in taken]


def _accusative_phrase(taken: list[Word], case: str = "nomn") -> list[str]:
    """The direct object put in the accusative ("направляется подборка планировок" ->
    "подборку планировок"): the first noun, when in ``case``, and the adjectives before it,
    agreed with it."""
    noun = next((k for k, w in enumerate(taken) if w.pos != "ADJF"), None)
    if noun is None or taken[noun].pos != "NOUN" or taken[noun].case != case:
        return [_as_written(w) for w in taken]
    parse = _parsed(taken[noun], case)
    inflected = parse.inflect({"accs"}) if parse is not None else None
    if inflected is None or inflected.word == taken[noun].lower:  # "звонок": no change
        return [_as_written(w) for w in taken]
    grammemes = {"accs", str(parse.tag.number or "sing")}
    if parse.tag.number != "plur" and parse.tag.gender:
        grammemes.add(str(parse.tag.gender))
    if parse.tag.gender == "masc" or parse.tag.number == "plur":  # only there animacy shows
        grammemes.add("anim" if parse.tag.animacy == "anim" else "inan")
    result = []
    for k, word in enumerate(taken):
        if k < noun:
            adjective = _parsed(word, case)
            agreed = adjective.inflect(grammemes) if adjective is not None else None
            result.append(agreed.word if agreed is not None else _as_written(word))
        else:
            result.append(inflected.word if k == noun else _as_written(word))
    return [w.replace("ё", "е") for w in result]


def _parsed(word: Word, case: str):  # type: ignore[no-untyped-def]
    """pymorphy3's parse of a word in ``case``, of the part of speech extraction chose."""
    if _is_acronym(word.text):
        return None
    from salesmine.process.actions import _morph

    return next(
        (p for p in _morph().parse(word.lower) if p.tag.POS == word.pos and p.tag.case == case),
        None,
    )


def _object_before(
    words: list[Word], indices: list[int], head: int, passive: bool = False
) -> list[str]:
    """ "КП отправляю" -> the nouns right before the verb."""
    taken: list[Word] = []
    following = head
    for i in reversed(indices):
        if i != following - 1:  # punctuation between: "Первый звонок — найти"
            break
        following = i
        word = words[i]
        if word.lower in lx.NAME_DROP_WORDS_RU:
            continue
        if word.pos == "PREP":  # "после сделки прошу": a circumstance, not the object
            return []
        if word.pos not in {"NOUN", "ADJF"} or len(taken) == 2:
            break
        subject = word.pos == "NOUN" and word.animate and word.case == "nomn"
        if subject and passive and word.lemma not in lx.SELLER_NOUNS_RU:
            taken.insert(0, word)  # "клиент заводится" -> "завести клиента"
            break
        if subject or (word.pos == "NOUN" and not word.object_case and not passive):
            break
        taken.insert(0, word)
    if passive:
        phrase = _accusative_phrase(taken[-1:]) if taken else []
        return [w.text if _is_acronym(w.text) else w.lower for w in taken[:-1]] + [
            w if _is_acronym(w) else w.lower() for w in phrase
        ]
    return [w.text if _is_acronym(w.text) else w.lower for w in taken]


def _trailing(word: Word, lang: str) -> bool:
    if lang == "ru":  # a Russian name ends on a noun (or a Latin word: "CRM")
        return word.pos not in {"NOUN", "INFN", ""}
    return word.lower in _EN_TRAILING


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def _as_written(word: Word) -> str:
    """An object word as said: names and acronyms keep their capitals ("КП", "Битрикс")."""
    return word.text.replace("ё", "е").replace("Ё", "Е")


# The object a bare verb gets when the clause names none ("Дальше считаю" -> "считать
# стоимость"): (for a transitive verb, an intransitive one, a reflexive one).
CONCEPT_OBJECTS = {
    "LEAD": ("заявку", "по заявке", "с заявкой"),
    "CRM": ("сделку в CRM", "в CRM", "в CRM"),
    "CALL": ("клиента", "клиенту", "с клиентом"),
    "NEED": ("потребность", "в потребности", "в потребности"),
    "MEET_SET": ("встречу", "о встрече", "о встрече"),
    "MEET": ("объект", "на встречу", "с клиентом"),
    "DOCS": ("документы", "с документами", "с документами"),
    "CALC": ("стоимость", "по стоимости", "с расчетом"),
    "OFFER": ("КП", "по КП", "с КП"),
    "OBJECTION": ("возражения", "клиенту", "с клиентом"),
    "SIGN": ("договор", "по договору", "с договором"),
    "PAYMENT": ("счет", "по счету", "с оплатой"),
    "DELIVERY": ("заказ", "с доставкой", "с доставкой"),
    "AFTERSALE": ("клиента", "с клиентом", "с клиентом"),
}


def readable(name: str, concept: str, quote: str, lang: str) -> str:
    """``name`` with an object when it is a bare verb: the object its activity implies
    ("позвонить" + CALL -> "позвонить клиенту"), else a noun the quote has after the verb."""
    words = analyze(name, lang)
    if len([w for w in words if w.is_word]) != 1 or not (words[0].pos in VERBAL or lang != "ru"):
        return name
    if lang == "ru" and concept in CONCEPT_OBJECTS:
        transitive, intransitive, reflexive = CONCEPT_OBJECTS[concept]
        if name.endswith(("ся", "сь")):
            return f"{name} {reflexive}"
        return f"{name} {transitive if _transitive(name) else intransitive}"
    noun = _first_noun(quote, lang, name)
    return f"{name} {noun}" if noun else name


def _first_noun(quote: str, lang: str, name: str) -> str:
    """The first object-like noun after the verb in the quote, as written."""
    words = [w for w in analyze(quote, lang) if w.is_word]
    verb = next((k for k, w in enumerate(words) if w.lemma == name or w.lower == name), -1)
    for word in words[verb + 1 : verb + 1 + MAX_OBJECT_WORDS]:
        if lang == "ru" and word.pos == "NOUN" and word.object_case and not word.animate:
            # "Потом обследование" named "обследовать" stays so: the action is no object
            if word.lemma not in _VAGUE and not is_action_noun(word):
                return word.text if _is_acronym(word.text) else word.lower
        if lang != "ru" and word.pos != "VERB" and word.lower.isalpha():
            if word.lower not in lx.DETERMINERS_EN | lx.NAME_DROP_WORDS_EN | {name}:
                return word.lower
    return ""


_VAGUE = frozenset("раз день неделя месяц час время минута год случай вариант все".split())


def _transitive(verb: str) -> bool:
    from salesmine.process.actions import _morph

    parses = [p for p in _morph().parse(verb) if p.tag.POS in {"INFN", "VERB"}]
    return not parses or parses[0].tag.transitivity != "intr"


# Endings of an action noun and of its verb: "подписание" -> "подписать", "отправка" ->
# "отправить"; a candidate counts only when pymorphy3 knows it as an infinitive.
_NOUN_ENDINGS_RU = (
    ("вление", "вить"),
    ("бление", "бить"),
    ("мление", "мить"),
    ("пление", "пить"),
    ("ение", "ить"),
    ("ение", "еть"),
    ("ание", "ать"),
    ("яние", "ять"),
    ("тие", "ть"),
    ("ация", "ировать"),
    ("ация", "овать"),
    ("ка", "ить"),
    ("ка", "ать"),
)


@functools.lru_cache(maxsize=4096)
def verb_of_noun(noun: str) -> str | None:
    """The verb a Russian action noun is made from ("согласование" -> "согласовать"), if known."""
    if noun in lx.NOUN_VERBS_RU:
        return lx.NOUN_VERBS_RU[noun]
    from salesmine.process.actions import _morph

    for ending, verb_ending in _NOUN_ENDINGS_RU:
        if noun.endswith(ending):
            verb = noun[: -len(ending)] + verb_ending
            parses = _morph().parse(verb)
            if any(p.tag.POS == "INFN" and p.normal_form == verb for p in parses):
                return verb
    return None
