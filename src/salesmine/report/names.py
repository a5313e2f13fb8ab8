"""One person under several names: the CRM's «Артём Гусев», the interview's «Гусев Артём Олегович».

The people file's aliases decide first; without them (or for a name it does not list), two names
are the same person when every word of the shorter one is a word of the longer one
(«Артём Гусев» and «Гусев Артём Олегович»), compared lower-case with ё = е.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from salesmine.records import Person


def name_key(name: object) -> str:
    """Lower-case, ё -> е, punctuation dropped, spaces collapsed."""
    text = str(name or "").lower().replace("ё", "е")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


class PeopleIndex:
    """Finds the person a name refers to, and the name another source uses for that person."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people = tuple(people)
        self._by_key: dict[str, Person] = {}
        for person in self.people:
            for alias in (person.name, *person.aliases):
                self._by_key.setdefault(name_key(alias), person)

    def person(self, name: str) -> Person | None:
        """The person ``name`` is a name or alias of (or whose words it shares)."""
        key = name_key(name)
        if key in self._by_key:
            return self._by_key[key]
        return next((p for p in self.people if same_words(key, name_key(p.name))), None)

    def match(self, name: str, candidates: Iterable[str]) -> str | None:
        """The candidate that names the same person as ``name``, or None."""
        mine = self.person(name)
        key = name_key(name)
        for candidate in candidates:
            theirs = self.person(candidate)
            if mine is not None and theirs is not None:
                if mine == theirs:
                    return candidate
                continue
            if same_words(key, name_key(candidate)):
                return candidate
        return None


def same_words(a: str, b: str) -> bool:
    """Every word of the shorter key is a word of the longer one (and it has two or more)."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and set(short) <= set(long_)


def short_name(name: str) -> str:
    """«Баранова Кристина Алексеевна» -> «Баранова К.»; shorter names stay as they are."""
    words = name.split()
    if len(words) == 3 and all(w[:1].isupper() for w in words):
        return f"{words[0]} {words[1][0]}."
    return name
