"""Cell values to typed values: dates, amounts, and deal outcomes (won / lost / open).

Dates come in the formats CRMs write: ``03.02.2026 09:41:07`` (Bitrix24, amoCRM), ISO with or
without a zone (APIs), ``02/03/2026 9:41 AM`` (HubSpot, month first unless a value in the
column only makes sense day first), Excel serial numbers and Unix timestamps (UTC). Results are
naive datetimes. A zoned ISO time keeps its wall-clock time, the one the CRM showed its user: a
deal created at 00:30 Moscow time on 1 April counts in April, as in the CRM's own reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

# HubSpot's API writes the internal ids "closedwon" / "closedlost" instead of the labels.
WON = ("Сделка успешна", "Успешно реализовано", "Closed Won", "closedwon", "Closed - won",
       "Deal won", "Won", "Win", "Выиграна", "Выиграно", "Выигрыш", "Успех", "Успешно",
       "Успешная", "Продажа")
LOST = ("Сделка провалена", "Закрыто и не реализовано", "Closed Lost", "closedlost",
        "Closed - lost", "Deal lost", "Deal failed", "Lost", "Loss", "Проиграна", "Проиграно",
        "Проигрыш", "Отказ", "Отказ клиента", "Провал", "Провалена", "Неуспешно", "Не реализовано",
        "Анализ причины провала")

_DMY = re.compile(
    r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})"
    r"(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp])?\.?(?:[Mm]\.?)?)?$"
)
_YMD = re.compile(
    r"^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$"
)
_SERIAL = re.compile(r"^\d{5}(?:[.,]\d+)?$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0, which absorbs its 1900 leap-year bug
SERIAL_RANGE = (20_000, 80_000)  # 1954..2119: a five-digit number outside is not a date


def value_key(value: str) -> str:
    """Lowercase, ё->е, punctuation to single spaces: how outcome and status words are compared."""
    return " ".join(re.sub(r"[\W_]+", " ", value.lower().replace("ё", "е")).split())


_OUTCOMES = {**{value_key(v): "won" for v in WON}, **{value_key(v): "lost" for v in LOST}}


def normalize_outcome(value: str) -> str:
    """``won``/``lost`` for what CRMs write when a deal ends, else ``open``; ``""`` if empty."""
    key = value_key(value)
    if not key:
        return ""
    return _OUTCOMES.get(key, "open")


def slash_day_first(values: Iterable[str]) -> bool:
    """Whether ``a/b/yyyy`` dates in a column are day first: only when some ``a`` exceeds 12."""
    for value in values:
        match = _DMY.match(value.strip())
        if match and match.group(2) == "/":
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12:
                return True
            if second > 12:
                return False
    return False


def parse_date(value: str, slash_day_first: bool = False) -> dt.datetime | None:
    """One date cell as a naive datetime, or None when it is not a date."""
    text = value.strip()
    if not text:
        return None
    for parser in (_iso, _day_month_year, _year_month_day, _number):
        try:
            result = parser(text, slash_day_first)
        except (ValueError, OverflowError):
            result = None
        if result is not None:
            return result
    return None


def _iso(text: str, _: bool) -> dt.datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    return dt.datetime.fromisoformat(text.replace("z", "Z")).replace(tzinfo=None)


def _day_month_year(text: str, slash_day_first: bool) -> dt.datetime | None:
    match = _DMY.match(text)
    if not match:
        return None
    a, sep, b, year, hour, minute, second, ampm = match.groups()
    day, month = (a, b) if sep != "/" or slash_day_first else (b, a)
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    return _build(full_year, int(month), int(day), hour, minute, second, ampm)


def _year_month_day(text: str, _: bool) -> dt.datetime | None:
    match = _YMD.match(text)
    if not match:
        return None
    year, _sep, month, day, hour, minute, second = match.groups()
    return _build(int(year), int(month), int(day), hour, minute, second, None)


def _build(year: int, month: int, day: int, hour: str | None, minute: str | None,
           second: str | None, ampm: str | None) -> dt.datetime:
    h = int(hour or 0)
    if ampm:
        if not 1 <= h <= 12:
            raise ValueError("hour out of range for AM/PM")
        h = h % 12 + (12 if ampm.lower() == "p" else 0)
    return dt.datetime(year, month, day, h, int(minute or 0), int(second or 0))


def _number(text: str, _: bool) -> dt.datetime | None:
    if _SERIAL.match(text):
        serial = float(text.replace(",", "."))
        if SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
            return EXCEL_EPOCH + dt.timedelta(days=serial)
    elif _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)
    return None


def parse_amount(value: str) -> float | None:
    """A money amount as CRMs write it: ``1 500 000,50 ₽``, ``$1,500.50``, ``1.500,50``."""
    text = re.sub(r"[^\d,.\-]", "", value)
    if not re.search(r"\d", text):
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in text:
        # 1,500,000 is US thousands; 1500,50 and 1,5 are a Russian decimal comma.
        us_thousands = re.fullmatch(r"-?\d{1,3}(,\d{3})+", text)
        text = text.replace(",", "") if us_thousands else text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")  # 1.500.000
    try:
        return float(text)
    except ValueError:
        return None


def unify_spellings(values: Iterable[str]) -> dict[str, str]:
    """Spellings of one name that differ only in case, spaces or ё/е -> the most frequent one.

    A hand-kept table has "Анна", "анна " and "Анна  " for one manager; counted apart they
    would split her funnel in three. Returns only the spellings that change.
    """
    counts = Counter(values)
    best: dict[str, str] = {}
    for value, _ in counts.most_common():  # most frequent first; ties keep first seen
        tidy = " ".join(value.split())
        if tidy:
            best.setdefault(" ".join(tidy.lower().replace("ё", "е").split()), tidy)
    changes = {}
    for value in counts:
        key = " ".join(value.lower().replace("ё", "е").split())
        if key and best[key] != value:
            changes[value] = best[key]
    return changes
