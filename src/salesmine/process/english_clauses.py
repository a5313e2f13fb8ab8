"""An English interview turn read as clauses: what is done, who does it, and how it is said.

spaCy's blank English pipeline has no tagger, so a verb is a word of the WordNet verb list in a
verbal place (``english_verbs``). A sentence is cut at punctuation and at the words that link
clauses ("and", "if", "because", "which", ...); a piece with a verb is a clause, a piece without
one ("budget and a timeline", "After the trial,") belongs to the clause before it (or, opening the
sentence, to the one after). For each clause: the action, its subject ("I", "we", a seller role,
the client or another department, a thing, none: an imperative or "and" + verb), its tense,
modality and negation, and how it hangs on the sentence (a main clause, an "if" condition, a
reason, a relative clause). Stage directions ("[laughs]") are no words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import Word, analyze
from salesmine.process.english_verbs import VerbGroup, verb_groups
from salesmine.text import sentences

_STAGE = re.compile(r"\[[^\]\n]{0,40}\]|\((?:[^()\n]{0,25})\)|\*[a-z][^*\n]{0,25}\*")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-•*–—])\s+")
_NUMBERS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
# "Number two, the discovery call.", "Then step five: I send it": a list told aloud
_SPOKEN_ITEM = re.compile(
    r"^(?:(?:and|then|so|um|uh|okay|ok|right)\s+)*(?:number|step)\s+(?:\d{1,2}|"
    + "|".join(_NUMBERS)
    + r")(?!\w)"
)
_BREAKS = frozenset(',;:()"“”—–….!?')
_LINKS = (ex.CONJUNCTIONS | ex.CONDITIONS | ex.TIME_LINKS | ex.REASONS | ex.RELATIVES) - {"as"}


@dataclass(frozen=True)
class Clause:
    """One clause of an interviewee's turn, with what the step rules need to know about it."""

    start: int  # offsets of its quote in the turn text
    end: int
    sentence: int  # which sentence of the turn
    words: tuple[Word, ...]  # the quote's words
    verb: VerbGroup | None  # its predicate; None for a verbless fragment ("Then the demo.")
    subject: str  # self | we | you | team | other | thing | none | passive
    subject_words: tuple[str, ...]  # the subject as said (lowercase)
    link: str  # "" (a main clause) | if | when | because | relative | to | that
    condition: str  # the "if" / "when" clause it is the main clause of ("If they qualify, ...")
    marker: bool  # an order marker opens it ("then", "after that", "first")
    before_previous: bool  # "before that ..."
    item: bool  # a line of the person's own list
    elliptic: bool  # its subject is left out and taken from the clause before ("and send it")
    quoted: bool  # inside quotation marks (a playbook read aloud, a script)
    text: str  # the quote


def stage_directions(text: str) -> list[tuple[int, int]]:
    """Spans of "[laughs]", "(pause)", "*sighs*": said by nobody."""
    return [m.span() for m in _STAGE.finditer(text)]


@functools.lru_cache(maxsize=256)
def read_turn(text: str) -> tuple[Clause, ...]:
    """The clauses of one turn, in told order."""
    masked = stage_directions(text)
    words = [
        w for w in _compounds(analyze(text, "en")) if not any(a <= w.start < b for a, b in masked)
    ]
    clauses: list[Clause] = []
    for number, sentence in enumerate(sentences(text, "en")):
        body = [w for w in words if sentence.start <= w.start and w.end <= sentence.end]
        if any(w.is_word for w in body):
            clauses += _sentence_clauses(text, body, number)
    return tuple(clauses)


def _compounds(words: list[Word]) -> list[Word]:
    """ "check-ins", "follow-up", "round-robined" as one word: a compound is no verb."""
    result: list[Word] = []
    k = 0
    while k < len(words):
        word = words[k]
        while (
            k + 2 < len(words)
            and words[k + 1].text == "-"
            and words[k + 1].start == word.end
            and words[k + 2].start == words[k + 1].end
            and words[k + 2].is_word
            and word.is_word
        ):
            tail = words[k + 2]
            text = f"{word.text}-{tail.text}"
            lemma = (
                text.lower()[:-1]
                if text.endswith("s") and not text.endswith("ss")
                else text.lower()
            )
            word = Word(text, lemma, word.start, tail.end, "", True)
            k += 2
        result.append(word)
        k += 1
    return result


