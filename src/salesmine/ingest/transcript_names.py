"""Who an interview is with: the employee from a people list, else a name read off the file name.

People files are written in Cyrillic while file names are often Latin ("interview-petrov.vtt"),
so names are compared through a simple transliteration key; an inflected surname in a file name
("Интервью_с_Ивановой") still counts, more weakly than an exact match.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from salesmine.records import Person

# File-name words that are neither the person nor their role.
_NOISE = frozenset("""
interview interviews интервью транскрипт транскрипция транскрибация расшифровка стенограмма запись
transcript transcription record recording call звонок беседа разговор final финал copy копия text
текст notes заметки new новый новая with and с и со от from the of для for to по итог версия version
draft черновик audio video аудио видео мп3 mp3 zoom teams meet
""".split())
# Words naming a job rather than a person; kept as the transcript's role.
_ROLE_WORDS = frozenset("""
менеджер менеджера руководитель руководителя директор директора стажер стажёр роп продавец
консультант аккаунт специалист агент супервайзер ассистент старший младший ведущий отдела отдел
продаж продажам manager director head lead sales account executive rep representative intern
junior senior specialist agent supervisor assistant department sdr bdr ae
""".split())
_TRANSLIT = dict(zip(
    "абвгдезийклмнопрстуфыэ",
    "abvgdeziyklmnoprstufye",
    strict=True,
)) | {"ж": "zh", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ь": "",
      "ю": "yu", "я": "ya", "ё": "e"}
# Latin spellings of one Russian sound that differ between passports, e-mails and habits.
_LATIN_VARIANTS = (("shch", "sch"), ("kh", "h"), ("j", "y"), ("iy", "y"), ("yy", "y"), ("w", "v"))


def _key(word: str) -> str:
    """A spelling-insensitive key: "Петров", "petrov" and "PETROV" agree."""
    key = "".join(_TRANSLIT.get(ch, ch) for ch in word.casefold())
    for variant, canonical in _LATIN_VARIANTS:
        key = key.replace(variant, canonical)
    return re.sub(r"ei$", "ey", key)


def _word_keys(text: str) -> list[str]:
    text = re.sub(r"(?<=\w)['’](?=\w)", "", text)  # "O'Brien" is the file name's "obrien"
    return [_key(word) for word in re.findall(r"[^\W\d_]+", text) if len(word) > 1]


def _similarity(a: str, b: str) -> float:
    """1 for the same name, 0.5 for another case ending of it (Иванова / Ивановой), else 0."""
    if a == b:
        return 1.0
    common = len(os.path.commonprefix([a, b]))
    return 0.5 if min(len(a), len(b)) >= 4 and common >= max(len(a), len(b)) - 2 else 0.0


def _score(keys: list[str], person: Person) -> float:
    best = 0.0
    for name in (person.name, *person.aliases):
        matches = (max(_similarity(k, n) for k in keys) for n in _word_keys(name))
        best = max(best, sum(matches))
    return best


def match_person(text: str, people: Sequence[Person]) -> Person | None:
    """The one person whose name or alias words best match ``text``; None if none or a tie."""
    keys = _word_keys(text)
    if not keys or not people:
        return None
    scored = [(_score(keys, person), person) for person in people]
    top = max(score for score, _ in scored)
    winners = [person for score, person in scored if score == top]
    return winners[0] if top > 0 and len(winners) == 1 else None


def _readable(word: str) -> str:
    return word.capitalize() if word.islower() or word.isupper() else word


def name_from_filename(stem: str) -> tuple[str, str]:
    """(readable name, role) from a file name: "03_Иванова_Ольга_менеджер" -> ("Иванова Ольга",
    "менеджер"); numbers, dates and words like interview/интервью/транскрипт are dropped."""
    names: list[str] = []
    roles: list[str] = []
    for token in re.split(r"[\s_\-.,()\[\]+]+", stem):
        low = token.casefold()
        if not token or any(ch.isdigit() for ch in token) or low in _NOISE:
            continue
        (roles if low in _ROLE_WORDS else names).append(token)
    return " ".join(_readable(t) for t in names), " ".join(r.casefold() for r in roles)


def resolve_employee(
    stem: str, label: str | None, people: Sequence[Person] | None
) -> tuple[str, str, str, str]:
    """(employee, department, branch, role) of an interview.

    Args:
        stem: the file name without suffix.
        label: the interviewee's speaker label when it names a person (not "О"/"A"), else None.
        people: employees from a people file; matched by the label first, then by the file name.
    """
    file_name, file_role = name_from_filename(stem)
    person = None
    if people:
        person = (match_person(label, people) if label else None) or match_person(stem, people)
    if person is not None:
        return person.name, person.department, person.branch, person.role or file_role
    return _fuller_name(label, file_name) or stem, "", "", file_role


def _fuller_name(label: str | None, file_name: str) -> str:
    """The file-name name, unless the speaker label is the same person with more words
    ("Анна Сидорова" over "interview-sidorova")."""
    if not label or not file_name:
        return file_name or label or ""
    label_keys, file_keys = _word_keys(label), _word_keys(file_name)
    same = any(_similarity(a, b) for a in label_keys for b in file_keys)
    return label if same and len(label_keys) >= len(file_keys) else file_name
