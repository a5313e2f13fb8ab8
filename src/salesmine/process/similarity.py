"""How alike two steps are: same activity concept, same action and object, shared letters, and
where they sit in each account — plus what aligning the accounts says.

Evidence, each a step x step matrix in [0, 1]:
- concepts (Russian): the sales activity of each step (``concepts.concept_of``: "прозвон",
  "набираю номера", "обзваниваю холодных" -> CALL); two steps with the same concept are taken as
  the same activity, two with different concepts as different ones, whatever their words —
  unless most of the team tell that concept as two steps (contract, then invoice: both SIGN),
  where words and positions decide between its steps (one step told again in other words,
  "вношу сделку в CRM" ... "заношу сделку в CRM", is not two: ``told_as``); booking the client
  onto an event ("записываю на экскурсию", ``booked``) is setting a meeting, not CRM work, and
  a reminder ("напомнить", "направить напоминание", ``reminds``) is one activity however sent;
- words: TF-IDF over the step name's lemmas, with its action ("V:get_on") and the head of its
  object ("O:crm") as extra features, so "log in to CRM" and "log out of CRM" stay apart; an
  English name is read by ``english_features`` and compared by the soft cosine under the sales
  thesaurus (``english_senses``: "ring the lead" ~ "call the prospect");
- quote: TF-IDF over the content lemmas of the whole quote (a name keeps a few words only);
- letters: TF-IDF over character 3-5-grams of the lemmas (отправка / отправлять, КП / кп-шка);
- learned (``distributional``): the soft cosine of the names' features under the word
  similarity this team's own aligned accounts show ("phone" ~ "ring") — no thesaurus;
- clusters (second pass, ``merge``): the same under the similarity of words whose steps fall
  into the same first-pass activities;
- position: 1 - |difference of relative positions| in the two accounts; it is added, and where
  no concept decides it also damps far-apart pairs (``Weights.distance``);
- alignment (``consistency``): steps aligned with each other, or with the same steps of third
  people, when every pair of accounts is aligned;
- embeddings (optional, ``process.embeddings``): sentence-embedding similarity of the quotes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from salesmine.process import lexicon as lx
from salesmine.process.concepts import CUE_WEIGHTS, Concept, concept_of, in_sequence
from salesmine.process.consistency import alignment_evidence
from salesmine.process.distributional import feature_matrix, soft_cosine
from salesmine.process.english_features import english_features
from salesmine.process.english_senses import sense_similarity
from salesmine.process.model import Step
from salesmine.text import lemmas, part_of_speech, tokens

_SKIP_LEMMAS = (
    lx.NAME_DROP_WORDS_RU
    | lx.NAME_DROP_WORDS_EN
    | lx.DETERMINERS_EN
    | lx.SUBJECT_PRONOUNS_EN
    | frozenset("в на с к по о об от до из за для у при про без под над и а или не".split())
    | frozenset("your my it them yourself self be have do sure if when until there".split())
)
_ARTICLES = frozenset({"the", "a", "an"})
# A concept is split when this share of its tellers (and at least MIN_REPEATS) tell it twice.
REPEAT_SHARE = 0.5
MIN_REPEATS = 2
_PARTICLES = lx.PARTICLES_EN | frozenset({"onto", "into", "aboard"})
# "записать на экскурсию / на замер / на пробный день": booking the client onto an event
_BOOK_VERBS = frozenset("записывать записать записываться записаться".split())
BOOKING = "MEET_SET"
# "напомнить", "напоминание": the reminder, whatever channel the verb names
_REMIND = frozenset("напоминать напомнить напоминание напоминалка".split())
REMINDER = "REMIND"


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts; tuned on the dev interviews and DeScript (see
    benchmarks/process_bench.py --loso for the leave-one-scenario-out figures)."""

    words: float = 0.7
    letters: float = 0.3
    quote: float = 0.3  # the quote's content words, beside the name's
    learned: float = 0.5  # share of the lexical evidence given to the team-learned synonyms
    clusters: float = 0.5  # share of the semantic evidence given to the second-pass synonyms
    embeddings: float = 0.0  # > 0 only when process.embeddings is used
    concept: float = 0.8  # share of a known-concept pair's similarity that the concepts decide
    position: float = 0.2  # of the final similarity
    aligned: float = 0.1
    shared: float = 0.6
    same_person: float = 0.5  # two steps of one account rarely are the same activity
    distance: float = 0.5  # damping per unit of relative-position distance where no concept decides


