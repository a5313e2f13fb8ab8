"""The predicates of an English clause, without a tagger: which word is the verb, its auxiliaries
(tense, modality, negation, passive), what carries the action ("try to call" -> "call"; "do a
demo" -> the demo) and who its subject is.

A word is a verb when the WordNet verb list (spacy-lookups-data) knows it and it stands where a
verb stands: after a subject pronoun, an auxiliary, a modal or "to"; opening a clause (an
imperative: "Find the pain"; "and fill out the fields"); inflected after a noun ("the SDR books
a call"); a participle after "is" / "have". One piece of a sentence holds one predicate, and a
further one only after its own pronoun subject ("I think we send").
"""

from __future__ import annotations

from dataclasses import dataclass

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import Word
from salesmine.process.actions import _could_be_verb as _listed
from salesmine.process.english_subjects import AUX, GROUP_STARTERS, LINK_WORDS, SUBJECTS
from salesmine.process.english_subjects import spoken as _spoken
from salesmine.process.english_subjects import subject_before as _subject

_LIGHT_NOUNS = frozenset("look chat conversation".split())
_OBJECT_STARTS = (
    ex.DETERMINERS | ex.OBJECT_PRONOUNS | ex.POSSESSIVES | ex.PARTICLES | ex.PREPOSITIONS
) - {"no", "per", "of", "than", "as"}
_AUX_LEMMAS = {
    **{w: "be" for w in ex.BE},
    **{w: "have" for w in ex.HAVE - {"'d"}},
    **{w: "do" for w in ex.DO},
}
_COPULAS_OF = frozenset("it that there here what who where he she this".split())


def _could_be_verb(lower: str, lemma: str) -> bool:
    """In the verb list, or an inflection of a sales verb it lacks ("demoed", "scoped")."""
    return _listed(lower, lemma) or base_form(lower) in ex.EXTRA_VERBS


def base_form(lower: str) -> str:
    """ "demoed" -> "demo", "scoped" -> "scope", "onboarding" -> "onboard" (for EXTRA_VERBS)."""
    for ending in ("ing", "ed", "es", "s", "d"):
        if lower.endswith(ending) and lower[: -len(ending)] in ex.EXTRA_VERBS:
            return lower[: -len(ending)]
    return lower


@dataclass(frozen=True)
class VerbGroup:
    """One predicate: the word carrying the action, its auxiliaries and its subject."""

    head: Word  # the action word ("call" of "I'll try to call them")
    action: str  # its lemma, or the activity noun of a light verb ("demo" of "do a demo")
    light: bool  # a light verb with an activity noun ("have the discovery call")
    catenative: str  # "try", "need", "mean", ... when the action is its complement
    aux: tuple[str, ...]  # auxiliaries and modals before it, lowercase
    tense: str  # pres | past | perfect | future | prog | base
    modal: str  # might, could, would, should, can, may, must, have (to) or ""
    negated: bool
    passive: bool
    subject: str  # self | we | you | they | team | other | thing | none | passive
    subject_words: tuple[str, ...]
    subject_index: int  # index in the piece of the subject's first word (-1: none)
    clause_start: int  # offset where the predicate's clause begins


def verb_groups(piece: list[Word], sentence: list[Word]) -> list[VerbGroup]:
    """The predicates of one piece of a sentence, in order."""
    groups: list[VerbGroup] = []
    k = k_end = 0
    while k < len(piece):
        if _is_verb(piece, k) and _reduced_relative(piece, k):
            k += 1  # "Opportunities approved to bid shall be registered": the verb comes later
            continue
        if _is_verb(piece, k) and (not groups or _own_subject(piece, k, k_end)):
            group, k = _group(piece, k, sentence)
            k_end = k
            if group is not None:
                groups.append(group)
        k += 1
    if not groups:
        lone = _aux_only(piece, sentence)
        groups += [lone] if lone is not None else []
    return groups


def _reduced_relative(piece: list[Word], k: int) -> bool:
    """An "-ed" word right after a noun with a finite verb group later in the piece ("leads
    approved to bid shall be registered") describes the noun."""
    word = piece[k]
    j = _significant_before(piece, k)
    if j < 0 or not word.lower.endswith("ed") or _spoken(piece[j]) in SUBJECTS | AUX | ex.TO_LIKE:
        return False
    later = [w.lower for w in piece[k + 1 :]]
    return any(
        w in ex.MODALS | ex.FUTURE | {"shall", "must", "is", "are", "was", "were"} for w in later
    )


