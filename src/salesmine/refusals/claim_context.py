"""What surrounds a claim trigger: whose the missing thing is, who said it, what answered it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import person_phrase
from salesmine.refusals.claim_morphology import can_be_genitive
from salesmine.refusals.claim_phrases import Tok, glued, is_product_phrase, np_left, np_right
from salesmine.text import lemmatize

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
_CORRECTION_ABOUT = re.compile(lex.CORRECTION_ABOUT_RU, re.IGNORECASE)
_CORRECTION = re.compile(
    "|".join(
        (
            lex.CORRECTION_RU,
            lex.CORRECTION_WON_RU,
            lex.CORRECTION_EN,
            lex.POSITIVE_ANSWER_RU,
            lex.POSITIVE_ANSWER_EN,
            lex.DIALOG_YES,
            lex.SELF_CORRECTION_RU,
        )
    ),
    re.IGNORECASE,
)
_PLAIN_CORRECTION = re.compile(f"{lex.DIALOG_YES}|{lex.SELF_CORRECTION_RU}", re.IGNORECASE)
_NEGATIVE_ANSWER = re.compile(
    r"(?:ответил|ответила|сказал|сказала|пояснил|пояснила)\w*[,\s]+(?:что\s+)?нет\b|^\W*нет\b"
    r"|\b(?:told|said)\b[^.]*\bwe\s+(?:do|did)\s*(?:n't|not)\b|^\W*no\b"
    r"|\b(?:said|answered|told (?:them|him|her))\s+no\b|(?:сказал|ответил)\w*\s+нет\b"
    r"|^\W*(?:нет\W+)?(?:мы\s+)?не\s+\w+(?:ем|им|ём)\b|^\W*(?:no\W+)?we\s+(?:do\s*n[o']t|don't)\b"
    # the reply in a dialogue, after the answerer's label and a hedge: "К: а X у вас есть?
    # М: кажется нет, только Y", 'Op: "no, you send us ..."' (not the client's own "К: нет")
    r"|^\W*(?!(?:к|клиент|c|client)\s*:)[a-zа-яё]{1,12}\s*:\W*"
    r"(?:(?:кажется|вроде|наверное|увы|к\s+сожалению|sorry|unfortunately)\W+)?(?:нет|no)\b",
    re.IGNORECASE,
)


def literal_trie(phrases: tuple[str, ...]) -> str:
    """A regex matching exactly the strings ``phrases`` matches as a plain alternation, with
    shared prefixes factored out ("не смог ответить|не смогла ответить" -> "не смог(?:...)").
    ``re`` tries every branch of a flat alternation at every position of a note; the trie
    rejects a position after a character or two, several times faster on 200 phrases. A
    ``search`` finds the same start (the earliest position any phrase matches at)."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _trie_pattern(root)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_pattern(rest) for ch, rest in node.items() if ch]
    if not branches:
        return ""
    ends = "" in node
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends else "")


_UNANSWERED = re.compile(literal_trie((*lex.UNANSWERED_RU, *lex.UNANSWERED_EN)), re.IGNORECASE)
_SPEECH_BARRIER = lex.ASK_VERBS_RU | lex.SPEECH_VERBS_RU | lex.MANAGER_TOLD_RU | lex.ASK_VERBS_EN
_BELIEF = frozenset(
    ("думать", "считать", "think", "thought", "believe", "assume", "уверенный", "уверить")
)
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

    @functools.cached_property
    def low(self) -> str:
        """The text lowercased once, for the rules' cheap word checks before any token scan."""
        return self.text.lower()

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
        if tok.lemma in COMPANY_NOUNS_RU and _company_subject(note, k):
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


COMPANY_NOUNS_RU = frozenset(
    ("компания", "фирма", "банк", "страховая", "клиника", "салон", "агентство")
)
_NOW = frozenset(("сейчас", "пока", "больше", "уже", "давно", "вообще", "теперь"))


def _company_subject(note: Note, k: int) -> bool:
    """ "компания не ...", "банк сейчас не даёт" (the subject right before the negation), or
    "у компании"; not "в другом банке" nor "у их банка"."""
    toks = note.toks
    if k > 0 and toks[k - 1].lemma in ("другой", "их", "свой", "его", "ее", "этот"):
        return False
    j = k + 1
    while j < len(toks) and toks[j].low in _NOW:
        j += 1
    nominative = toks[k].low == toks[k].lemma or toks[k].low in ("компания", "фирма")
    subject = nominative and j < len(toks) and toks[j].low == "не"
    return subject or (k > 0 and toks[k - 1].low == "у" and toks[k].lemma in ("компания", "фирма"))


def own_phrase_after(note: Note, end: int) -> bool:
    """ "... on our side", "... from us", "... with us" right after a phrase (English)."""
    lows = [t.low for t in note.toks[end : end + 3]]
    return any(tuple(lows[: len(p)]) == p for p in lex.OWN_PHRASES_EN)