def _sentence_clauses(text: str, body: list[Word], number: int) -> list[Clause]:
    item = bool(_LIST_ITEM.match(text[body[0].start : body[-1].end])) if body else False
    if item:  # "1. Qualify the lead": the number is no word of the step
        body = body[1:] if body[0].text not in "-•*–—" else body[1:]
        body = body[1:] if body and body[0].text in ".)" else body
    pieces = _pieces(body)
    groups = [verb_groups(piece, body) for piece in pieces]
    clauses: list[Clause] = []
    pending: list[Word] = []  # verbless pieces before the sentence's first clause
    for piece, found in zip(pieces, groups, strict=True):
        if not found:
            if clauses:
                clauses[-1] = _extended(text, clauses[-1], piece)
            else:
                pending += piece
            continue
        for k, group in enumerate(found):
            part = _part(piece, found, k)
            words = pending + part if not clauses and k == 0 else part
            pending = []
            if any(w.is_word for w in words):  # (a piece of only punctuation says nothing)
                clauses.append(_clause(text, words, group, number, clauses, item))
    if not clauses and any(w.is_word for w in pending):
        clauses.append(_clause(text, pending, None, number, clauses, item))
    return clauses


def _pieces(body: list[Word]) -> list[list[Word]]:
    """The sentence cut at punctuation and before each linking word."""
    pieces: list[list[Word]] = [[]]
    for k, word in enumerate(body):
        if not word.is_word:
            if word.text in _BREAKS or word.text in "'\"":
                pieces.append([])
            continue
        previous = body[k - 1].lower if k else ""
        # not inside a verb group: "is then provisioned", "will then send"
        inside = ex.BE | ex.HAVE | ex.MODALS | ex.FUTURE | {"to"}
        within = word.lower == "then" and previous in inside  # "is then provisioned"
        linking = word.lower in _LINKS and not within
        linking = linking and previous not in ex.CONJUNCTIONS | {"even", "just"}
        if linking and pieces[-1] and not _inside_phrase(body, k):
            pieces.append([])
        pieces[-1].append(word)
    return [p for p in pieces if p]


def _inside_phrase(body: list[Word], k: int) -> bool:
    """ "as fast as I can", "what's broken", "which is why I ...": a linking word that joins
    no clause here."""
    word = body[k].lower
    before = body[k - 1].lower if k else ""
    pointing = k > 1 and before in ex.BE and body[k - 2].lower in ("which", "that", "this")
    if word in ("why", "where", "how") and pointing:
        return True
    if word == "and" and before in ("go", "goes", "come", "comes", "try", "tries"):
        return True  # "I go and see them": one action
    return word == "as" and before in ("as", "such", "same", "well") or word == "what" and k == 0


def _part(piece: list[Word], found: list[VerbGroup], k: int) -> list[Word]:
    """The words of the ``k``-th predicate of a piece: from its subject to the next one's."""
    starts = [g.clause_start for g in found]
    first = piece[0].start if k == 0 else starts[k]
    last = starts[k + 1] if k + 1 < len(starts) else piece[-1].end + 1
    return [w for w in piece if first <= w.start < last]


def _extended(text: str, clause: Clause, piece: list[Word]) -> Clause:
    words = clause.words + tuple(piece)
    end = piece[-1].end
    from dataclasses import replace

    return replace(clause, words=words, end=end, text=text[clause.start : end])


def _clause(
    text: str,
    words: list[Word],
    group: VerbGroup | None,
    number: int,
    before: list[Clause],
    item: bool,
) -> Clause:
    spoken = [w for w in words if w.is_word]
    while len(spoken) > 1 and _filler(spoken[0]):
        spoken = spoken[1:]
    start, end = spoken[0].start, spoken[-1].end
    link = _link(spoken, group)
    subject = group.subject if group is not None else "none"
    same_sentence = [c for c in before if c.sentence == number]
    elliptic = subject == "none" and bool(same_sentence) and link in ("", "and")
    if elliptic:
        subject = same_sentence[-1].subject  # "we convert the lead and fill out the fields"
    lowers = " ".join(w.lower for w in spoken)
    quoted = _quoted(text, group.head.start if group is not None else start)
    return Clause(
        start, end, number, tuple(spoken), group, subject,
        group.subject_words if group is not None else (), "" if link == "and" else link,
        _condition(same_sentence) if link in ("", "and") else "",
        _opens_with(lowers, ex.SEQUENCE) or _spoken_item(lowers, same_sentence),
        _opens_with(lowers, ex.BEFORE_PREVIOUS), item,
        elliptic, quoted, text[start:end],
    )  # fmt: skip


