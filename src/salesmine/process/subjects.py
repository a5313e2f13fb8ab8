"""Who a Russian clause is about: its subject, whether that is one of our sellers, where its
clause ends. Shared by the rules on whose action a verb is (``agency``, ``passive``)."""

from __future__ import annotations

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word

PERSONAL_PRONOUNS = frozenset("я мы ты вы он она они".split())
# "наш менеджер", "каждый менеджер" are still our sellers; "ипотечный менеджер" is the bank's
# "менеджер филиала", "менеджер отдела продаж": a seller of one of our own units
_UNITS = frozenset("отдел филиал офис кампус направление подразделение".split())
_OUR = frozenset("наш мой каждый любой хороший опытный новый свой любой".split())


def subject_of(words: list[Word], i: int) -> int | None:
    """The nearest nominative person (noun or pronoun) before ``words[i]`` in its sentence."""
    for k in range(i - 1, -1, -1):
        word = words[k]
        # inanimate nouns are left out: "оформить полис" has "полис" in a nominative-looking form
        person = word.pos == "NOUN" and word.animate or word.lemma in PERSONAL_PRONOUNS
        if person and word.case == "nomn" or role_noun(word):
            return k
    return None


def role_noun(word: Word) -> bool:
    """A seller's role noun that may stand as a subject though the parser misreads its case:
    "аккаунт" (inanimate, so read as accusative), "SDR" (Latin, no case)."""
    lemma = word.lemma.split("-")[0] if word.lemma.startswith("sdr") else word.lemma
    misread = word.case == "accs" and not word.animate or not word.case
    return lemma in lx.SELLER_NOUNS_RU and (word.case == "nomn" or misread)


def seller(words: list[Word], k: int | None) -> bool:
    """ "Менеджер" of our side: not "менеджер салона", not "ипотечный менеджер"."""
    lemma = words[k].lemma.split("-")[0] if k is not None else ""
    if k is None or (words[k].lemma not in lx.SELLER_NOUNS_RU and lemma != "sdr"):
        return False
    return _our_side(words, k)


def colleague(words: list[Word], k: int | None) -> bool:
    """Another of our roles in the sale ("администратор", "инженер"), not "инженер заказчика"."""
    return k is not None and words[k].lemma in lx.STAFF_NOUNS_RU and _our_side(words, k)


def _our_side(words: list[Word], k: int) -> bool:
    after = words[k + 1] if k + 1 < len(words) else None
    if after is not None and after.pos == "NOUN" and after.case == "gent":
        return after.lemma in _UNITS  # "менеджер кампуса" is ours, "менеджер салона" is not
    before = words[k - 1] if k > 0 else None
    return before is None or before.pos not in {"ADJF", "PRTF"} or before.lemma in _OUR


def person_in_clause(words: list[Word], i: int) -> bool:
    """Whether a person (noun or pronoun) in the nominative stands in the clause of ``words[i]``."""
    for k in clause_of(words, i):
        word = words[k]
        person = word.pos == "NOUN" and word.animate or word.lemma in PERSONAL_PRONOUNS
        if person and word.case == "nomn":
            return True
    return False


def clause_of(words: list[Word], i: int) -> range:
    """Indices of the words between the punctuation marks around ``words[i]``."""
    start = i
    while start > 0 and (words[start - 1].is_word or words[start - 1].text == "-"):
        start -= 1
    end = i + 1
    while end < len(words) and (words[end].is_word or words[end].text == "-"):
        end += 1
    return range(start, end)
