"""Masking personal data in the text a report shows: phone numbers, e-mail addresses, card numbers.

Notes and interview quotes are pasted from real conversations, and a report travels by e-mail,
so by default these three kinds of personal data are replaced with a marker ("[телефон]").
Amounts, dates and deal ids look like digits too and must stay: a digit run counts as a phone
only with a phone's length and shape (a leading "+", brackets or dashes, or 11 digits starting
with 7/8), never as thousands groups ("1 200 000"); a card number needs 13-19 digits that pass
the Luhn check or are written in groups of four.
"""

from __future__ import annotations

import re
from collections.abc import Callable

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
CARD = re.compile(r"(?<![\d+])\d(?:[ -]?\d){12,18}(?![\d])")
CARD_GROUPS = re.compile(r"^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$")
PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?\d{1,3}[\s.-]*|[78][\s.-]*(?=\())?(?:\(\d{2,5}\)[\s.-]*)?"
    r"\d(?:[\s.-]?\d){6,13}(?![\w])"
)
THOUSANDS = re.compile(r"^\d{1,3}(?: \d{3})+$")
DATE_START = re.compile(
    r"^(?:\d{4}[.-](?:0?[1-9]|1[0-2])[.-](?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[.-](?:0?[1-9]|1[0-2])[.-]\d{4})(?!\d)"
)

MARKERS = {
    "ru": {"phone": "[телефон]", "email": "[e-mail]", "card": "[карта]"},
    "en": {"phone": "[phone]", "email": "[e-mail]", "card": "[card]"},
}


def redact_text(text: str, lang: str = "ru") -> str:
    """``text`` with e-mails, card numbers and phone numbers replaced by markers."""
    if not text:
        return text
    marks = MARKERS.get(lang, MARKERS["en"])
    text = EMAIL.sub(marks["email"], text)
    text = CARD.sub(lambda m: marks["card"] if is_card(m.group()) else m.group(), text)
    return PHONE.sub(lambda m: marks["phone"] if is_phone(m.group()) else m.group(), text)


def redactor(enabled: bool, lang: str = "ru") -> Callable[[str], str]:
    """The function every shown text goes through: ``redact_text`` or, with ``--no-redact``,
    the identity."""
    if not enabled:
        return _keep
    return lambda text: redact_text(text, lang)


def _keep(text: str) -> str:
    return text


def is_card(candidate: str) -> bool:
    """13-19 digits written in groups of four, or passing the Luhn checksum."""
    digits = re.sub(r"\D", "", candidate)
    if not 13 <= len(digits) <= 19:
        return False
    return bool(CARD_GROUPS.match(candidate.strip())) or _luhn(digits)


def _luhn(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char)
        if i % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_phone(candidate: str) -> bool:
    """A phone's length and shape, not an amount, a date or an id (see the module docstring)."""
    text = candidate.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return 10 <= len(digits) <= 15
    if not 10 <= len(digits) <= 12 or THOUSANDS.match(text) or DATE_START.match(text):
        return False
    if "(" in text or "-" in text:
        return True
    # Spaces or no separators at all: only the usual Russian forms (8 912..., 7 912..., 912...).
    if len(digits) == 11:
        return digits[0] in "78"
    return len(digits) == 10 and digits[0] == "9"