def step_concepts(steps: list[Step]) -> list[str]:
    """Each step's concept: as extraction found it, else from its name (Russian only); a call
    told after the proposal is the follow-up, as in extraction."""
    told: dict[str, set[str]] = {}
    result = []
    for step in steps:
        concept = step.concept
        if step.language == "ru" and booked(step.name):
            concept = BOOKING
        elif step.language == "ru" and concept != "AFTERSALE" and reminds(step.name):
            concept = REMINDER
        elif not concept and step.language == "ru":
            concept = in_sequence(
                name_concept(step.name), _head(step.name), told.get(step.employee, set())
            ).name
        told.setdefault(step.employee, set()).add(concept)
        result.append(concept)
    return result


def booked(name: str) -> bool:
    """Whether a Russian step name books the client onto an event ("записываю на экскурсию",
    "записать ребёнка на пробный день", "записать на замер"): setting a meeting, whatever the
    verb "записать" says elsewhere ("записать в CRM" is CRM work)."""
    words = [t for t in tokens(name, "ru") if t.is_word]
    for k, word in enumerate(words):
        if word.lemma not in _BOOK_VERBS:
            continue
        for a, b in zip(words[k + 1 : k + 4], words[k + 2 : k + 5], strict=False):
            if a.lemma == "на":
                return part_of_speech(b.text) not in ("ADVB", "PREP", "NUMR", "")
            if part_of_speech(a.text) == "PREP":
                return False
    return False


def reminds(name: str) -> bool:
    """Whether a Russian step name is a reminder ("напомнить родителям", "написать напоминание
    в WhatsApp", "направить напоминание"): one activity however it is sent."""
    return bool(_REMIND & set(lemmas(name, "ru")))


def name_concept(name: str) -> Concept:
    """The concept of a Russian step name ("набирать контакты из выгрузки" -> CALL: what
    follows a preposition is a place or a source, a weak cue)."""
    words = tokens(name, "ru")
    lemma_list = [t.lemma for t in words if t.is_word]
    located = [
        b.lemma for a, b in zip(words, words[1:], strict=False) if part_of_speech(a.text) == "PREP"
    ]
    return concept_of(lemma_list, lemma_list[0] if lemma_list else "", (), located)


def _head(name: str) -> str:
    words = lemmas(name, "ru")
    return words[0] if words else ""


def step_matrices(steps: list[Step]) -> dict[str, np.ndarray]:
    """The concept, word, quote, letter and position matrices of ``steps`` (concept: NaN =
    unknown)."""
    return {
        "concepts": _concept_matrix(
            step_concepts(steps), [s.employee for s in steps], told_as(steps)
        ),
        **_name_matrices(steps),
        "quote": _cosine(
            TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True),
            [_content(lemmas(s.quote, s.language)) for s in steps],
        ),
        "position": _position_similarity(steps),
    }


def name_similarity(steps: list[Step]) -> np.ndarray:
    """How alike the step names alone are (words and letters, by ``Weights`` defaults)."""
    matrices = _name_matrices(steps)
    weights = Weights()
    total = weights.words + weights.letters
    return (weights.words * matrices["words"] + weights.letters * matrices["letters"]) / total


def _name_matrices(steps: list[Step]) -> dict[str, np.ndarray]:
    names = [_name_lemmas(s) for s in steps]
    words, features = feature_matrix(word_features(steps))
    if any(s.language == "en" for s in steps):  # "ring" ~ "call": the English thesaurus
        alike = soft_cosine(words, sense_similarity(features))
    else:
        alike = np.asarray((words @ words.T).todense(), dtype=float)
    return {
        "words": alike,
        "letters": _cosine(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            [" ".join(n) or s.name.lower() for n, s in zip(names, steps, strict=True)],
        ),
    }


