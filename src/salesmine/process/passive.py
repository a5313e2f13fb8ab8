"""The Russian reflexive passive as a way to tell one's own steps: "делается звонок", "клиент
заводится в CRM", "далее направляется подборка". A passive of a sales action counts as the
interviewee's step; someone who tells the whole process this way (``speaks_impersonally``) gets
any transitive passive in a told sequence counted too.
"""

from __future__ import annotations

import functools

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word, is_action_noun
from salesmine.process.actions import _morph as morph_analyzer  # the one loaded analyzer
from salesmine.process.concepts import CUE_WEIGHTS, STRONG
from salesmine.process.subjects import clause_of, person_in_clause, seller, subject_of

IMPERSONAL_PASSIVES = 3  # sentences with a passive sales action: the speaker's own way of telling
# an indirect question standing as a passive's subject: "выясняется, сколько мест" (not
# "выясняется, что ...": it turns out)
_QUESTION_WORDS = frozenset("сколько кто какой какая какое какие где когда есть".split())
# Done by itself, not by the seller: "сделка создаётся сама".
AUTOMATIC = frozenset("сам сама само сами автоматически автоматом".split())


def passive_action(words: list[Word], i: int, sequenced: bool) -> bool:
    """ "Лид сразу заводится в CRM", "делается звонок", "оформляется бронь": a reflexive passive
    of a sales action, not automatic. The one it is done to may be a person ("клиент заводится в
    CRM") when the verb is a strong sales cue; else a thing stands as its subject, and the clause
    says what is done: a strong sales word, or an action noun after a light verb ("проводится
    презентация"); ``sequenced`` (an order marker, told by someone who speaks in the passive):
    any transitive verb ("Далее клиенту направляется подборка") — never "рядом строится ЖК"."""
    base = passive_base(words, i)
    if base is None or any(w.lemma in AUTOMATIC for w in words):
        return False
    after = [w for w in words[i + 1 : i + 3] if w.is_word]
    if after and after[0].lower == "что":  # "потом выясняется, что ...": it turns out
        return False
    cues = CUE_WEIGHTS.get(base, {})
    strong_verb = STRONG in cues.values()
    if person_in_clause(words, i):
        # "Клиент передаётся в сервис": someone who tells the process in the passive tells what
        # is done to the client so, with any sales verb
        return strong_verb or (sequenced and bool(cues) and transitive(base))
    # what it is done to: a noun that may be the subject, in the clause or just before it ("лид
    # сразу, в тот же час, заводится в CRM"); none in "потом по фоткам разбираются"
    clause = [k for k in clause_of(words, i) if k != i]
    before = [k for k in range(i) if words[k].pos == "NOUN"][-1:]
    governed = {k for k in clause + before if k > 0 and words[k - 1].pos == "PREP"}
    things = [words[k] for k in clause + before if k not in governed and nominative(words[k])]
    if not things:
        # "Потом всё заносится в CRM", "Считается по прайсу": a strong sales verb needs no
        # subject; "на звонке выясняется, сколько мест": what is done is the clause after it
        asked = bool(cues) and _asked_after(words, i)
        return (strong_verb and not _considered(words, i)) or asked
    named = any(STRONG in CUE_WEIGHTS.get(w.lemma, {}).values() for w in things)
    light = base in lx.LIGHT_VERBS_RU and any(is_action_noun(w) for w in things)
    return strong_verb or named or light or (sequenced and transitive(base))


def _asked_after(words: list[Word], i: int) -> bool:
    """Whether an indirect question follows the verb as its subject ("выясняется, сколько мест,
    кто обслуживает")."""
    after = [w for w in words[i + 1 : i + 3] if w.is_word]
    return bool(after) and after[0].lower in _QUESTION_WORDS


def _considered(words: list[Word], i: int) -> bool:
    """ "Считается, что ...", "это считается нормой": a verdict, not an action."""
    after = [w for w in words[i + 1 : i + 4] if w.is_word]
    return bool(after) and (after[0].lower == "что" or any(w.case == "ablt" for w in after))


def passive_base(words: list[Word], i: int) -> str | None:
    """The active verb of a present-tense 3rd-person reflexive passive ("оформляется" ->
    "оформлять"), or None ("менеджер договаривается" has a seller for its subject)."""
    word = words[i]
    # "организуется": a two-aspect verb the analyzer reads as a perfective future only
    present = word.tense == "pres" or (word.tense == "futr" and word.lower.endswith("уется"))
    if word.pos != "VERB" or word.person != "3per" or not present:
        return None
    if not word.lemma.endswith("ся") or seller(words, subject_of(words, i)):
        return None
    return word.lemma[:-2]


def speaks_impersonally(sentences: list[list[Word]]) -> bool:
    """Whether an interviewee tells the process in the passive: at least
    ``IMPERSONAL_PASSIVES`` sentences with a passive sales action ("делается звонок")."""
    told = 0
    for words in sentences:
        told += any(passive_action(words, i, False) for i in range(len(words)))
    return told >= IMPERSONAL_PASSIVES


@functools.lru_cache(maxsize=20_000)
def transitive(lemma: str) -> bool:
    """Whether a Russian infinitive takes a direct object ("направлять" yes, "работать" no)."""
    return any("INFN" in p.tag and "tran" in p.tag for p in morph_analyzer().parse(lemma)[:3])


def nominative(word: Word) -> bool:
    """Whether a Russian noun may stand in the nominative ("бронь", "договор": nominative and
    accusative look the same, and the likeliest parse may be either; "КП" has no case)."""
    # an abbreviation or an indeclinable borrowing has no case ("готовится КП", "демо")
    return word.pos == "NOUN" and (word.case in ("nomn", "") or _can_be_nominative(word.lower))


@functools.lru_cache(maxsize=50_000)
def _can_be_nominative(lower: str) -> bool:
    parses = morph_analyzer().parse(lower)[:3]
    return any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in parses)