def _significant_before(piece: list[Word], k: int) -> int:
    """Index of the word before ``k`` that is no adverb, negation or filler (-1: none)."""
    j = k - 1
    while j >= 0 and (
        piece[j].lower in ex.ADVERBS
        or piece[j].lower in ex.NEGATIONS
        or piece[j].lower in ("of", "do")
        and j > 0
        and piece[j - 1].lower in ("kind", "sort")
        or piece[j].lower.endswith("ly")
        and len(piece[j].lower) > 4
    ):
        j -= 1
    return j


def _is_verb(piece: list[Word], k: int) -> bool:
    word = piece[k]
    if _never_verb(piece, k):
        return False
    nxt = piece[k + 1].lower if k + 1 < len(piece) else ""
    j = _significant_before(piece, k)
    before = _spoken(piece[j]) if j >= 0 else ""
    if before in SUBJECTS or before in ex.MODALS | ex.FUTURE | ex.DO or before in ex.TO_LIKE:
        return before not in ("that", "this") or nxt not in ex.BE
    if before in ex.BE | ex.HAVE:
        return _participle(word) or word.lower.endswith("ing") and before in ex.BE
    if before in GROUP_STARTERS:  # "and fill out the fields", "then send it"
        opening = word.lower == word.lemma or word.lower.endswith("s")
        return opening and len(piece) > 1 and nxt not in ex.BE and not _could_follow(piece, k)
    if j < 0:  # an imperative takes its object: "Find the pain", "Look them up"
        imperative = word.lower == word.lemma and word.lower not in ex.OPENING_ADVERBS
        return imperative and nxt in _OBJECT_STARTS and not _could_follow(piece, k)
    if before in ex.DETERMINERS or before in ex.PREPOSITIONS or before in ex.RELATIVES:
        return False
    if nxt in AUX - ex.DO or piece[j].lower.endswith("ing"):
        return False  # "the tender documents shall be ...": the subject's noun
    inflected = word.lower != word.lemma and not word.lower.endswith("ing")
    # "the SDRs pick up the lead": a plain verb after a plural subject
    plural = word.lower == word.lemma and _plural_subject(piece, j)
    plural = plural and word.lower not in ex.ADVERBS  # "the reps still call them": "call"
    return inflected or plural


def _never_verb(piece: list[Word], k: int) -> bool:
    """A function word, a particle ("first off the enquiry gets logged": no verb "to off"), an
    adverb right before the verb ("I still call them": "call") or a word no verb has."""
    word = piece[k]
    if not word.is_word or word.lower in AUX | LINK_WORDS | ex.CONJUNCTIONS | ex.PARTICLES:
        return True
    if _counted(piece, k):
        return True
    return _adverb_before_verb(piece, k) or not _could_be_verb(word.lower, word.lemma)


def _counted(piece: list[Word], k: int) -> bool:
    """A word a number closes ("step one", "number two", "quarter to eight", "half past
    nine"): it counts or tells the time, it does nothing; not "I call one", a verb after its
    subject."""
    if any(w.lower not in ex.CONJUNCTIONS for w in piece[:k] if w.is_word):
        return False
    rest = [w.lower for w in piece[k + 1 :] if w.is_word]
    if rest and rest[0] in ("to", "past"):
        rest = rest[1:]
    return len(rest) == 1 and (rest[0] in ex.NUMBER_WORDS or rest[0].isdigit())


def _adverb_before_verb(piece: list[Word], k: int) -> bool:
    """An adverb the verb list also knows ("still", "even", "right") said right before a word
    that can be a verb: the adverb is no predicate ("I still need Daniel to ...")."""
    word = piece[k]
    if word.lower not in ex.ADVERBS - {"like", "sort", "kind"} or k + 1 >= len(piece):
        return False
    nxt = piece[k + 1]
    return _could_be_verb(nxt.lower, nxt.lemma) and nxt.lower not in _OBJECT_STARTS | AUX


def _plural_subject(piece: list[Word], j: int) -> bool:
    noun = piece[j]
    return (
        noun.lower.endswith("s")
        and noun.lower != noun.lemma
        and not _could_be_verb(noun.lower, noun.lemma)
        or noun.lemma in ex.SELLER_ROLES
        or noun.lemma in ex.THIRD_PARTIES
    ) and noun.lower.endswith("s")


