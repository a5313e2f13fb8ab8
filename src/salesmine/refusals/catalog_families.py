"""English word families for glossary look-ups.

A note writes "interpreter" where the glossary lists "interpreting", "transcription" where it
lists "transcribe", "bookings" (lemma "booking") where the glossary's "booking" was lemmatised to
"book": spaCy's lemma table undoes inflection, not derivation, and reads the same word one way in
a phrase and another alone. ``family_key`` cuts a derivational suffix so the members of a family
share one key; ``catalog_glossary`` looks a term up by its key only when the exact lemma is not
in the glossary, so "printer" and "printing" (a device and a service) keep their own senses.
"""

from __future__ import annotations

import functools
import re

# Longest first; each cut must leave at least ``MIN_STEM`` letters ("ring" keeps its "ing").
_SUFFIXES = tuple(
    sorted(
        """ions ion ings ing ments ment ers er ors or ants ant ancy ance ents ent ency ence ery
        age ives ive als al""".split(),
        key=len,
        reverse=True,
    )
)
MIN_STEM = 4
# "translat(ion)" / "translat(e)": the verb stem is the family; "format" is kept (too short).
_VERB_AT = re.compile(r"(?<=\w{5})at$")
_DOUBLED = re.compile(r"([bdglmnprt])\1$")  # "shipp(ing)" -> "ship", "plann(ing)" -> "plan"


@functools.lru_cache(maxsize=50_000)
def family_key(term: str) -> str:
    """The key ``term`` shares with its derivational family ("interpreter", "interpreting",
    "interpretation" -> "interpret"; "transcription", "transcribe" -> "transcrib"). A Russian
    term, a short word or one with digits is its own key."""
    if not (term.isascii() and term.isalpha()) or len(term) <= MIN_STEM:
        return term
    key = term
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= MIN_STEM:
            key = key[: -len(suffix)]
            break
    if key.endswith("e") and len(key) > MIN_STEM:
        key = key[:-1]  # "translate", "transcribe", "store"
    key = _VERB_AT.sub("", key)
    if key.endswith("pt"):
        key = key[:-2] + "b"  # "transcript(ion)" ~ "transcribe", "subscription" ~ "subscribe"
    return _DOUBLED.sub(r"\1", key)