def competitor_nearby(note: Note, k: int) -> bool:
    """A competitor in the sentence of ``k`` ("у конкурента есть", "unlike Acme")."""
    a, b = note.sentence_of(k)
    words = (lex.COMPETITOR_RU if note.lang == "ru" else lex.COMPETITOR_EN) | lex.COMPARING
    return any(t.lemma in words or t.low in words for t in note.toks[a:b])


def rival_offer(note: Note, k: int) -> tuple[int, int] | None:
    """ "у Принтлайна постоплата 30 дней, а у вас только предоплата", "у конкурентов RSI в
    зуме, у нас только очно", "в «Вечной памяти» всё под ключ": what another company (a
    competitor word, a capitalised name after "у", a quoted one after "в") has, before ``k``."""
    toks = note.toks
    a, _ = note.sentence_of(k)
    for j in range(a, k - 1):
        if toks[j].low not in ("у", "в", "at", "with"):
            continue
        name = j + 1
        while name < k and toks[name].text in ("«", '"', "'"):
            name += 1
        quoted = name > j + 1
        # a capitalised name after "у" ("у Принтлайна"); after "в" only a quoted one: "в Москве"
        # is a place
        named = toks[j].low == "у" and toks[name].text[:1].isupper()
        rival = toks[name].lemma in lex.COMPETITOR_RU | lex.COMPETITOR_EN or quoted or named
        if not rival or toks[name].low in ("нас", "вас", "us", "you"):
            continue
        after = name + 1
        while after < k and (toks[after].text in ("»", '"', "'") or toks[after].low in _HAVE_RU):
            after += 1
        span = np_right(toks, after, note.lang)
        if span and span[1] <= k and is_product_phrase(toks, span, note.lang):
            return span
    return None


def positive_offer(note: Note, k: int) -> tuple[int, int] | None:
    """For an elided "у нас нет" / "we don't": the phrase after "есть" / "has" earlier on, or
    before "есть" ("у Мегаплана мобилка есть, у вас нет"); "DSV does cross docking" and
    "Freshdesk gives them a mobile app" count as offers too."""
    a, _ = note.sentence_of(k)
    start = max(0, a - 12)
    toks = note.toks
    for j in range(k - 1, start - 1, -1):
        tok = toks[j]
        offers = lex.OFFER_VERBS_RU if note.lang == "ru" else lex.OFFER_VERBS_EN
        is_offer = tok.low in _HAVE_RU or (tok.lemma in offers and tok.low not in lex.ENGLISH_AUX)
        is_offer = is_offer or tok.low in ("does", "did")
        negated = j > 0 and toks[j - 1].low in ("не", "not", "n't")
        if not is_offer or negated or (j + 1 < len(toks) and toks[j + 1].low in _NEGATIONS):
            continue
        after = j + 1
        while after < k and toks[after].low in _RECIPIENTS:
            after += 1  # "gives them a mobile app", "дали им овердрафт"
        span = np_right(toks, after, note.lang)
        if span and span[1] <= k and is_product_phrase(toks, span, note.lang):
            return span
        if tok.low in _HAVE_RU:
            span = _before_have(note, j)
            if span:
                return span
    return None


_NEGATIONS = frozenset(("не", "not", "n't", "never"))
# "у конкурента есть X", "у прошлого аутсорсера было X"
_HAVE_RU = frozenset(("есть", "было", "был", "была", "были"))
_RECIPIENTS = frozenset(
    ("them", "him", "her", "us", "you", "им", "ему", "ей", "нам", "вам", "клиенту", "клиентам")
)


def _before_have(note: Note, j: int) -> tuple[int, int] | None:
    """ "у Мегаплана мобилка есть": the phrase between the owner and "есть"."""
    toks = note.toks
    span = np_left(toks, j, note.lang)
    if span is not None and span[0] > 0 and toks[span[0] - 1].low == "у":
        # "у Мегаплана мобилка есть": the owner is the genitive after "у", the thing follows
        # (an unknown word, "мобилка", may be any case: then a capitalised owner is the first
        # word; "у прошлого аутсорсера было" is all owner)
        named = toks[span[0]].text[:1].isupper()
        fallback = span[0] + 1 if named else span[1]
        start = next((i for i in range(*span) if not can_be_genitive(toks[i].low)), fallback)
        span = (start, span[1]) if start < span[1] else None
    if span is None or not is_product_phrase(toks, span, note.lang):
        return None
    before = toks[span[0] - 1] if span[0] > 0 else None
    return None if before is not None and before.low in ("в", "на") else span


_TOPIC_BREAKS = frozenset(("-", "—", "–", ":", "("))


def topic(note: Note, k: int, *, hyphenated: bool = False) -> tuple[int, int] | None:
    """The phrase a sentence opens with when a dash or colon sets it off from ``k``:
    "сигнализацию без проводов — спросили, я сказал узнаю", "Apartment cleaning - we're
    commercial only"."""
    a, _ = note.sentence_of(k)
    toks = note.toks
    breaks = [j for j in range(a, k) if toks[j].text in _TOPIC_BREAKS]
    if hyphenated:  # (a hyphen inside a word is no break: "MT post-editing — asked")
        breaks = [j for j in breaks if not glued(toks, j)]
    if not breaks:
        return None
    span = np_right(toks, a, note.lang)
    if span is None or span[1] > breaks[0] or not is_product_phrase(toks, span, note.lang):
        return None
    if span[1] - span[0] == 1 and len(toks[span[0]].text) == 1:
        return None  # "М: нет, мы только по лифтам": a speaker's initial
    return None if person_phrase(toks, span, note.lang) else span  # "Клиент: ..." is who


