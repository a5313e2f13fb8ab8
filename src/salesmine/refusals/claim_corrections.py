"""A final check on the deciding claim, whatever route found it: was it set right later in
the note, or is it no lasting absence at all?

Eight shapes (data/claims/README.md: a claim the manager corrects in the same note is none):

- the opposite stated after the claim ("поправил — делаем", "у нас есть", "actually we can",
  "I said we do");
- the claimed product itself sent or sold right after ("скинул ссылку на умягчитель");
- a client's claim followed by the thing shown to the client ("показал ему стойку", "showed
  her the station"), unless the client stays unmoved ("показал фото — молчит", "but went with
  the kiosk");
- a client's belief or hearsay ("считал, что ...", "I was told ...") followed by a sale, a
  booking or a quote ("записали пилот", "sent quote, they booked");
- a question about the product answered with a statement ("ответил, что своя");
- an inability limited to today, with the job moved to another day ("сегодня не можем ...
  записал на завтра"), or a gap in stock with the date it ends ("нет на складе, будут через 2
  нед");
- no lack of ours at all (``claim_not_ours``): a negation about everyone else ("никто кроме нас
  не шьёт"), a lack at another named place ("в Оби нет ..., у нас взял"), not knowing we do it.

and the claims put right later in words (``claim_put_right``): the negated verb said again
without the negation, the manager owning up to a slip, a question answered yes.
"""

from __future__ import annotations

import re

from salesmine.refusals.claim_context import Note, claimed_stems
from salesmine.refusals.claim_not_ours import no_lack_of_ours
from salesmine.refusals.claim_put_right import (
    confirms_lack,
    indirect_question,
    overcome_later,
    put_right_later,
    taken_in,
)
from salesmine.text import lemmatize

