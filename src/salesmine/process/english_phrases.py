"""The object of an English step, read as a sticky note writes it: a noun phrase and at most a
prepositional phrase or two ("the proposal", "the security questionnaire", "to onboarding").

Words after the verb are cut into segments at prepositions: the direct object, then one segment
per preposition. Each segment becomes a noun phrase by ``noun_phrase``: the article as a person
would write it ("the" for the speaker's "our" / "this" / "the SDR's", "a" / "an" recomputed for
the word that follows), no pronouns, fillers, "thing" / "stuff" or hedging adjectives ("a quick
look" -> "a look"), the head noun with at most two modifiers before it ("the bill analysis
template"). "Twelve months of bills", "a couple of calls", "one of the AEs": the quantity goes,
the noun stays. A segment naming a time ("within two working days", "every week") says when, not
what, and is left out; so is one cut off in the middle (a longer phrase than a name holds).
"""

from __future__ import annotations

from dataclasses import dataclass

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import Word

MAX_CONTENT = 3  # content words of one noun phrase: a head and two modifiers
DEFINITE = (
    frozenset("the this that these those".split()) | ex.POSSESSIVES
)  # "our SOC 2", "this form": a sticky note says "the"
INDEFINITE = frozenset({"a", "an"})
# Determiners a name leaves out ("every lead", "some questions", "all the bills").
UNWRITTEN = ex.DETERMINERS - DEFINITE - INDEFINITE | frozenset({"every", "each", "both"})
# Words that fill a noun phrase without naming anything.
VAGUE = frozenset("thing things stuff bits bit lot lots".split())
# Adjectives that rate or hedge rather than say which thing ("a quick look", "the whole pack").
HEDGES = frozenset(
    "quick proper little whole full entire real actual nice good short brief usual normal "
    "standard same own various certain bunch".split()
)
QUANTITIES = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "fifty hundred couple few lot lots bunch handful number piece pile all some any most "
    "each both half several plenty load loads".split()
)
TIME_NOUNS = frozenset(
    "day days week weeks month months year years morning mornings afternoon evening night "
    "today tomorrow monday tuesday wednesday thursday friday saturday sunday minute minutes "
    "hour hours time times later lunchtime weekend weekends fortnight quarter deadline "
    "moment while".split()
)
TIME_MODIFIERS = frozenset(
    "same next few following first last every each this that a the couple".split()
)
_NUMBERS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred thousand".split()
)
_VOWEL_LETTERS = "aeiou"
_VOWEL_NAMES = "AEFHILMNORSX"  # letters whose spoken name opens with a vowel: "an SE", "an MSA"
_WORDS_WITH_YOU = ("use", "uni", "euro", "one", "once")  # "a user", "a unit", "a one-off"


# Prepositions of a phrase that says when ("within two days of signature", "after the call").
TIME_PREPOSITIONS = frozenset("within after before during until by since".split())
# Prepositional phrases that say how, not what ("in person", "by phone", "over email").
MANNER = frozenset("person phone email post video hand teams zoom".split())
# Words that open a prepositional phrase of a name; "round" and "along" walk somewhere.
PREPOSITIONS = ex.PREPOSITIONS | frozenset({"round", "along", "onto", "above", "below", "beyond"})


@dataclass(frozen=True)
class Segment:
    """A piece of the object: the preposition that opens it ("" for the direct object)."""

    preposition: str
    words: tuple[Word, ...]


def noun_phrase(
    words: tuple[Word, ...] | list[Word],
    openings: frozenset[int] = frozenset(),
    trim: bool = False,
    timed: bool = False,
) -> list[str] | None:
    """The words of a noun phrase as a name writes them; None when it names a time or an
    amount ("the same week", "for thirty percent") or runs longer than a name holds (it was cut,
    so its head is unknown; ``trim``: keep its last words instead, the head and what is nearest
    to it); [] when it holds nothing to name (a pronoun). ``openings``: offsets of words that
    open a sentence or a quotation (a capital there says nothing). ``timed``: the phrase opens
    with a preposition of time ("within one hour of booking" is when, "for twelve months of
    bills" is the bills). Of two objects ("email the client an estimate") the second is what is
    done; of a long list ("the photos and the design and the offer") the first."""
    kept = _measured(list(words), trim, timed)
    if kept is None:
        return None
    article, content = _written(kept, openings)
    content = _first_of_list(content)
    if len([w for w in content if w != "and"]) > MAX_CONTENT + ("and" in content):
        if not trim:
            return None
        content, article = content[-MAX_CONTENT:], ""
        content = content[1:] if content[0] == "and" else content
    if not content:
        return []
    if kept[-1].lower in VAGUE and _adjective(content[-1]):  # "the commercial bits"
        content.append("details")
    if article == "a":
        article = indefinite(content[0])
    return ([article] if article else []) + content


def _measured(words: list[Word], trim: bool, timed: bool) -> list[Word] | None:
    """The words without what only counts or times them ("twelve months of bills" -> "bills";
    ``trim``: "two calls" -> "calls", "a check-in every week" -> "a check-in"); None for a time
    or an amount."""
    words = words if timed else _after_quantity(words)
    words = _before_time(words) if trim else words
    if any(w.lower in TIME_NOUNS for w in words) or _amount(words) and not trim:
        return None
    return [w for w in words if w.lower not in _NUMBERS] if trim else words


