"""Evidence only the pair model weighs on Russian steps: do two steps tell the same action on
the same thing in other words (``russian_senses``), and how firmly does the lexicon name them?

On a new writer's team most same-activity pairs the merge missed were paraphrases whose words
share no lemma ("кинуть КП" / "направить коммерческое предложение", "Дальше договор" /
"подписать договор"), or two steps the concept lexicon names differently from weak cues
("выслать презентацию" OFFER / "направить клиенту презентацию" MEET). Step x step matrices in
[0, 1], for the learned pair model (``pair_model``) only — the hand-weighted merge does not
see them:

- senses: the soft cosine of the names' features (action "V:", object "O:", content lemmas)
  under the thesaurus word similarity;
- actions / objects: how alike the two actions / the two objects are ("звонок" ~
  "позвонить"; a verbless name is its own object: "договор" ~ "подписать договор"), 0 where
  either name has none;
- quote_senses: the same soft cosine over the content lemmas of the two quotes;
- strength: the share of the two steps whose concept a strong cue names ("КП", "договор")
  rather than a weak one ("отправить", "показать").

A name's action is its first word; a light verb ("провести презентацию", "организовать
осмотр") lets its noun act, as in ``similarity``. Its object is the first content word after
the action that is neither an adjective nor the client ("отправить клиенту бюджетное КП" ->
"кп"). Everything is a fixed function of the steps, so the merge stays deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from salesmine.process import lexicon as lx
from salesmine.process.actions import is_verb
from salesmine.process.concepts import Concept
from salesmine.process.distributional import feature_matrix, soft_cosine
from salesmine.process.model import Step
from salesmine.process.russian_senses import (
    KNOWN,
    MIN_STEM,
    NEAR,
    NEAR_SETS,
    SAME,
    SAME_SETS,
    joined,
    word_similarity,
)
from salesmine.process.similarity import name_concept, step_concepts
from salesmine.text import lemmas, part_of_speech

SENSE_EVIDENCE = ("senses", "actions", "objects", "quote_senses", "strength")
# Verbs whose noun tells the action ("организовать осмотр", "провести бриф", "дать КП").
LIGHT_VERBS = lx.LIGHT_VERBS_RU | frozenset(
    "организовать организовывать устроить устраивать".split()
)
# Who the action is for, not what it is about ("позвонить клиенту" has no object to compare).
CLIENT_WORDS = frozenset("клиент заказчик покупатель лпр собственник директор человек".split())
# Words of talk, not of the step ("потом звоню, ну, клиенту"): left out of a quote's words.
_FILLER = frozenset(
    "потом затем дальше далее сначала после весь всё быть мочь надо нужно так тогда когда "
    "если что чтобы который такой какой один два три день раз".split()
)
_SKIP = lx.NAME_DROP_WORDS_RU | frozenset(
    "в на с к по о об от до из за для у при про без под над и а или не через".split()
)


class NameParts(NamedTuple):
    """What a step name tells: its action, its object ("" when none) and its content lemmas."""

    action: str
    object: str
    words: tuple[str, ...]


@lru_cache(maxsize=8192)
def name_parts(name: str) -> NameParts:
    """The action, object and content lemmas of a Russian step name."""
    words = joined([w for w in lemmas(name, "ru") if w and w not in _SKIP])
    if not words:
        return NameParts("", "", ())
    first = name.split()[0] if name.split() else ""
    verbal = is_verb(first, "ru")
    things = [w for w in words[1:] if w not in CLIENT_WORDS and not _adjective(w)]
    light = verbal and words[0] in LIGHT_VERBS and bool(things)
    action = things[0] if light else words[0]
    rest = things[1:] if light else things
    if rest:
        thing = rest[0]
    else:  # "Дальше договор": a verbless name (or a light verb's noun) is its own object
        thing = action if not verbal or light else ""
    return NameParts(action, thing, tuple(words))


@lru_cache(maxsize=8192)
def _adjective(lemma: str) -> bool:
    return part_of_speech(lemma) in ("ADJF", "PRTF") and lemma not in KNOWN


def sense_matrices(steps: Sequence[Step]) -> dict[str, np.ndarray]:
    """The ``SENSE_EVIDENCE`` matrices of Russian ``steps`` ({} for other languages)."""
    if not steps or any(s.language != "ru" for s in steps):
        return {}
    parts = [name_parts(s.name) for s in steps]
    features = [_features(p) for p in parts]
    rows, names = feature_matrix(features)
    quotes, words = feature_matrix([_quote_words(s.quote) for s in steps])
    return {
        "senses": soft_cosine(rows, feature_similarity(names)),
        "actions": _word_matrix([p.action for p in parts]),
        "objects": _word_matrix([p.object for p in parts]),
        "quote_senses": soft_cosine(quotes, feature_similarity(words)),
        "strength": _strength(steps),
    }


def _strength(steps: Sequence[Step]) -> np.ndarray:
    """How firmly the lexicon names the two steps' concepts: the share of the two whose name
    holds a strong cue of it ("КП", "договор") rather than a weak one ("отправить",
    "показать"); two weak concepts that agree or disagree say less than two strong ones."""
    concepts = step_concepts(list(steps))
    strong = np.array(
        [
            bool(c) and name_concept(s.name) == Concept(c, True)
            for s, c in zip(steps, concepts, strict=True)
        ],
        dtype=float,
    )
    return (strong[:, None] + strong[None, :]) / 2


def _quote_words(quote: str) -> list[str]:
    """The content lemmas of a quote, two-word names joined ("коммерческое предложение")."""
    return joined([w for w in lemmas(quote, "ru") if w and w not in _SKIP and w not in _FILLER])


def _features(parts: NameParts) -> list[str]:
    """As ``similarity.word_features``: the action counts twice (it says most)."""
    head = [f"V:{parts.action}"] * 2 if parts.action else []
    return head + ([f"O:{parts.object}"] if parts.object else []) + list(parts.words)


def _word_matrix(words: list[str]) -> np.ndarray:
    """Step x step similarity of one word per step (0 where either has none)."""
    vocabulary = sorted({w for w in words if w})
    alike = feature_similarity(vocabulary)
    index = {w: k for k, w in enumerate(vocabulary)}
    at = np.array([index.get(w, -1) for w in words])
    has = at >= 0
    result = alike[np.ix_(at.clip(0), at.clip(0))] * (has[:, None] & has[None, :])
    np.fill_diagonal(result, 1.0)
    return result


def feature_similarity(features: Sequence[str]) -> np.ndarray:
    """Feature x feature similarity: features of one kind (an action "V:", an object "O:", a
    plain word) are as alike as their words are (``russian_senses.word_similarity``). Built
    set by set, so a large team's vocabulary stays cheap."""
    kinds = [f[:2] if f[:2] in ("V:", "O:") else "" for f in features]
    words = [f[len(k) :] for f, k in zip(features, kinds, strict=True)]
    result = np.eye(len(features))
    same_kind = np.array(kinds, dtype=object)
    same_kind = same_kind[:, None] == same_kind[None, :]
    for sets, value in ((NEAR_SETS, NEAR), (SAME_SETS, SAME)):
        for members in sets:
            at = [k for k, w in enumerate(words) if w in members]
            block = np.ix_(at, at)
            result[block] = np.where(
                same_kind[block], np.maximum(result[block], value), result[block]
            )
    _add_stems(result, words, kinds)
    np.fill_diagonal(result, 1.0)
    return result


def _add_stems(result: np.ndarray, words: list[str], kinds: list[str]) -> None:
    """Unlisted words of one kind and one stem ("бриф" / "брифинг"): only words with the same
    first MIN_STEM letters can share a stem, so only those are compared."""
    groups: dict[tuple[str, str], list[int]] = {}
    for k, word in enumerate(words):
        if word not in KNOWN and len(word) >= MIN_STEM:
            groups.setdefault((kinds[k], word[:MIN_STEM]), []).append(k)
    for members in groups.values():
        for a in members:
            for b in members:
                if a < b:
                    result[a, b] = result[b, a] = word_similarity(words[a], words[b])
