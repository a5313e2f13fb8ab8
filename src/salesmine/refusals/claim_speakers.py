"""Who made a claim and in whose words: the manager's "сказал(а), что X нет", the client's
direct speech ("Завхоз: «у нас нет ...»"), a client's claim reported in indirect speech, and a
terse "X нет" after a want."""

from __future__ import annotations

import re

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_context import Note
from salesmine.refusals.claim_morphology import is_person_noun
from salesmine.refusals.claim_phrases import Tok

BARE_PHRASE_WORDS = 4
_CLAUSE_POS = frozenset(("VERB", "NPRO", "INFN", "CONJ", "PRED", "PRCL"))
_DIRECT_SPEECH_MARKS = frozenset((":", '"', "«", "“", "„", "'"))
_INDIRECT = frozenset(("что", "чтобы", "якобы", "мол", "будто", "that"))
# "по словам клиента", "по его мнению"
_ACCORDING_RU = frozenset(("слов", "словам", "мнению"))
_CLIENT_PRESENT_RU = frozenset(
    """говорит говорят считает считают уверен уверена уверены пишет пишут утверждает утверждают
    думает думают думал думала думали жалуется жалуются""".split()
)


def manager_told(note: Note, k: int) -> bool:
    """ "сказал(а), что X нет", "ответила: X нет", "X нет, сказала": the manager's words, no
    client subject."""
    a, b = note.sentence_of(k)
    for j in range(k - 1, a - 1, -1):
        tok = note.toks[j]
        if tok.lemma in lex.MANAGER_TOLD_RU and re.search(r"л[аи]?$", tok.low):
            return not any(_client_subject(t) for t in note.toks[a:j])
    after = note.toks[k + 1 : min(b, k + 4)]
    return (
        bool(after)
        and after[0].text in (",", "—", "-")
        and any(t.lemma in lex.MANAGER_TOLD_RU and re.search(r"л[аи]?$", t.low) for t in after[1:])
    )


def bare_absence(note: Note, k: int) -> bool:
    """A terse "X нет" after a want or a question: "Хочет ринопластику. Пластической хирургии
    нет", "нужен API, а его нет", "Спросил про паркинг — паркинга нет". The clause holds only
    the thing (or "его", "такого") and "нет"; something earlier says the client wanted it."""
    start = clause_start(note, k)
    words = [t for t in note.toks[start:k] if t.word]
    named_after = k + 1 < len(note.toks) and note.toks[k + 1].word  # "нет ДМС для ИП"
    if not (words or named_after):
        # "«нет, всё в одном месте удобнее»" is an answer; "Мойка окон — нет, только уборка"
        # answers for the thing before the dash
        return _topic_answered_no(note, start, k)
    if len(words) > BARE_PHRASE_WORDS or any(
        t.pos in _CLAUSE_POS and t.lemma not in lex.ANAPHORS_RU for t in words
    ):
        return False
    if any(t.lemma == "свой" for t in words):
        return False  # "своих серверов нет": the client's own
    wanted = any(
        (t.lemma in lex.NEED_CUES_RU or t.lemma in lex.ASK_VERBS_RU or t.low in lex.NEED_CUES_RU)
        and not (j > 0 and note.toks[j - 1].low == "не")  # "не нужна", "не хотят"
        for j, t in enumerate(note.toks[:start])
    )
    # "говорит, нет ДМС для ИП": the client's words about the company
    told = any(t.low in _CLIENT_PRESENT_RU for t in note.toks[note.sentence_of(k)[0] : start])
    # "X больше нет": no longer offered, whoever wanted it
    no_longer = k > 0 and note.toks[k - 1].low in ("больше", "уже") and len(words) > 1
    return wanted or told or no_longer


def _topic_answered_no(note: Note, start: int, k: int) -> bool:
    """ "Мойка окон — нет, только уборка внутри": a dash after the thing, then "нет" and what
    is offered instead (or nothing)."""
    toks = note.toks
    if start == 0 or toks[start - 1].text not in ("—", "–", "-"):
        return False
    rest = [t.low for t in toks[k + 1 : k + 3]]
    return not rest or rest[0] in (".", "!", ";") or rest[:2] == [",", "только"]


