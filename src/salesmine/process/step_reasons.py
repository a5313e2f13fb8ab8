"""Why the rules drop a sentence before its clauses are judged (Russian and English): an opinion,
a repeat, a rhetorical question, an answer to small talk, a disclaimer ("я в цену не лезу"), or
what happens now and then ("Бывает, что ... Тогда я ..."). ``steps`` marks the candidates of such
a sentence with the reason instead of dropping them, so the learned tagger sees them too.
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word
from salesmine.process.asides import disclaims, follows_case, occasional


def _markers(phrases: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})" + ("" if prefix else r"(?!\w)"))


# "Я считаю, что ..." is an opinion; "я считаю в калькуляторе" is counting, a step.
_DIGRESSION = re.compile(
    _markers(lx.DIGRESSION_MARKERS_RU + lx.DIGRESSION_MARKERS_EN, prefix=True).pattern
    + r"|(?<!\w)я\s+считаю\s*(?:[,—:.!]|что\b|$)"
)
_REPEAT = _markers(lx.REPEAT_MARKERS_RU + lx.REPEAT_MARKERS_EN)
_ASIDE = re.compile(r"\s[—–-]\s")
_ASIDE_MIN_WORDS = 5  # words before the dash for them to tell a step of their own
_CIRCUMSTANCE = frozenset("в во на до после перед за к с со по без через".split())
# "Потом я считаю, ну, в программе": after an order word "я считаю" is the next step, counting
_ORDER = frozenset("потом дальше далее затем сначала после then next".split())


def side_reason(reason: str, body: list[Word], lang: str, side_case: bool) -> tuple[str, bool]:
    """The reason to drop a sentence not dropped yet — a disclaimer ("я в цену не лезу, я ...
    закрываю") or what happens now and then ("Бывает, что ... Тогда я ...") — and whether a
    side case runs on into the next sentence."""
    if reason or lang != "ru":
        return reason, side_case and bool(reason)
    if disclaims(body):
        return "disclaims", side_case
    if occasional(body) or (side_case and follows_case(body)):
        return "occasional", True
    return "", False


def skipped(text: str, main: str, raw: str, off_topic: bool) -> str:
    """Why a sentence holds no step, or "": opinions, repeats, rhetorical questions and
    small-talk answers; ``main``: the sentence's main clause, where an opinion marker counts
    ("звоню узнать, всё ли нравится" is a step)."""
    question = raw.rstrip().endswith("?") and ":" not in raw
    # "выставляет счёт — у нас зарплата от оплаты, ...": a remark after a dash spares the step
    told = _ASIDE.split(main, maxsplit=1)[0]
    told = told if len(told.split()) >= _ASIDE_MIN_WORDS else main
    reasons = (
        (off_topic, "off_topic"),
        (question, "question"),
        (_digresses(told), "opinion"),
        (bool(_REPEAT.search(text)), "repeat"),
    )
    return next((reason for flag, reason in reasons if flag), "")


# small talk by what it is about ("кофе", "погода"): the thing the speaker does something with
# right after their own verb ("встречаю, предлагаю кофе") is hospitality, a step's action
_TOPIC_NOUNS = frozenset("кофе обед погода отпуск выходные".split())
_OWN_VERB_ENDINGS = ("аю", "яю", "ую", "юю", "аем", "яем", "уем", "ваем")


def _served(marker: str, before: list[str]) -> bool:
    """Whether a small-talk noun is the object of the speaker's own present verb right before it
    ("предлагаю кофе", "наливаем кофе"), not the talk's topic ("поговорили про погоду")."""
    return marker.lower() in _TOPIC_NOUNS and bool(before) and before[0].endswith(_OWN_VERB_ENDINGS)


def _digresses(text: str) -> bool:
    """Whether an opinion or small-talk marker stands in ``text`` — not as a time or place after
    a preposition ("приглашаю в офис, обычно на выходные", "после обеда"), nor right after an
    order word ("Потом я считаю, ну, в программе" tells the next step)."""
    for match in _DIGRESSION.finditer(text):
        before = [w.strip(",.;:—–-").lower() for w in text[: match.start()].split()[-1:]]
        counting = match.group().startswith("я") and bool(before) and before[0] in _ORDER
        if _served(match.group(), before):
            continue
        if not (counting or (before and before[0] in _CIRCUMSTANCE)):
            return True
    return False