def _written(words: list[Word], openings: frozenset[int]) -> tuple[str, list[str]]:
    """The article ("the", "a" or "") and the content words of a phrase as a name writes
    them; of two objects ("the client an estimate") the second."""
    article = ""
    content: list[str] = []
    head = _hedge_head(words)
    for word in words:
        lower = word.lower
        if word is head:  # "take the design brief": "brief" is the thing, not how brief
            content.append(_as_written(word, word.start in openings))
        elif lower in DEFINITE or lower in INDEFINITE:
            if content and content[-1] != "and":  # a second object: the first was who to
                content, article = [], ""
            article = article or ("the" if lower in DEFINITE else "a")
        elif lower == "'s" or _spoken_only(word):  # "the SDR's notes": a modifier
            continue
        elif lower != "and" or content:
            content.append(_as_written(word, word.start in openings))
    return article, content


def _hedge_head(words: list[Word]) -> Word | None:
    """A hedging adjective that ends its phrase after an article or a noun ("the brief", "the
    design brief", "the standard") is its head noun; None when the phrase has no such word."""
    named = [w for w in words if not _spoken_only(w) or w.lower in HEDGES]
    if len(named) < 1 or named[-1].lower not in HEDGES:
        return None
    k = words.index(named[-1])
    before = words[k - 1].lower if k else ""
    after_noun = len(named) > 1 and named[-2].lower not in HEDGES
    opened = before in DEFINITE or before in INDEFINITE or after_noun
    return named[-1] if opened else None


def _first_of_list(content: list[str]) -> list[str]:
    """ "the photos and the design and the offer" -> "photos": a list too long for a name
    keeps its first item; a trailing "and" goes."""
    while content and content[-1] == "and":
        content = content[:-1]
    if "and" in content and len(content) > MAX_CONTENT + 2:
        content = content[: content.index("and")]
    return content


def _amount(words: list[Word]) -> bool:
    """ "thirty percent", "200 kW", "about six pages": a phrase opening with a number says how
    much, not what (a name leaves it out)."""
    kept = [w for w in words if w.lower not in ex.DETERMINERS]
    return bool(kept) and (kept[0].lower in _NUMBERS or kept[0].text[:1].isdigit())


def _before_time(words: list[Word]) -> list[Word]:
    """ "a check-in every week of the trial" -> "a check-in": the object before its time."""
    for k, word in enumerate(words):
        if word.lower in TIME_NOUNS:
            while k > 0 and (words[k - 1].lower in TIME_MODIFIERS or _amount(words[k - 1 : k])):
                k -= 1
            return words[:k]
    return words


def _adjective(word: str) -> bool:
    """A word that only describes ("commercial", "site-specific"), by its ending."""
    return "-" in word or word.endswith(("al", "ic", "ive", "ous", "ful", "ible", "able", "ary"))


def _after_quantity(words: list[Word]) -> list[Word]:
    """ "twelve months of bills" -> "bills"; "one of the AEs" -> "the AEs": what is counted."""
    for k, word in enumerate(words):
        if word.lower != "of" or k == 0:
            continue
        before = [w.lower for w in words[:k] if w.lower not in ex.DETERMINERS]
        if before and all(w in QUANTITIES or w in TIME_NOUNS or w.isdigit() for w in before):
            return words[k + 1 :]
    return words


def _spoken_only(word: Word) -> bool:
    """Words a name never writes: pronouns, fillers, "every", "thing", "a quick ..."."""
    lower = word.lower
    if word.text.isupper() and len(word.text) > 1:  # "IT", "SE": a name, not "it"
        return False
    return (
        lower in ex.OBJECT_PRONOUNS
        or lower in ex.THING_PRONOUNS
        or lower in ex.SELF | ex.WE | ex.YOU | ex.THEY | ex.OTHER_PRONOUNS
        or lower in ex.ADVERBS
        or lower in UNWRITTEN
        or lower in VAGUE
        or lower in HEDGES
        or lower in ("um", "uh", "er", "erm", "yeah", "like", "sort", "kind", "of")
        or lower in ("afterwards", "beforehand", "too", "together", "either", "there")
    )


def _as_written(word: Word, opening: bool) -> str:
    """A product or system keeps its capitals ("Salesforce", "DocuSign", "CRM"); other words
    are lowercase."""
    text = word.text
    if text.isupper() and len(text) > 1 or text[:1].isupper() and not opening:
        return text
    return word.lower


def indefinite(following: str) -> str:
    """ "a" or "an" before ``following`` as it is spoken ("an SE", "a user", "an hour")."""
    if following.isupper() and len(following) > 1:
        return "an" if following[0] in _VOWEL_NAMES else "a"
    lower = following.lower()
    if lower.startswith(_WORDS_WITH_YOU):
        return "a"
    return "an" if lower[:1] in _VOWEL_LETTERS or lower.startswith("hour") else "a"


def segments(words: list[Word]) -> list[Segment]:
    """The object words cut at each preposition ("of" after a quantity stays in its phrase)."""
    result: list[Segment] = [Segment("", ())]
    for word in words:
        lower = word.lower
        opens = lower in PREPOSITIONS and not (lower == "of" and _counted(result[-1].words))
        if opens:
            result.append(Segment(lower, ()))
        else:
            last = result[-1]
            result[-1] = Segment(last.preposition, last.words + (word,))
    return result


def _counted(words: tuple[Word, ...]) -> bool:
    """Whether a phrase so far only counts ("twelve months", "a couple", "one"): its "of"
    leads to what is counted."""
    kept = [w.lower for w in words if w.lower not in ex.DETERMINERS]
    return bool(kept) and all(w in QUANTITIES or w in TIME_NOUNS or w.isdigit() for w in kept)
