"""Offline language detection for the two languages salesmine handles (ru, en).

CRM notes are short and full of Latin product names inside Russian text ("КП по CRM отправил"),
so a script ratio over letters is more robust here than a general n-gram detector.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)

# A Russian note with a few brand names is still Russian: Cyrillic wins from this share on.
_CYRILLIC_SHARE_FOR_RU = 0.3


def detect_language(text: str, default: str = "ru") -> str:
    """Return "ru" or "en" for ``text``; ``default`` when it has no letters at all."""
    cyr = len(_CYRILLIC.findall(text or ""))
    lat = len(_LATIN.findall(text or ""))
    if cyr + lat == 0:
        return default
    return "ru" if cyr / (cyr + lat) >= _CYRILLIC_SHARE_FOR_RU else "en"


def dominant_language(texts: list[str] | tuple[str, ...], default: str = "ru") -> str:
    """The language of most of ``texts`` (by letters), e.g. for a report's interface language."""
    return detect_language(" ".join(t for t in texts if t)[:200_000], default=default)
