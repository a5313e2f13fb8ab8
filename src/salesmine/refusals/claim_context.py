"""What surrounds a claim trigger: whose the missing thing is, who said it, what answered it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_right

OWNER_WINDOW_LEFT = 7
OWNER_WINDOW_RIGHT = 5
# An owner word beyond these belongs to another clause ("клиент уверен, что рассрочки нет").
BARRIERS = frozenset(
    (";", "—", "–", "но", "однако", "зато", "but", "however", "?", "!", ":", "что", "that")
)
ANSWER_VERBS = frozenset(
    """выслать отправить рассказать объяснить пояснить ответить показать оформить рассчитать
    посчитать предложить скинуть направить подобрать send explain answer show quote reply walk
    offer propose""".split()
)
SHORT_TAIL_WORDS = 6
_CORRECTION = re.compile(
    "|".join(
        (lex.CORRECTION_RU, lex.CORRECTION_EN, lex.POSITIVE_ANSWER_RU, lex.POSITIVE_ANSWER_EN)
    ),
    re.IGNORECASE,
)
_NEGATIVE_ANSWER = re.compile(
    r"(?:ответил|ответила|сказал|сказала|пояснил|пояснила)\w*[,\s]+(?:что\s+)?нет\b|^\W*нет\b"
    r"|\b(?:told|said)\b[^.]*\bwe\s+(?:do|did)\s*(?:n't|not)\b|^\W*no\b"
    r"|\b(?:said|answered|told them)\s+no\b|(?:сказал|ответил)\w*\s+нет\b"
    r"|^\W*(?:нет\W+)?(?:мы\s+)?не\s+\w+(?:ем|им|ём)\b|^\W*(?:no\W+)?we\s+(?:do\s*n[o']t|don't)\b",
    re.IGNORECASE,
)
_UNANSWERED = re.compile(
    "|".join(re.escape(c) for c in (*lex.UNANSWERED_RU, *lex.UNANSWERED_EN)), re.IGNORECASE
)
_SPEECH_BARRIER = lex.ASK_VERBS_RU | lex.SPEECH_VERBS_RU | lex.MANAGER_TOLD_RU | lex.ASK_VERBS_EN
_BELIEF = frozenset(("думать", "считать", "think", "thought", "believe", "assume", "уверенный"))
_SHOWN = re.compile(
    r"\b(?:show(?:ed)?|walk(?:ed)? (?:him|her|them) through|signed up|signed with us)\b"
    r"|показал|показала|оформили|подписали|заключили",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Note:
    """A note being read for claims: its text, language, tokens and sentence token ranges."""

    text: str
    lang: str
    toks: list[Tok]
    sentences: list[tuple[int, int]]

    def sentence_of(self, k: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= k < b:
                return a, b
        return 0, len(self.toks)


def owner(note: Note, k: int) -> tuple[str, int]:
    """Whose the thing missing at trigger ``k`` is: ("you"|"we"|"they"|"", token index).

    The nearest owner word wins ("у конкурента есть X, у нас нет" -> "we"); the search stops at
    a clause barrier so an owner from a neighbouring clause is not borrowed.
    """
    a, b = note.sentence_of(k)
    left, right = k - 1, k + 1
    left_open = right_open = True
    for _ in range(max(OWNER_WINDOW_LEFT, OWNER_WINDOW_RIGHT)):
        if left_open and left >= max(a, k - OWNER_WINDOW_LEFT):
            found = _owner_word(note, left)
            if found:
                return found, left
            # "клиент спросил, а X есть?": the asker is not whose X is
            left_open = note.toks[left].low not in BARRIERS and not _speech(note.toks[left])
            left -= 1
        if right_open and right < min(b, k + 1 + OWNER_WINDOW_RIGHT):
            found = _owner_word(note, right)
            if found:
                return found, right
            # "у вас нет X, у нас есть Y": an owner after a comma belongs to the next clause.
            right_open = note.toks[right].low not in BARRIERS and note.toks[right].text != ","
            right += 1
    return "", -1


def _speech(tok: Tok) -> bool:
    return tok.lemma in _SPEECH_BARRIER or tok.low == "а"


def _owner_word(note: Note, k: int) -> str:
    tok = note.toks[k]
    if note.lang == "ru":
        if tok.lemma in lex.YOU_RU:
            return "you"
        if tok.lemma in lex.WE_RU or (
            tok.lemma in lex.OWN_PLACES_RU and k > 0 and note.toks[k - 1].low in ("в", "из")
        ):
            return "we"
        if tok.lemma in ("компания", "фирма") and _company_subject(note, k):
            # "компания не предоставляет", "у компании нет": the author's company, unless "ваша".
            return "you" if k > 0 and note.toks[k - 1].lemma == "ваш" else "we"
        if tok.lemma in lex.THEY_RU and tok.pos in ("NPRO", "NOUN"):
            # "у них", "у клиента", or a subject ("они", "клиент"); not the object "его".
            possessive = k > 0 and note.toks[k - 1].low == "у"
            return "they" if possessive or tok.low == tok.lemma or tok.low == "они" else ""
        return ""
    if tok.low in lex.YOU_EN:
        return "you"
    if tok.low in lex.WE_EN:
        return "we"
    return "they" if tok.low in lex.THEY_EN else ""


def _company_subject(note: Note, k: int) -> bool:
    """ "компания не ..." (the subject right before the negation) or "у компании"."""
    toks = note.toks
    subject = toks[k].low in ("компания", "фирма") and k + 1 < len(toks) and toks[k + 1].low == "не"
    return subject or (k > 0 and toks[k - 1].low == "у")


def own_phrase_after(note: Note, end: int) -> bool:
    """ "... on our side", "... from us", "... with us" right after a phrase (English)."""
    lows = [t.low for t in note.toks[end : end + 3]]
    return any(tuple(lows[: len(p)]) == p for p in lex.OWN_PHRASES_EN)


def competitor_nearby(note: Note, k: int) -> bool:
    """A competitor in the sentence of ``k`` ("у конкурента есть", "unlike Acme")."""
    a, b = note.sentence_of(k)
    words = lex.COMPETITOR_RU if note.lang == "ru" else lex.COMPETITOR_EN
    return any(t.lemma in words or t.low in words for t in note.toks[a:b])


def positive_offer(note: Note, k: int) -> tuple[int, int] | None:
    """For an elided "у нас нет" / "we don't": the phrase after "есть" / "has" earlier on."""
    a, _ = note.sentence_of(k)
    start = max(0, a - 12)
    for j in range(k - 1, start - 1, -1):
        tok = note.toks[j]
        offers = lex.OFFER_VERBS_RU if note.lang == "ru" else lex.OFFER_VERBS_EN
        is_offer = tok.low == "есть" or (tok.lemma in offers and tok.low not in lex.ENGLISH_AUX)
        negated = j > 0 and note.toks[j - 1].low in ("не", "not", "n't")
        if is_offer and not negated:
            span = np_right(note.toks, j + 1, note.lang)
            if span and span[1] <= k and is_product_phrase(note.toks, span, note.lang):
                return span
    return None


def corrected(note: Note, after: int, trigger: int | None = None) -> bool:
    """Did the manager take the claim back later in the note ("объяснил, что есть")? A belief
    ("думала, что у нас нет X", "she thought we had no X") is taken back by showing or
    signing: "showed her the app, she signed up"."""
    tail = note.text[after:]
    if _CORRECTION.search(tail):
        return True
    if trigger is None:
        return False
    a, _ = note.sentence_of(trigger)
    belief = any(t.lemma in _BELIEF or t.low in _BELIEF for t in note.toks[a:trigger])
    return belief and bool(_SHOWN.search(tail))


def answer_status(note: Note, after: int) -> str:
    """What follows a product question: "unanswered", "negative", "positive", "none" or "other"."""
    tail = note.text[after:]
    if _UNANSWERED.search(tail):
        return "unanswered"
    if _CORRECTION.search(tail):
        return "positive"
    if _NEGATIVE_ANSWER.search(tail):
        return "negative"
    words = [t for t in note.toks if t.start >= after and t.word]
    if not words:
        return "none"
    if len(words) <= SHORT_TAIL_WORDS and not any(t.lemma in ANSWER_VERBS for t in words):
        return "none"
    return "other"


def has_unanswered_cue(note: Note) -> int:
    """Offset of the first "не смог ответить" / "couldn't answer" in the note, or -1."""
    found = _UNANSWERED.search(note.text)
    return found.start() if found else -1
