"""Which words of a text are actions: verbs (and action nouns) that can carry a process step.

Russian uses pymorphy3's tags (VERB, INFN, GRND; tense; the "не" before a verb). English has no
tagger offline (spaCy's blank pipeline has none), so a verb is a word in the WordNet verb list
shipped with spacy-lookups-data *and* in a verbal context: after a subject pronoun, a modal or
"to", clause-initial (an imperative: "check the schedule"), a 3rd-person "-s" after a noun, or a
participle after "is/are/was".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from salesmine.process import lexicon as lx
from salesmine.text import tokens
from salesmine.text.morphology import SHORTHAND

VERBAL = frozenset({"VERB", "INFN", "GRND"})
_RU_PRONOUNS = frozenset("я мы ты вы он она они".split())
_SENTENCE_ENDS = frozenset(".!?…\n")
_EN_AUX = frozenset(
    """
will would can could shall should may might must have has had do does did to 'll need needs
""".split()
)
_UNDERSTAND = frozenset("понять понимать".split())
# Beside the lexicon's states: what one perceives or suspects ("вижу, где банк откажет", "там,
# подозреваю, будет по-разному") is no doing.
_STATES = frozenset("видеть увидеть слышать услышать подозревать полагать предполагать".split())
_NEEDED = frozenset("нужно нужный важно важный потребность бояться хотеть".split())
_EN_BE = frozenset("am is are was were be been being get gets got 's 're 'm".split())


@dataclass(frozen=True)
class Word:
    """A token with the part of speech salesmine needs ("VERB", "INFN", "GRND", "NOUN", ...)."""

    text: str
    lemma: str
    start: int
    end: int
    pos: str
    is_word: bool
    tense: str = ""  # "past" | "pres" | "futr" | "" (Russian finite verbs only)
    object_case: bool = False  # Russian: some likely parse is accusative/genitive (an object)
    person: str = ""  # "1per" | "2per" | "3per" | "" (Russian finite verbs)
    number: str = ""  # "sing" | "plur" | ""
    case: str = ""  # Russian case of the chosen parse: "nomn", "accs", ...
    mood: str = ""  # Russian verbs: "indc" | "impr"
    animate: bool = False  # Russian nouns: a person ("клиент", "менеджер"), a possible subject

    @property
    def lower(self) -> str:
        return self.text.lower().replace("ё", "е")


@functools.lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


# pymorphy3 takes these sales words for something rarer ("замер" -> "замереть", "демо" -> "дть").
_FIXED = {
    "замер": ("NOUN", "замер"),
    "замеры": ("NOUN", "замер"),
    "демо": ("NOUN", "демо"),
    "кп": ("NOUN", "кп"),
}
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.lru_cache(maxsize=200_000)
def _ru_parses(
    lower: str, proper: bool = False
) -> tuple[tuple[str, str, str, bool, str, str, str, str, bool], ...]:
    """(POS, lemma, tense, object case, person, number, case, mood, animate) of likely parses.

    Proper-name readings count only for a word capitalized inside a sentence (``proper``): "Кати"
    there is Катя, not an imperative of "катить"; "фоткаю" is never a name.
    """
    if lower in _FIXED:
        pos, lemma = _FIXED[lower]
        return ((pos, lemma, "", True, "", "", "", "", False),)
    if lower in SHORTHAND:
        return (("NOUN", SHORTHAND[lower], "", True, "", "", "", "", False),)
    parses = _morph().parse(lower)[:4]
    names = [p for p in parses if _PROPER & set(p.tag.grammemes)]
    common = [p for p in parses if p not in names]
    ranked = (names + common) if proper and names else (common or parses)
    return tuple(_parse_fields(parse) for parse in ranked[:3]) or (
        ("", lower, "", False, "", "", "", "", False),
    )


def _parse_fields(parse) -> tuple[str, str, str, bool, str, str, str, str, bool]:  # type: ignore[no-untyped-def]
    tag = parse.tag
    return (
        str(tag.POS or ""),
        parse.normal_form.replace("ё", "е"),
        str(tag.tense or ""),
        tag.case in {"accs", "gent"} or "Fixd" in tag,
        str(tag.person or ""),
        str(tag.number or ""),
        str(tag.case or ""),
        str(tag.mood or ""),
        "anim" in tag,
    )


def analyze(text: str, lang: str) -> list[Word]:
    """Tokens of ``text`` with a part of speech for each word."""
    return list(_analyzed(text, lang))


@functools.lru_cache(maxsize=512)
def _analyzed(text: str, lang: str) -> tuple[Word, ...]:
    # a turn is read twice (how its teller speaks, then its steps); the words are frozen
    toks = tokens(text, lang)
    return tuple(_analyze_ru(toks) if lang == "ru" else _analyze_en(toks))


def _analyze_ru(toks: list) -> list[Word]:  # type: ignore[type-arg]
    words: list[Word] = []
    readings: list[tuple] = []  # type: ignore[type-arg]
    for tok in toks:
        if not tok.is_word:
            words.append(Word(tok.text, tok.text, tok.start, tok.end, "PNCT", False))
            readings.append(())
            continue
        previous = words[-1] if words else None
        inside = previous is not None and previous.text not in _SENTENCE_ENDS
        parses = _ru_parses(tok.text.lower().replace("ё", "е"), inside and tok.text[:1].isupper())
        words.append(_word(tok, _choose(parses, previous), parses))
        readings.append(parses)
    return _verb_for_lone_object(words, readings)


def _word(tok, chosen: tuple, parses: tuple) -> Word:  # type: ignore[no-untyped-def, type-arg]
    objective = any(p[3] for p in parses if p[0] == chosen[0])
    return Word(
        tok.text, chosen[1], tok.start, tok.end, chosen[0], True, chosen[2], objective, *chosen[4:]
    )


def _verb_for_lone_object(words: list[Word], readings: list[tuple]) -> list[Word]:  # type: ignore[type-arg]
    """ "После этого еду к ним": an accusative with neither a verb nor a preposition to govern
    it is not an object ("еда") but the clause's verb ("ехать"), when it can be one."""
    for start, end in clause_spans(words):
        span = range(start, end)
        if any(words[k].pos in VERBAL for k in span):
            continue
        for k in span:
            verb = next((p for p in readings[k] if p[0] == "VERB" and p[2:5:2] == _I_DO), None)
            governed = k > 0 and words[k - 1].pos == "PREP"
            if verb is not None and words[k].case == "accs" and not governed:
                words[k] = _word(words[k], verb, readings[k])
                break
    return words