def word_features(steps: list[Step]) -> list[list[str]]:
    """Each step name's lemmas with its action ("V:set_up") and object head ("O:meeting");
    English names are read by ``english_features``."""
    return [
        english_features(s.name) if s.language == "en" else _features(_name_lemmas(s))
        for s in steps
    ]


def _name_lemmas(step: Step) -> list[str]:
    """The lemmas of a step name (an English name's articles are for the reader only)."""
    words = [w for w in lemmas(step.name, step.language) if w]
    return [w for w in words if w not in _ARTICLES] if step.language == "en" else words


def semantic(matrices: dict[str, np.ndarray], weights: Weights) -> np.ndarray:
    """What the steps say, before order is looked at: names, quotes and letters, mixed with the
    team-learned synonyms, embeddings and second-pass synonyms where ``matrices`` has them."""
    parts = [("words", weights.words), ("letters", weights.letters), ("quote", weights.quote)]
    parts = [(k, w) for k, w in parts if k in matrices and w > 0]
    total = sum(w for _, w in parts) or 1.0
    result = sum((w * matrices[k] for k, w in parts), np.zeros_like(matrices["position"])) / total
    if "learned" in matrices and weights.learned > 0:
        result = (1 - weights.learned) * result + weights.learned * matrices["learned"]
    if "embeddings" in matrices and weights.embeddings > 0:
        result = (result + weights.embeddings * matrices["embeddings"]) / (1 + weights.embeddings)
    if "clusters" in matrices and weights.clusters > 0:
        result = (1 - weights.clusters) * result + weights.clusters * matrices["clusters"]
    return result


def decided(
    matrices: dict[str, np.ndarray], similarity: np.ndarray, weights: Weights
) -> np.ndarray:
    """``similarity`` where no concept is known; where both steps have one, the concepts decide
    ``weights.concept`` of it."""
    concepts = matrices["concepts"]
    known = ~np.isnan(concepts)
    verdict = weights.concept * np.nan_to_num(concepts)
    return np.where(known, verdict + (1 - weights.concept) * similarity, similarity)


def combine(matrices: dict[str, np.ndarray], steps: list[Step], weights: Weights) -> np.ndarray:
    """One similarity matrix from all the evidence, damped for two steps of one person; the
    alignment evidence it computes is left in ``matrices`` ("aligned", "shared") for the
    learned pair model (``pair_model``), which weighs the same evidence.

    Where both steps have a known concept, the concepts decide (``weights.concept`` of the
    similarity): "вношу в CRM" told first by one person and last by another is still the CRM
    step, however differently placed.
    """
    meaning = decided(matrices, semantic(matrices, weights), weights)
    owners = [s.employee for s in steps]
    aligned, shared = alignment_evidence(meaning, owners)
    matrices["aligned"], matrices["shared"] = aligned, shared
    rest = 1.0 - weights.position - weights.aligned - weights.shared
    combined = (
        rest * meaning
        + weights.position * matrices["position"]
        + weights.aligned * aligned
        + weights.shared * shared
    )
    concepts = matrices["concepts"]
    known = ~np.isnan(concepts)
    combined = decided(matrices, combined, weights)
    gate = 1.0 - weights.distance * (1.0 - matrices["position"])
    combined = np.where(known, combined, combined * gate)
    owner = np.array(owners, dtype=object)
    same = (owner[:, None] == owner[None, :]) & ~(known & (concepts == 1.0))
    combined = np.where(same, combined * weights.same_person, combined)
    np.fill_diagonal(combined, 1.0)
    return combined


def _concept_matrix(
    concepts: list[str], owners: list[str], keys: Sequence[object] | None = None
) -> np.ndarray:
    """1 for the same concept, 0 for different ones, NaN where unknown — or where the team's
    accounts show the concept holds two activities (``repeated_concepts``): there the words
    and positions decide ("согласовать договор" and "выставить счёт" are both SIGN)."""
    labels = np.array(concepts, dtype=object)
    known = labels != ""
    matrix = np.where(labels[:, None] == labels[None, :], 1.0, 0.0)
    split = np.isin(labels, list(repeated_concepts(concepts, owners, keys)))
    unknown = split[:, None] & split[None, :] & (matrix == 1.0)
    matrix = np.where(unknown, np.nan, matrix)
    return np.where(known[:, None] & known[None, :], matrix, np.nan)