_NOT = r"(?!'t|n't|\s*not\b)"
# "actually we can" after a claim the client made (after the writer's own slip it may be
# noticed only: "Said we can't ... Actually we can. my bad").
_ACTUALLY = re.compile(
    r"\bactually,?\s+(?:we|you)\s+(?:do|can|have|offer|sell|rent)\b" + _NOT, re.IGNORECASE
)
# The opposite, said to the client after the claim.
_OPPOSITE = re.compile(
    r"\b(?:I|we)\s+(?:said|told\s+(?:him|her|them))\s+(?:that\s+)?we\s+(?:do|can|have|offer)"
    r"\s*(?:[,.;!—–-]|and\b|$)"
    # "поправил — делаем" at the head of a clause (not "Лена поправила — ...": a colleague
    # correcting the writer, the client never told)
    + r"|(?:^|[.!?;,])\s*(?:поправил|исправил|уточнил|проверил)\w*\s*[—–:-]\s*"
    r"(?:у\s+нас\s+|мы\s+)?(?:есть|\w{3,}(?:ем|ём|им))\b",
    re.IGNORECASE,
)
# Sending or selling the thing itself: "скинул ссылку на X", "выслал КП на X".
_SENT_ABOUT = re.compile(
    r"\b(?:скинул|скинула|выслал|выслала|отправил|отправила|прислал|прислала)\w*\s+"
    r"(?:\w+\s+){0,2}?(?:на|про|по)\s+(\w+)",
    re.IGNORECASE,
)
# A belief or hearsay before the trigger.
_BELIEF = re.compile(
    r"\b(?:думал|думала|считал|считала|был\w*\s+уверен\w*|уверял\w*|thought|believed|"
    r"(?:was|were)\s+told)\b",
    re.IGNORECASE,
)
# A sale, a booking, a quote after it.
_DONE = re.compile(
    r"\b(?:оформил\w*|записал\w*|договорились|подписали|заключили|booked|signed|"
    r"sent\s+(?:a\s+|the\s+)?quote|got\s+(?:him|her|them)\s+a\s+quote)\b",
    re.IGNORECASE,
)
# A question answered with a statement (not "нет", not "не ..."), or with an offer sent.
_ANSWER = re.compile(
    r"\b(?:ответил|ответила)\w*,?\s+что\s+(?!(?:нет|не|да|только|уточн\w*|посмотр\w*|узна\w*|"
    r"провер\w*|спрош\w*|спрос\w*)\b)"
    r"|\b(?:answered|replied)\s+that\s+we\s+(?:do|can|have)\b" + _NOT,
    re.IGNORECASE,
)
# A gap in stock ("нет на складе", "not in stock") with the date it ends ("будут через 2 нед",
# "поставка в апреле", "until Monday"): the item is offered, only not there today.
_STOCK = re.compile(
    r"\b(?:на\s+складе|в\s+наличии|наличи\w*|in\s+stock|out\s+of\s+stock)\b", re.IGNORECASE
)
_BACK = re.compile(
    r"(?<!не\s)\b(?:будет|будут|поступ\w+|поставк\w+|привез\w+|завез\w+|отгрузим|"
    r"until|ETA|back\s+in\s+stock|restock\w*|arriv\w+)\b(?!\s+(?:не|not|no)\b)",
    re.IGNORECASE,
)
# Showing the client the thing itself after the client's claim ("показал ему стойку с упаковкой",
# "showed her the wrapping station", "Shown the Merida on the wall", "Выдал ему макиту"): the
# belief is disproved on the spot. Only after a client's claim: after the manager's own, a
# showing is of something else ("нет, показал другие"); not "has been shown" (someone else's
# lesson, no act towards the client).
_SHOWN = re.compile(
    r"(?<!been\s)\b(?:показал|показала|показали|showed|shown|pointed\s+(?:at|to)|выдал|выдала)\b",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\b(?:сегодня|today|tonight)\b", re.IGNORECASE)
_LATER = re.compile(
    r"\b(?:на\s+завтра|завтра|tomorrow|перенес\w*|перенёс\w*|rebooked|rescheduled)\b",
    re.IGNORECASE,
)


def set_right(note: Note, start: int, end: int, source: str = "") -> bool:
    """Is the claim whose mention spans characters ``start``..``end`` (said by ``source``)
    taken back or temporary?"""
    return bool(why_set_right(note, start, end, source))


def why_set_right(note: Note, start: int, end: int, source: str = "") -> str:
    """The shape that takes the claim back ("only us", "elsewhere", "not knowing", "opposite",
    "sent", "belief", "shown", "overcome", "answered", "told again", "owned up", "told it exists",
    "asked, yes", "today", "restock"), or ""."""
    k = next((i for i, t in enumerate(note.toks) if t.end > start), None)
    if k is None:
        return ""
    a, b = note.sentence_of(k)
    sent_start = note.toks[a].start
    ours = no_lack_of_ours(note.text, (sent_start, note.toks[b - 1].end), start, end)
    if ours:
        return ours
    tail = note.text[end:]
    before = note.text[sent_start:start]
    span = (k, next((i for i, t in enumerate(note.toks) if t.start >= end), len(note.toks)))
    if _OPPOSITE.search(tail) or (source != "manager" and _ACTUALLY.search(tail)):
        return "opposite"
    stems = claimed_stems(note, span)
    for found in _SENT_ABOUT.finditer(tail):
        sent = {lemmatize(w, note.lang)[:5] for w in re.findall(r"\w+", tail[found.start(1) :])[:4]}
        if stems and stems <= sent:
            return "sent"
    disproved = _disproved(before, tail, source)
    if disproved:
        return disproved
    sentence = note.text[sent_start : note.toks[b - 1].end]
    answer = _ANSWER.search(tail)
    asked = re.search(r"\?\W*$", sentence) or indirect_question(sentence)
    if answer and asked and not confirms_lack(tail, answer.end(), note.lang):
        return "answered"
    later = put_right_later(note, a, b, tail)
    if later:
        return later
    return _for_now(note, sentence, start, note.toks[b - 1].end)


def _disproved(before: str, tail: str, source: str) -> str:
    """ "belief": a belief or hearsay followed by a sale, a booking or a quote; "overcome": the
    truth told or shown, then the deal (``overcome_later``); "shown": a client's claim followed by
    the thing shown to the client, the client not unmoved; or ""."""
    if _BELIEF.search(before) and _DONE.search(tail):
        return "belief"
    if overcome_later(tail):
        return "overcome"
    shown = _SHOWN.search(tail) if source == "client" else None
    return "shown" if shown and taken_in(tail[shown.end() :]) else ""


def _for_now(note: Note, sentence: str, start: int, sentence_end: int) -> str:
    """ "today": an inability limited to today, the job moved to another day; "restock": a gap
    in stock with the date it ends, in the claim's sentence; or ""."""
    if _TODAY.search(sentence) and _LATER.search(note.text[start:]):
        return "today"
    if _STOCK.search(sentence) and _BACK.search(note.text[start:sentence_end]):
        return "restock"
    return ""
