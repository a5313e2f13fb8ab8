"""Who does what an English clause tells: the subject before its verb group, and its kind — the
speaker ("I"), their company ("we"), sellers ("the reps", "the AE"), someone else (the client,
procurement, legal, "Tom"), a thing ("it", "the proposal").
"""

from __future__ import annotations

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import Word

AUX = ex.BE | ex.HAVE | ex.DO | ex.MODALS | ex.FUTURE
SUBJECTS = ex.SELF | ex.WE | ex.YOU | ex.THEY | frozenset("he she it who that this there".split())
# Words after which a clause's verb may stand without a subject: "and send it", "then call";
# "Otherwise escalate the ticket": an instruction's other branch in a procedure.
GROUP_STARTERS = frozenset(
    ex.CONJUNCTIONS | {"first", "next", "just", "also", "finally", "otherwise"}
)
LINK_WORDS = ex.CONDITIONS | ex.TIME_LINKS | ex.REASONS | ex.RELATIVES | {"that"}
_NOT_IN_PHRASE = GROUP_STARTERS | ex.PREPOSITIONS | AUX | LINK_WORDS | ex.NEGATIONS


def spoken(word: Word) -> str:
    """The word in lower case, but an acronym as written: "IT" is no "it"."""
    return word.text if word.text.isupper() and len(word.text) > 1 else word.lower


def subject_before(piece: list[Word], start: int) -> tuple[str, tuple[str, ...], int]:
    """Who does it: the pronoun or noun phrase before the verb group (class, words, index)."""
    j = start - 1
    while j >= 0 and (piece[j].lower in ex.ADVERBS or piece[j].lower in ("kind", "sort", "of")):
        j -= 1
    if j < 0 or piece[j].lower in GROUP_STARTERS | ex.CONDITIONS | ex.TIME_LINKS:
        return "none", (), -1
    if piece[j].lower in ex.PREPOSITIONS:
        return "none", (), -1
    first = j
    while first > 0 and j - first < 4 and _in_noun_phrase(piece[first - 1], piece[j]):
        first -= 1
    words = tuple(w.lower for w in piece[first : j + 1])
    return who(piece[first : j + 1]), words, first


def _in_noun_phrase(word: Word, head: Word) -> bool:
    """Whether ``word`` belongs to the noun phrase ending in ``head`` ("the solutions
    engineers"); a pronoun is a phrase by itself."""
    if head.lower in SUBJECTS | ex.OTHER_PRONOUNS or word.lower in SUBJECTS - {"that", "this"}:
        return False
    if word.lower in _NOT_IN_PHRASE or word.lower in ex.OBJECT_PRONOUNS:
        return False
    return not (word.lower.endswith(("ed", "ing")) and word.lower not in ex.ACTIVITY_NOUNS)


def who(phrase: list[Word]) -> str:
    """The kind of subject a phrase is: self, we, you, they, team, other, thing, nobody."""
    lowers = [w.lower for w in phrase]
    last = lowers[-1]
    if phrase[-1].text == "IT":
        return "other"
    if last in ex.SELF | ex.WE | ex.YOU | ex.THEY:
        return {"i": "self", "we": "we", "you": "you", "they": "they"}[last]
    if last in ("nobody", "noone") or lowers[-2:] == ["no", "one"]:
        return "nobody"
    if last in ex.OTHER_PRONOUNS:
        return "other"
    if last in ex.THING_PRONOUNS:
        return "thing"
    said = " ".join(lowers)
    if any(p in said for p in ex.SELLER_PHRASES):
        return "team"
    if any(w in ex.THIRD_PARTIES for w in lowers if w not in ex.SALES_WORDS):
        return "other"
    if any(w in ex.SELLER_ROLES for w in lowers):
        return "team"
    named = phrase[-1].text[:1].isupper() and not phrase[-1].text.isupper()
    return "other" if named and lowers[-1] not in ex.ACTIVITY_NOUNS else "thing"