def elided_have(note: Note, k: int) -> tuple[int, int] | None:
    """ "у них электронные трудовые, у нас нет", "у конкурента метки RFID, у нас нет": the phrase
    after another owner's "у X" (a pronoun, a name, a competitor word) earlier in the sentence,
    "есть" left out."""
    a, _ = note.sentence_of(k)
    toks = note.toks
    for j in range(k - 2, a - 1, -1):
        if toks[j].low != "у" or j + 2 >= k:
            continue
        owner_word = toks[j + 1]
        if owner_word.low in ("нас", "вас"):
            continue
        rival = owner_word.lemma in lex.COMPETITOR_RU and owner_word.lemma != "другой"
        if owner_word.pos != "NPRO" and not owner_word.text[:1].isupper() and not rival:
            continue  # "у прошлого аутсорсера было": where the owner ends is not clear
        if rival and toks[j + 2].text[:1].isupper() and toks[j + 3].low in _HAVE_RU:
            continue  # "у конкурента Лентекс есть": a name, and "есть" is not left out
        span = np_right(toks, j + 2, note.lang)
        if span and span[1] <= k and is_product_phrase(toks, span, note.lang):
            return span
    return None


def corrected(
    note: Note, after: int, trigger: int | None = None, span: tuple[int, int] | None = None
) -> bool:
    """Did the manager take the claim back later in the note ("объяснил, что есть",
    "рассказал про рассрочку" for a claim about "рассрочки")? A belief ("думала, что у нас нет
    X", "she thought we had no X") is taken back by showing or signing: "showed her the app,
    she signed up"."""
    tail = note.text[after:]
    if _CORRECTION.search(tail) or _told_about(note, tail, span):
        return True
    if trigger is None:
        return False
    a, _ = note.sentence_of(trigger)
    belief = any(t.lemma in _BELIEF or t.low in _BELIEF for t in note.toks[a:trigger])
    return belief and bool(_SHOWN.search(tail))


def set_right_after(note: Note, after: int) -> bool:
    """Does a plain yes or an owned-up slip follow ``after`` ("M: we do, ...", "ошибся,
    перезвонил")? Narrower than ``corrected``, which also reads "рассказал про X" as one."""
    return bool(_PLAIN_CORRECTION.search(note.text[after:]))


# A plain yes right after a question mark ("? Да, мастер-класс 3 часа", "? yes - 1kg bags").
_YES_AFTER = re.compile(
    r"[?\s]*[—–-]?\s*(?:да|конечно|yes|yep|sure|of course)\b(?!\W*(?:нет|no)\b)", re.IGNORECASE
)
# Words that make a question expect a no ("у вас же X нет?", "you don't do X, right?"): a yes
# to it confirms the absence.
_DOUBTING = frozenset(("не", "нет", "ни", "же", "not", "n't", "no", "never", "without", "без"))


def answered_yes(note: Note, span: tuple[int, int]) -> bool:
    """Is the phrase asked about in a plain question ("а латте-арт тоже учите?") that a yes
    answers right away ("Да, мастер-класс 3 часа, записал")? Not a question expecting a no
    ("витрины вы больше не продаёте? Да, так и есть"), where the yes confirms the absence."""
    a, b = note.sentence_of(span[0])
    last = note.toks[b - 1]
    if not last.text.startswith("?") or any(t.low in _DOUBTING for t in note.toks[a:b]):
        return False
    return bool(_YES_AFTER.match(note.text, last.end))


def claimed_stems(note: Note, span: tuple[int, int]) -> set[str]:
    """The first five letters of each content lemma of the claimed phrase at token ``span``: what
    a later "рассказал про X" / "выслал КП на X" must name to be about the same thing."""
    return {t.lemma[:5] for t in note.toks[span[0] : span[1]] if t.word and len(t.lemma) > 2}


def _told_about(note: Note, tail: str, span: tuple[int, int] | None) -> bool:
    """ "рассказал про X" later on, X the claimed thing (same first five letters), or followed
    by a sale ("объяснила про оплату частями, оформили")."""
    if span is None:
        return False
    stems = claimed_stems(note, span)
    for found in _CORRECTION_ABOUT.finditer(tail):
        if lemmatize(found.group(1), note.lang)[:5] in stems:
            return True
        if _SHOWN.search(tail[found.end() :]):
            return True
    return False


def answer_status(note: Note, after: int) -> str:
    """What follows a product question: "unanswered", "negative", "positive", "none" or "other"."""
    tail = note.text[after:]
    if _UNANSWERED.search(tail):
        return "unanswered"
    if _CORRECTION.search(tail) or _CORRECTION_ABOUT.search(tail):
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