def _could_follow(piece: list[Word], k: int) -> bool:
    """Whether the word after ``k`` is an inflected verb: ``k`` is then its subject ("leads
    come in", "Finance always asks")."""
    later = [w for w in piece[k + 1 :] if w.lower not in ex.ADVERBS]
    if not later:
        return False
    nxt = later[0]
    if piece[k].lower == piece[k].lemma:  # "Find the pain": an imperative takes an object
        return (
            _could_be_verb(nxt.lower, nxt.lemma)
            and nxt.lower != nxt.lemma
            and not (nxt.lower.endswith("s"))
        )
    return _could_be_verb(nxt.lower, nxt.lemma) and nxt.lower not in ex.DETERMINERS


# Participles spelt as their verb: "the prospect is set up in Epic", "it's put on hold".
_SAME_PARTICIPLES = frozenset("set put cut let shut spread".split())


def _participle(word: Word) -> bool:
    lower = word.lower
    if lower.endswith("ed") or lower in _SAME_PARTICIPLES:
        return True
    return lower != word.lemma and not lower.endswith(("s", "ing"))


def _own_subject(piece: list[Word], k: int, last: int = -1) -> bool:
    """ "I think we send": a second predicate of one piece needs its own pronoun subject, said
    after the predicate before it (``last``: where that one ends; in "we sort out the date" the
    verb "sort", also an adverb of "sort of", is no filler before "out")."""
    j = _significant_before(piece, k)
    while j >= 0 and piece[j].lower in AUX:
        j = _significant_before(piece, j)
    return j > last and piece[j].lower in ex.SELF | ex.WE | ex.YOU | ex.THEY | {"he", "she"}


def _group(piece: list[Word], k: int, sentence: list[Word]) -> tuple[VerbGroup | None, int]:
    """The predicate whose main verb is ``piece[k]``, and the index it ends at."""
    start = k
    while start > 0 and (piece[start - 1].lower in AUX | ex.NEGATIONS | ex.TO_LIKE | ex.ADVERBS):
        start -= 1
    aux = tuple(
        "to" if w.lower in ex.TO_LIKE else w.lower
        for w in piece[start:k]
        if w.lower in AUX | ex.TO_LIKE | ex.NEGATIONS
    )
    head, catenative, end = k, "", k
    if piece[k].lemma in ex.CATENATIVES:
        complement = _complement(piece, k)
        if complement is not None:
            head, catenative, end = complement, piece[k].lemma, complement
    caused = _caused(piece, k) if head == k and piece[k].lemma in _CAUSATIVES else None
    if caused is not None and piece[caused - 1].lower == "to":  # "tell the carrier to bind it"
        head, catenative, end, caused = caused, piece[k].lemma, caused, None
    action, light = _light(piece, head)
    if caused is not None:  # "get the apps signed": said as it is, the action is signing
        action, end = _light(piece, caused)[0], caused
    subject, words, index = _subject(piece, start)
    passive = any(a in ex.BE for a in aux) and _participle(piece[k]) and not catenative
    clause_start = piece[index].start if index >= 0 else piece[start].start
    after = piece[k + 1].lower if k + 1 < len(piece) else ""
    between = [w.lower for w in piece[max(index, 0) : k]]  # "I don't cold call"
    negated = any(w in ex.NEGATIONS for w in between) or subject == "nobody"
    negated = negated or after in ("not", "n't", "never")  # "I try not to", "I don't cold call"
    group = VerbGroup(
        piece[head], action, light, catenative, aux, _tense(piece, k, aux, subject),
        _modal(aux, catenative), negated, passive, "passive" if passive else _simple(subject),
        words, index, clause_start,
    )  # fmt: skip
    return group, end


def _complement(piece: list[Word], k: int) -> int | None:
    """ "try to call", "need to send", "go and see", "start calling": the action's index."""
    j = k + 1
    if j < len(piece) and piece[j].lower in ("to", "and"):
        j += 1
    while j < len(piece) and piece[j].lower in ex.ADVERBS:
        j += 1
    if j < len(piece) and _could_be_verb(piece[j].lower, piece[j].lemma):
        verbal = piece[j - 1].lower in ("to", "and") or piece[j].lower.endswith("ing")
        return j if verbal or _bare_after_go(piece, k, j) else None
    return None