_I_DO = ("pres", "1per")  # tense and person of "еду", "веду"


def clause_spans(words: list[Word]) -> list[tuple[int, int]]:
    """(start, end) word index spans between punctuation marks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for k, word in enumerate(words + [Word("", "", 0, 0, "PNCT", False)]):
        if not word.is_word:
            if k > start:
                spans.append((start, k))
            start = k + 1
    return spans


def _choose(parses: tuple, previous: Word | None) -> tuple:  # type: ignore[type-arg]
    """The parse to use: the likeliest, except that after a personal pronoun a verb reading
    beats "еда" ("я еду") and after a preposition a noun beats a verb ("в почту")."""
    chosen = parses[0]
    before = previous.lower if previous is not None else ""
    if chosen[0] not in VERBAL and before in _RU_PRONOUNS:
        return next((p for p in parses if p[0] in VERBAL), chosen)
    if chosen[0] in VERBAL | {"VERB"} and previous is not None and previous.pos == "PREP":
        return next((p for p in parses if p[0] == "NOUN"), chosen)
    return chosen


@functools.lru_cache(maxsize=1)
def _english_verbs() -> frozenset[str]:
    from spacy.lookups import load_lookups

    index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    return frozenset(index["verb"]) - lx.NOT_VERBS_EN


def _could_be_verb(word: str, lemma: str) -> bool:
    verbs = _english_verbs()
    if word in lx.NOT_VERBS_EN or not word.isalpha():
        return False
    return word in verbs or lemma in verbs


def _analyze_en(toks: list) -> list[Word]:  # type: ignore[type-arg]
    words = [
        Word(
            t.text,
            t.lemma if t.is_word else t.text,
            t.start,
            t.end,
            "" if t.is_word else "PNCT",
            t.is_word,
        )
        for t in toks
    ]
    return [
        Word(w.text, w.lemma, w.start, w.end, "VERB", True) if _english_verb_at(words, i) else w
        for i, w in enumerate(words)
    ]


def _english_verb_at(words: list[Word], i: int) -> bool:
    word = words[i]
    if not word.is_word or not _could_be_verb(word.lower, word.lemma):
        return False
    j = i - 1
    while (
        j >= 0
        and words[j].is_word
        and (words[j].lower in lx.MODALS_EN - {"to"} or words[j].lower.endswith("ly"))
    ):
        j -= 1
    governor = words[j].lower if j >= 0 else ""
    following = words[i + 1].lower if i + 1 < len(words) else ""
    if following in _EN_BE:  # "order is sent": the candidate is the subject
        return False
    if governor in lx.SUBJECT_PRONOUNS_EN or governor in _EN_AUX:
        return True
    if governor in _EN_BE:
        return word.lower.endswith(("ed", "en", "ing")) or word.lower != word.lemma
    if j < 0 or not words[j].is_word or governor in {"and", "or", "then", "but", "first", "next"}:
        return True
    if governor in lx.DETERMINERS_EN:
        return False
    # "check orders": after a verb, an "-s" word is its object; "the clerk checks": after a noun
    # (a determiner before it), a verb
    if governor in _english_verbs() and not (j > 0 and words[j - 1].lower in lx.DETERMINERS_EN):
        return False
    # "the clerk checks the form": an inflected verb right after a noun.
    return word.lower.endswith(("s", "ed")) and word.lower != word.lemma


def is_action(words: list[Word], i: int, lang: str) -> bool:
    """Whether ``words[i]`` is a verb that carries an action here (not negated, not a state)."""
    word = words[i]
    if lang != "ru":
        return (
            word.pos == "VERB"
            and word.lemma not in lx.NON_ACTION_VERBS_EN
            and not _negated(words, i)
        )
    if word.pos not in VERBAL or _negated(words, i):
        return False
    if word.lemma in lx.AUXILIARY_VERBS_RU and _infinitive_follows(words, i):
        return False
    if word.lemma in _UNDERSTAND:  # "понять, что клиенту нужно" is needs discovery, "понимаю" not
        return any(w.lemma in _NEEDED for w in words[i + 1 : i + 8])
    if word.lemma == "считать" and _considers(words, i):  # "считаю его встречей", "считаю, что"
        return False
    return word.lemma not in lx.NON_ACTION_VERBS_RU and word.lemma not in _STATES


def is_verb(word: str, lang: str) -> bool:
    """Whether a lone word (a step name's first word) reads as a verb: a Russian infinitive, an
    English word in the verb list."""
    lower = word.lower().replace("ё", "е")
    if lang == "ru":
        return _ru_parses(lower)[0][0] in VERBAL
    return _could_be_verb(lower, lower)


def is_action_noun(word: Word) -> bool:
    """Whether a Russian noun names an action ("отправка", "выезд", "согласование")."""
    if word.pos != "NOUN" or word.lemma in lx.NOT_ACTION_NOUNS_RU:
        return False
    return word.lemma in lx.ACTION_NOUNS_RU or word.lemma.endswith(lx.ACTION_NOUN_SUFFIXES_RU)


def _negated(words: list[Word], i: int) -> bool:
    prev = [w.lower for w in words[max(0, i - 2) : i] if w.is_word]
    return bool(prev) and (
        prev[-1] in {"не", "ни", "not", "never", "don't", "doesn't", "no"}
        or prev[-1].endswith("n't")
    )


def _considers(words: list[Word], i: int) -> bool:
    ahead = [w for w in words[i + 1 : i + 4] if w.is_word]
    return any(w.case == "ablt" or w.lower == "что" for w in ahead)


def _infinitive_follows(words: list[Word], i: int) -> bool:
    ahead = [w for w in words[i + 1 : i + 4] if w.is_word]
    return any(w.pos == "INFN" for w in ahead)