def repeated_concepts(
    concepts: list[str], owners: list[str], keys: Sequence[object] | None = None
) -> set[str]:
    """Concepts that at least half of their tellers (two or more) tell as separate steps: one
    known concept covers more than one activity of this team. With ``keys`` (``told_as``), two
    steps of one teller with the same key are one step told again ("вношу сделку в CRM", later
    "заношу сделку в CRM"), not two."""
    keys = keys if keys is not None else range(len(concepts))
    told = {(o, c, k) for o, c, k in zip(owners, concepts, keys, strict=True) if c}
    counts = Counter((o, c) for o, c, _ in told)
    tellers = Counter(c for _, c in counts)
    repeats = Counter(c for (_, c), k in counts.items() if k > 1)
    return {c for c, k in repeats.items() if k >= max(MIN_REPEATS, tellers[c] * REPEAT_SHARE)}


def told_as(steps: Sequence[Step]) -> list[object]:
    """A key per step: the same for two steps that say one thing in other words — the same
    words besides the action, and actions that are both cues of the step's concept or the same
    ("внести сделку в CRM" / "занести сделку в CRM"; not "подготовить договор" / "подписать
    договор": preparing names no contract step)."""
    keys: list[object] = []
    for index, (s, concept) in enumerate(zip(steps, step_concepts(list(steps)), strict=True)):
        words = _content(_name_lemmas(s))
        if s.language != "ru" or len(words) < 2:
            keys.append(index)
            continue
        head, rest = words[0], frozenset(words[1:])
        cue = concept in CUE_WEIGHTS.get(head, {})
        keys.append((s.employee, concept, "" if cue else head, rest))
    return keys


def _features(words: list[str]) -> list[str]:
    """Lemmas of a step name, plus its action ("V:log_in", twice: the action weighs most) and
    its object's head ("O:lead")."""
    content = _content(words)
    if not words:
        return []
    action = _action(words)
    if action in lx.LIGHT_VERBS_RU and len(content) > 1:  # "делать прозвон": the noun acts
        action = content[-1] if content[0] == action else content[0]
    head = next((w for w in content[1:] if w != action), None) if content else None
    return [f"V:{action}", f"V:{action}"] + ([f"O:{head}"] if head else []) + content


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w and w not in _SKIP_LEMMAS and w not in _PARTICLES]


def _action(words: list[str]) -> str:
    """The verb with the particle right after it: "set up a meeting" -> set_up, "follow up
    with the client" -> follow_up ("send the quote out" stays "send": its object says the rest)."""
    action = words[0]
    if len(words) > 1 and words[1] in _PARTICLES:
        return action + "_" + words[1]
    return action


def _cosine(vectorizer: TfidfVectorizer, docs: list) -> np.ndarray:  # type: ignore[type-arg]
    if not any(docs):
        return np.zeros((len(docs), len(docs)))
    try:
        matrix = normalize(vectorizer.fit_transform(docs))
    except ValueError:  # an empty vocabulary: nothing in common
        return np.zeros((len(docs), len(docs)))
    return np.asarray((matrix @ matrix.T).todense(), dtype=float)


def relative_positions(steps: Sequence[Step]) -> np.ndarray:
    """Each step's place in its own account, 0 (first) .. 1 (last); 0.5 for a one-step account."""
    length: dict[str, int] = {}
    for step in steps:
        length[step.employee] = max(length.get(step.employee, 0), step.position)
    return np.array(
        [
            (s.position - 1) / (length[s.employee] - 1) if length[s.employee] > 1 else 0.5
            for s in steps
        ],
        dtype=float,
    )


def _position_similarity(steps: list[Step]) -> np.ndarray:
    relative = relative_positions(steps)
    return 1.0 - np.abs(relative[:, None] - relative[None, :])