_CAUSATIVES = frozenset({"get", "tell"})


def _caused(piece: list[Word], k: int) -> int | None:
    """ "I get the apps signed", "we get them to sign", "I tell the carrier to bind it": the
    seller has it done; the action is the done verb's."""
    for j in range(k + 2, min(k + 7, len(piece))):
        word, before = piece[j], piece[j - 1]
        if word.lower in ex.PREPOSITIONS | ex.CONJUNCTIONS and word.lower != "to":
            return None
        follows = j + 1 < len(piece) and _could_be_verb(piece[j + 1].lower, piece[j + 1].lemma)
        if word.lower == "to" and follows and piece[j + 1].lower == piece[j + 1].lemma:
            return j + 1  # "get them to sign", "tell the carrier to bind it"
        done = word.lower.endswith("ed") and _could_be_verb(word.lower, word.lemma)
        if piece[k].lemma == "get" and done and before.lower not in ex.DETERMINERS:
            return j  # "get the apps signed" (not "get the signed apps")
    return None


def _bare_after_go(piece: list[Word], k: int, j: int) -> bool:
    """ "I go see the operation", "come look at the site": "go" / "come" + a bare verb."""
    word = piece[j]
    plain = word.lower == word.lemma and word.lower not in ex.PARTICLES | ex.PREPOSITIONS
    return j == k + 1 and piece[k].lemma in ("go", "come") and plain


def _light(piece: list[Word], head: int) -> tuple[str, bool]:
    """ "do a demo", "have the discovery call", "run discovery": the activity noun carries it."""
    lemma = _AUX_LEMMAS.get(piece[head].lower, base_form(piece[head].lemma))
    if lemma not in ex.LIGHT_VERBS:
        return lemma, False
    for word in piece[head + 1 : head + 6]:
        if word.lower in ex.PREPOSITIONS - {"through", "over"} or word.lower in ex.CONJUNCTIONS:
            break
        if word.lemma in ex.ACTIVITY_NOUNS or word.lower in _LIGHT_NOUNS:
            return word.lemma, True
    return lemma, False


def _simple(subject: str) -> str:
    return "other" if subject == "nobody" else subject


def _tense(piece: list[Word], k: int, aux: tuple[str, ...], subject: str) -> str:
    word = piece[k]
    if any(a in ex.FUTURE for a in aux) or word.lemma == "go" and word.lower == "going":
        return "future"
    if any(a in ("have", "has", "'ve") for a in aux) and _participle(word):
        return "perfect"
    if "had" in aux or "did" in aux or any(a in ("was", "were") for a in aux):
        return "past"
    if any(a in ex.BE for a in aux) and word.lower.endswith("ing"):
        return "prog"
    if aux or word.lower == word.lemma or word.lower.endswith("s"):
        return "base" if subject == "none" and not aux and word.lower == word.lemma else "pres"
    return "past"


def _modal(aux: tuple[str, ...], catenative: str) -> str:
    for a in aux:
        if a in ex.MODALS:
            return {"'d": "would", "ca": "can"}.get(a, a)
    if "to" in aux and any(a in ("have", "has", "had") for a in aux):
        return "have"
    return catenative if catenative in ("need", "have", "mean", "suppose") else ""


def _aux_only(piece: list[Word], sentence: list[Word]) -> VerbGroup | None:
    """A piece whose only verb is "do" / "have" / "be" ("I do the demo myself", "it's gold")."""
    for k, word in enumerate(piece):
        if word.lower not in ex.BE | ex.HAVE | ex.DO or word.lower in ("'d", "been", "being"):
            continue
        later = piece[k + 1 : k + 4]  # "I don't really do check-ins": the last of the chain
        if any(w.lower in ex.BE | ex.HAVE | ex.DO for w in later if w.lower not in ("'d",)):
            continue
        j = _significant_before(piece, k)
        if word.lower == "'s" and (j < 0 or piece[j].lower not in _COPULAS_OF):
            continue  # "the SDR's notes": a possessive
        if j >= 0 and piece[j].lower in ex.DETERMINERS | ex.PREPOSITIONS:
            continue
        group, _ = _group(piece, k, sentence)
        return group
    return None