def _condition(before: list[Clause]) -> str:
    """The text of the last "if" (or "when") clause before a main clause of its sentence (""
    when none)."""
    return next((c.text for c in reversed(before) if c.link in ("if", "when")), "")


_SUBORDINATORS = ex.CONDITIONS | ex.REASONS | {"when", "whenever", "once", "while"}
_MAIN_AFTER = ("which is why", "which means", "that's why", "that is why", "which is where")


_OPENING_FILLERS = frozenset(
    "so um uh er erm well like okay ok yeah oh basically literally honestly actually anyway "
    "right mm hmm yes".split()
)


def _filler(word: Word) -> bool:
    """A word said for rhythm at the start of a clause ("So, um, basically, I book ...")."""
    return word.lower in _OPENING_FILLERS


def _link(spoken: list[Word], group: VerbGroup | None) -> str:
    """How the clause hangs on its sentence, from its first word ("and if ...": "if"; "Step
    eleven, once the deposit is received": "when")."""
    spoken = _after_item(spoken)
    first = spoken[0].lower
    if first in ex.CONJUNCTIONS and len(spoken) > 1 and spoken[1].lower in _SUBORDINATORS:
        first = spoken[1].lower
    opening = " ".join(w.lower for w in spoken[:4]).replace(" '", "'")
    if opening.startswith(_MAIN_AFTER):  # "Which is why I also run a check-in": the point
        return ""
    if first in ex.CONDITIONS:
        return "if"
    if first in ex.REASONS:
        return "because"
    if first in ex.RELATIVES or first == "that" and group is not None and group.subject != "none":
        return "relative" if first != "what" else "that"
    if first in ex.TIME_LINKS and group is not None and group.subject_index == 1:
        return "when"  # "before I ring", "once they're happy" (not "after the demo I ...")
    if first == "to" and group is not None and group.subject == "none":
        return "to"
    return "and" if first in ex.CONJUNCTIONS else ""


def _after_item(spoken: list[Word]) -> list[Word]:
    """The words after the number of a list told aloud ("Step eleven, once ..." -> "once ...")."""
    said = " ".join(w.lower for w in spoken)
    opening = _SPOKEN_ITEM.match(said)
    if opening is None:
        return spoken
    count = len(said[: opening.end()].split())
    return spoken[count:] or spoken


def _spoken_item(lowers: str, same_sentence: list[Clause]) -> bool:
    """ "Number two, the discovery call", "Step five: I chase the loss runs": the sentence opens
    an item of a list told aloud, an order marker like "then"."""
    return not same_sentence and opens_spoken_item(lowers)


def opens_spoken_item(text: str) -> bool:
    """Whether a text opens with "number two" / "step five" (after "and", "then", "so") and
    goes on to say the step (not a bare "And step ten" before the step read out)."""
    said = " ".join(text.lower().split())
    opening = _SPOKEN_ITEM.match(said)
    return opening is not None and re.search(r"[a-z]", said[opening.end() :]) is not None


def _opens_with(lowers: str, phrases: tuple[str, ...]) -> bool:
    head = " ".join(lowers.split()[:5])
    # "wait, before that, sorry — I fill out the apps": a self-correction opens with "wait"
    head = re.sub(
        r"^(?:(?:and|so|but|um|uh|well|okay|yeah|right|anyway|oh|wait|sorry|actually)\s+)+",
        "",
        head,
    )
    return any(re.match(rf"(?:and\s+)?{re.escape(p)}(?!\w)", head) for p in phrases)


def _quoted(text: str, start: int) -> bool:
    """Whether an odd number of quotation marks opens before ``start`` in its paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1