def clause_start(note: Note, k: int) -> int:
    """The first token of the clause holding ``k``: after a comma, dash, colon or "а"/"но"."""
    a, _ = note.sentence_of(k)
    for j in range(k - 1, a - 1, -1):
        tok = note.toks[j]
        if tok.text in (",", "—", "–", "-", ":", ";", "(") or tok.low in ("а", "но", "однако"):
            return j + 1
    return a


def reported_absence(note: Note, k: int) -> bool:
    """ "клиент уверен, что рассрочки нет", "говорят, что такого нет": someone's statement,
    in indirect speech, that a thing does not exist — about the company the note is written for."""
    a, _ = note.sentence_of(k)
    said = False
    for j in range(k - 1, a - 1, -1):
        tok = note.toks[j]
        if tok.low in ("что", "будто", "якобы"):
            said = True
        elif said and (
            tok.lemma in lex.SPEECH_VERBS_RU
            or tok.lemma in lex.MANAGER_TOLD_RU
            or tok.low in _CLIENT_PRESENT_RU
            or tok.lemma in ("уверенный", "уверен")
        ):
            return True
    return False


def _client_subject(tok: Tok) -> bool:
    """A client noun in the nominative ("клиент", "она"), not "клиенту"."""
    return tok.lemma in lex.CLIENT_NOUNS_RU and (tok.low == tok.lemma or tok.low in ("она", "они"))


def said_by_client(note: Note, k: int) -> bool:
    """Does the sentence of ``k`` attribute the claim to the client: "говорит", "по словам
    клиента", "так сказал клиент", "they said", "client claims", "according to the prospect"?"""
    a, b = note.sentence_of(k)
    toks = note.toks
    for j in range(a, b):
        tok = toks[j]
        if note.lang == "ru" and (tok.low in _CLIENT_PRESENT_RU or tok.low in _ACCORDING_RU):
            return True
        speech = tok.lemma in (lex.SPEECH_VERBS_RU if note.lang == "ru" else lex.SPEECH_VERBS_EN)
        if speech and _client_next_to(note, j):
            return True
        if tok.low in ("according", "per") and _client_next_to(note, j):
            return True
    return False


def _client_next_to(note: Note, j: int) -> bool:
    """A client noun (as a subject, not "клиенту") within two words of ``j``."""
    for tok in note.toks[max(0, j - 2) : j + 3]:
        if note.lang == "ru" and _client_subject(tok):
            return True
        if note.lang == "en" and tok.low in lex.CLIENT_CUES_EN:
            return True
    return False


def client_direct_speech(note: Note, k: int) -> bool:
    """True when "у нас" at ``k`` is inside the client's own words ("говорит у нас нет автопарка").

    Indirect speech ("сказал, что у нас нет") keeps the narrator's point of view, so "у нас" is
    then the company; direct speech (a client's colon or quotes, or a present-tense speech verb
    with no "что") does not.
    """
    a, b = note.sentence_of(k)
    if _told_after(note, k, b):
        return False  # "..., а у нас такого нет — так им и сказал": the manager's words
    for j in range(k - 1, a - 1, -1):
        tok = note.toks[j]
        if tok.low in _INDIRECT:
            return False
        if tok.low in _CLIENT_PRESENT_RU:
            return True
        if tok.text in _DIRECT_SPEECH_MARKS and _speaker_before(note, j):
            return True
    return False


def _told_after(note: Note, k: int, end: int) -> bool:
    """A past "сказал(а)" / "ответил(а)" later in the sentence with no client subject next to
    it ("так им и сказал", not "сказал он")."""
    toks = note.toks
    for j in range(k + 1, end):
        if toks[j].lemma in lex.MANAGER_TOLD_RU and re.search(r"л[аи]?$", toks[j].low):
            near = toks[max(k, j - 2) : j + 3]
            return not any(_client_subject(t) for t in near)
    return False


def _speaker_before(note: Note, j: int) -> bool:
    """A client noun or a speech verb just before a colon or an opening quote."""
    a, _ = note.sentence_of(j)
    for i in range(max(a, j - 3), j):
        tok = note.toks[i]
        if tok.lemma in lex.CLIENT_NOUNS_RU or tok.lemma in lex.SPEECH_VERBS_RU:
            return True
        if i == j - 1 and tok.lemma not in lex.OUR_STAFF_RU and is_person_noun(tok.low):
            return True  # "Завхоз: «у нас нет ...»" — any person on the client's side
        if tok.low in lex.CLIENT_CUES_EN or tok.lemma in lex.SPEECH_VERBS_EN:
            return True
    return False
