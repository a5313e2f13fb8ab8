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
_EN_AUX = frozenset(
    """
will would can could shall should may might must have has had do does did to 'll need needs
""".split()
)
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


@functools.lru_cache(maxsize=200_000)
def _ru_parses(lower: str) -> tuple[tuple[str, str, str, bool, str, str, str, str, bool], ...]:
    """(POS, lemma, tense, object case, person, number, case, mood, animate) of likely parses."""
    if lower in SHORTHAND:
        return (("NOUN", SHORTHAND[lower], "", True, "", "", "", "", False),)
    result = []
    for parse in _morph().parse(lower)[:3]:
        tag = parse.tag
        objective = tag.case in {"accs", "gent"} or "Fixd" in tag
        result.append(
            (
                str(tag.POS or ""),
                parse.normal_form.replace("ё", "е"),
                str(tag.tense or ""),
                objective,
                str(tag.person or ""),
                str(tag.number or ""),
                str(tag.case or ""),
                str(tag.mood or ""),
                "anim" in tag,
            )
        )
    return tuple(result) or (("", lower, "", False, "", "", "", "", False),)


def analyze(text: str, lang: str) -> list[Word]:
    """Tokens of ``text`` with a part of speech for each word."""
    toks = tokens(text, lang)
    if lang == "ru":
        return _analyze_ru(toks)
    return _analyze_en(toks)


def _analyze_ru(toks: list) -> list[Word]:  # type: ignore[type-arg]
    words: list[Word] = []
    for tok in toks:
        if not tok.is_word:
            words.append(Word(tok.text, tok.text, tok.start, tok.end, "PNCT", False))
            continue
        parses = _ru_parses(tok.text.lower().replace("ё", "е"))
        chosen = parses[0]
        prev = words[-1].lower if words else ""
        # "я еду к клиенту": after a personal pronoun a verb reading beats "еда".
        if chosen[0] not in VERBAL and prev in _RU_PRONOUNS:
            chosen = next((p for p in parses if p[0] in VERBAL), chosen)
        objective = any(p[3] for p in parses if p[0] == chosen[0])
        words.append(
            Word(
                tok.text,
                chosen[1],
                tok.start,
                tok.end,
                chosen[0],
                True,
                chosen[2],
                objective,
                *chosen[4:],
            )
        )
    return words


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
    return word.lemma not in lx.NON_ACTION_VERBS_RU


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


def _infinitive_follows(words: list[Word], i: int) -> bool:
    ahead = [w for w in words[i + 1 : i + 4] if w.is_word]
    return any(w.pos == "INFN" for w in ahead)
