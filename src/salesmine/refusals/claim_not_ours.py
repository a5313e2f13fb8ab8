"""Claims' sentences that state no lack of ours at all (data/claims/README.md: "у конкурента нет
X" is no claim): a negation about everyone else ("никто кроме нас не шьёт"), a lack at another
named place set against us ("в Оби нет хвойников, у нас взял 20 туй"), or the client not
knowing we do it ("Не знал, что мы делаем 3D модель").
"""

from __future__ import annotations

import re

# "no one but us does X", "никто кроме нас не делает X": the negation is about everyone else.
_BUT_US = re.compile(
    r"\b(?:no\s*one|nobody|none)\s+(?:else\s+)?(?:but|except|other\s+than)\s+us\b"
    r"|\bникто\b[^.!?;]{0,30}\bкроме\s+нас\b|\bкроме\s+нас\b[^.!?;]{0,30}\bникто\b",
    re.IGNORECASE,
)
# A capitalised name after "в" / "у" / "at" right before the negation, inside the sentence (a
# sentence's first word is capitalised anyway): "говорит в Оби нет", "у «Техноторга» не было".
_NAMED_PLACE = re.compile(
    r"(?<=\w)(?:[\s,:]+)(?:[ву]|at|in)\s+[«\"]?(?!Нас\b|Вас\b)[A-ZА-ЯЁ][\w-]+[»\"]?\s+"
    r"(?:нет|не\s|no\b|doesn'?t|don'?t|has\s+no|have\s+no)"
)
# ... and our side set against it afterwards: "у нас взял", "у нас есть", "from us", "we do".
# Not "у нас тоже нет" / "у нас только ...": that repeats the lack. Without it "в Казани нет
# доставки" may be our own branch.
_OURS = re.compile(
    r"\bу\s+нас\s+(?!нет\b|не\b|только\b|лишь\b|тоже\b)|\b(?:from|with)\s+us\b"
    r"|\bwe\s+(?:do|have|stock|sell)\b(?!'t|n't|\s*not\b)",
    re.IGNORECASE,
)
# Not knowing that we do it: "не знал, что мы делаем", "had no idea we do", "didn't know we".
_NOT_KNOWING = re.compile(
    r"(?:\bне\s+знал\w*|\bне\s+в\s+курсе|\bне\s+подозревал\w*|\bdid\s*n[o']?t\s+know"
    r"|\bhad\s+no\s+idea|\bwas\s*n'?t\s+aware),?\s+(?:что|that)?\s*(?:мы|у\s+нас|we|you)\s+",
    re.IGNORECASE,
)
# ... with no lack said after it in the sentence ("не знал, что у нас нет", "didn't know we
# only do"): any negation or "only" keeps the claim.
_LACK_WORD = re.compile(r"\b(?:не|нет|ни|not|no|never|only|только|лишь|без|without)\b|n't\b", re.I)


def no_lack_of_ours(text: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """Why the claim whose mention spans ``start``..``end`` in the sentence spanning characters
    ``sentence`` is no lack of ours ("only us", "elsewhere", "not knowing"), or ""."""
    s0, s1 = sentence
    if _BUT_US.search(text, s0, s1):
        return "only us"
    if _NAMED_PLACE.search(text, s0, start) and _OURS.search(text, end):
        return "elsewhere"
    for known in _NOT_KNOWING.finditer(text, s0, start):
        if not _LACK_WORD.search(text, known.end(), start) and not _LACK_WORD.search(text, end, s1):
            return "not knowing"
    return ""
