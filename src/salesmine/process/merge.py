"""Merge: paraphrased steps of different employees become shared activities in one order.

Steps are clustered by average-linkage agglomeration over the learned pair model's probability
(``pair_model``, trained on the Russian development gold, for the language it was trained on) or,
without one, the hand-weighted ``similarity.combine`` (deterministic: no random state, input
sorted by employee and position). The words a team uses for the same
thing are learned from its own accounts (``distributional``): once from the aligned accounts,
once more from a first clustering — no thesaurus, so the merge is the same for any trade;
English steps add a small sales thesaurus (``english_senses``: "ring" ~ "call", "quote" ~
"proposal"), which the learned synonyms then only complete; for Russian steps the pair model
weighs a small sales thesaurus besides (``russian_evidence``: "кинуть КП" ~ "направить
коммерческое предложение"), which the hand weights do not see. A
cluster told by fewer than ``min_support`` employees is not an activity: its steps stay personal,
unless the pair model's lower bar attaches one to its nearest activity (``lone_steps``); a step
left personal that the learned filter finds unlikely to be a step at all is dropped
(``personal_filter``: on a new writer's team, the chatter and fragments extraction let through).
Groups of one known concept that no one tells in both — the CRM step most tell first and a few
after the call — are joined (``join_complementary``): the pair model keeps far-apart tellings of
one concept apart, and the late half would sort last in the canonical order.
Activities are then put in canonical order (``align``), numbered A01, A02, ... in that order, and
named by their most typical wording (``activity_names.activity_name``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import median

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from salesmine.process.activity_names import activity_name, unique_names
from salesmine.process.align import canonical_order, order_variants
from salesmine.process.consistency import alignment_evidence
from salesmine.process.distributional import (
    aligned_word_similarity,
    cluster_word_similarity,
    feature_matrix,
    soft_cosine,
)
from salesmine.process.english_pairs import english_model_for
from salesmine.process.english_senses import unknown_share
from salesmine.process.lone_steps import attach_lone_steps
from salesmine.process.model import PERSONAL, Activity, Process, Step
from salesmine.process.pair_model import PairModel, shipped_model
from salesmine.process.personal_filter import PersonalFilter, drop_unlikely, shipped_filter
from salesmine.process.russian_evidence import sense_matrices
from salesmine.process.similarity import (
    Weights,
    combine,
    decided,
    semantic,
    step_matrices,
    word_features,
)
from salesmine.process.told_apart import join_complementary, join_told_apart

MAX_QUOTES = 3
# Weight of embedding similarity when embeddings are on (the rest of the semantic evidence
# weighs 1); see benchmarks/process_bench.py --embeddings for what it changes.
EMBEDDING_WEIGHT = 1.0
# Average similarity at which two groups of steps join, without and with embeddings (the
# embeddings make paraphrases more alike, so the bar is higher); chosen leave-one-scenario-out
# on DeScript, see benchmarks/process_bench.py --loso.
THRESHOLD = 0.25
EMBEDDING_THRESHOLD = 0.28
# The optional English encoder (``english_encoder``, English steps only): its weight and threshold,
# chosen on the English interview sets en1, en2, en4, en5 (weights 0.5-4 x thresholds 0.22-0.33:
# mean pairwise F1 0.690 at 0.5 / 0.28, 0.61-0.69 elsewhere). On these sales interviews the words
# alone do as well (0.708 at ENGLISH_LEXICAL_THRESHOLD); the encoder helps on everyday scripts
# (DeScript, scored only: benchmarks/process_bench.py --english-encoder).
ENGLISH_WEIGHT = 0.5
ENGLISH_THRESHOLD = 0.28
# English steps merged on words alone (the thesaurus, ``english_senses``): the bar, chosen on
# the English interview sets en1, en2, en4, where 0.28-0.35 is a plateau (mean pairwise F1
# 0.68-0.69 against 0.655 at 0.25) and 0.3 its middle; leave one set out (0.28 / 0.35 / 0.35
# chosen) the held-out F1 is 0.64 / 0.60 / 0.78 against 0.61 / 0.56 / 0.80 at 0.25.
ENGLISH_LEXICAL_THRESHOLD = 0.3
# Whether English steps are weighed by the bundled English pair model (``english_pairs``) rather
# than the hand weights. Off: trained on scripts_en and en1..en6 it won leave-one-set-out
# (scripts_en 0.769 -> 0.806) but lost on every English set it never saw — en7, a new writer:
# pairwise F1 0.75 -> 0.72; the en3 check set 0.60 -> 0.57; DeScript (scored only) 0.598 -> 0.572.
# A model given in ``MergeSettings.pair_model`` is still used.
ENGLISH_PAIR_MODEL = False
# Below this share of steps without a known concept, synonyms are not learned at all.
MIN_UNKNOWN = 0.1
# Whether the merge drops the lone steps the personal-step filter (``personal_filter``) finds
# unlikely to be steps; see the leave-one-set-out figures in models/process/MODEL_CARD.md.
PERSONAL_FILTER = True
# A group of steps that at least MIN_TWICE people, and at least one in TWICE_PARTS of its tellers,
# each tell twice is split in two in their order (``split_repeated``). On the development sets
# (steps extraction finds, pair model left out of each, threshold 0.3) the groups one teller in
# three or more tell twice (dev15, dev16, dev19) split into 76 fewer wrong pairs and 10 fewer
# right ones; below that share, where the second step is mostly a piece or a recap extraction
# cut off (dev5, dev6, dev14, dev19, dev24), splitting would have cost 53 right pairs for 10.
SPLIT_REPEATED = True
# Whether groups of one known concept with no teller in common are joined, and groups few
# people tell both, told at the same place and still somewhat alike (``told_apart``; Russian
# steps, the merge only: the trainers cluster without them).
JOIN_COMPLEMENTARY = True
JOIN_TOLD_APART = True
MIN_TWICE = 2
TWICE_PARTS = 3


@dataclass(frozen=True)
class MergeSettings:
    """Knobs of the merge, with the defaults used by ``discover_process``."""

    threshold: float | None = None  # None: THRESHOLD, or EMBEDDING_THRESHOLD with embeddings
    min_support: int = 2  # fewer employees than this: the steps stay personal
    weights: Weights = field(default_factory=Weights)
    embeddings: bool = False  # add sentence-embedding similarity (needs salesmine[embeddings])
    # English steps: add the English encoder's similarity instead (needs
    # salesmine[english-encoder]); other languages are not affected.
    english_encoder: bool = False
    second_pass: bool = True  # learn synonyms from a first clustering, then cluster again
    # The learned pair model (``pair_model``) weighs the evidence instead of ``weights`` when
    # one fits the steps' language; None: the bundled one. False: the hand weights only.
    learned_pairs: bool = True
    pair_model: PairModel | None = None
    # Drop the personal steps the learned filter finds unlikely to be steps (``personal_filter``:
    # Russian steps the step tagger kept); None: the bundled filter.
    personal_filter: bool = PERSONAL_FILTER
    personal_model: PersonalFilter | None = None

    @property
    def join_at(self) -> float:
        """The threshold of the hand-weighted similarity (the first pass, or the final one)."""
        if self.threshold is not None:
            return self.threshold
        return EMBEDDING_THRESHOLD if self.embeddings else THRESHOLD

    def model_for(self, steps: Sequence[Step]) -> PairModel | None:
        """The pair model in force for ``steps``: the one given, else the bundled one for their
        language — with embedding evidence exactly when embeddings are asked for (a model never
        trained on them would ignore them; one trained with them needs them)."""
        if not self.learned_pairs or not steps:
            return None
        language = _language(list(steps))
        if language == "en":  # the English model (``english_pairs``), with the evidence it knows
            if self.pair_model is None and not ENGLISH_PAIR_MODEL:
                return None
            return english_model_for(self.pair_model, self.english_encoder, self.embeddings)  # type: ignore[return-value]
        model = self.pair_model or shipped_model(language, self.embeddings)
        if model is None or model.language != language:
            return None
        if self.embeddings != ("embeddings" in model.features):
            return None
        return model

    def filter_for(self, steps: Sequence[Step]) -> PersonalFilter | None:
        """The personal-step filter in force for ``steps``: the one given, else the bundled
        one, when it fits their language."""
        if not self.personal_filter or not steps:
            return None
        model = self.personal_model or shipped_filter()
        return model if model is not None and model.language == _language(list(steps)) else None

    def final_threshold(self, steps: Sequence[Step]) -> float:
        """The threshold the final clustering of ``steps`` uses."""
        model = self.model_for(steps)
        return model.threshold if model is not None else self.join_for(steps)

    def uses_english_encoder(self, steps: Sequence[Step]) -> bool:
        """Whether the English encoder applies to ``steps`` (asked for, and they are English)."""
        return self.english_encoder and bool(steps) and _language(list(steps)) == "en"

    def join_for(self, steps: Sequence[Step]) -> float:
        """``join_at``; for English ``steps``, ENGLISH_THRESHOLD where the English encoder
        applies, else ENGLISH_LEXICAL_THRESHOLD."""
        if self.threshold is None and self.uses_english_encoder(steps):
            return ENGLISH_THRESHOLD
        if self.threshold is None and not self.embeddings and _language(list(steps)) == "en":
            return ENGLISH_LEXICAL_THRESHOLD
        return self.join_at


def similarity_matrix(steps: Sequence[Step], settings: MergeSettings | None = None) -> np.ndarray:
    """Step x step similarity in [0, 1] from all the evidence ``settings`` asks for: the learned
    pair model's probability where one applies (``MergeSettings.model_for``), else the
    hand-weighted combination."""
    settings = settings or MergeSettings()
    steps = list(steps)
    model = settings.model_for(steps)
    matrices, combined = evidence(steps, settings, full=model is not None)
    if model is None:
        return combined
    return model.similarity(matrices, combined, steps)


def evidence(
    steps: list[Step], settings: MergeSettings, full: bool = False
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The evidence matrices of ``steps`` and their hand-weighted combination.

    Three rounds: the words alone align the accounts; the aligned steps teach which words this
    team uses for the same thing (``distributional``), and everything is combined; then (with
    ``second_pass``) the steps are clustered once, words that fall into the same clusters count
    as alike too, and everything is combined again. ``full``: the learned-synonym matrices are
    computed even where the hand weights give them no weight (the pair model weighs them).
    """
    matrices = step_matrices(steps)
    if full:  # thesaurus evidence on Russian names, weighed by the pair model only
        matrices.update(sense_matrices(steps))
    weights = settings.weights
    if settings.uses_english_encoder(steps):
        from salesmine.process.english_encoder import english_similarity

        matrices["embeddings"] = english_similarity([s.quote for s in steps])
        weights = replace(weights, embeddings=weights.embeddings or ENGLISH_WEIGHT)
    elif settings.embeddings:
        from salesmine.process.embeddings import embedding_similarity

        matrices["embeddings"] = embedding_similarity([s.quote for s in steps])
        weights = replace(weights, embeddings=weights.embeddings or EMBEDDING_WEIGHT)
    weights = _learning_where_unknown(weights, matrices["concepts"])
    if _language(steps) == "en":  # the English thesaurus knows part of the steps
        weights = replace(weights, learned=weights.learned * unknown_share(word_features(steps)))
    features, names = feature_matrix(word_features(steps))
    owners = [s.employee for s in steps]
    if weights.learned > 0 or full:
        first = decided(matrices, semantic(matrices, weights), weights)
        aligned, _ = alignment_evidence(first, owners)
        matrices["learned"] = soft_cosine(features, aligned_word_similarity(features, aligned))
    combined = combine(matrices, steps, weights)
    if not settings.second_pass or (weights.clusters <= 0 and not full) or len(steps) < 2:
        return matrices, combined
    labels = _cluster(combined, settings.join_for(steps))
    matrices["clusters"] = soft_cosine(features, cluster_word_similarity(features, labels, names))
    return matrices, combine(matrices, steps, weights)


def _learning_where_unknown(weights: Weights, concepts: np.ndarray) -> Weights:
    """The learned synonyms weigh in proportion to the share of steps no known concept names:
    where the sales lexicon (``concepts``) knows the steps it decides, and co-occurrence counts
    from a handful of interviews would only add noise; English or another trade has no such
    lexicon, and there the learned synonyms carry the load."""
    unknown = float(np.isnan(concepts).all(axis=1).mean()) if len(concepts) else 1.0
    if unknown < MIN_UNKNOWN:  # nothing left to learn, and two alignment passes saved
        unknown = 0.0
    return replace(weights, learned=weights.learned * unknown, clusters=weights.clusters * unknown)


def cluster_steps(steps: Sequence[Step], settings: MergeSettings | None = None) -> list[int]:
    """A cluster label for each step (same label = same activity candidate)."""
    settings = settings or MergeSettings()
    return _cluster(similarity_matrix(steps, settings), settings.final_threshold(steps))


def _cluster(similarity: np.ndarray, threshold: float) -> list[int]:
    if len(similarity) < 2:
        return [1] * len(similarity)
    distance = np.clip(1.0 - (similarity + similarity.T) / 2, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(x) for x in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def merge_steps(
    steps: Sequence[Step],
    *,
    employees: Sequence[str] | None = None,
    core_threshold: float = 0.5,
    settings: MergeSettings | None = None,
) -> Process:
    """Cluster all employees' steps into activities and order them into one process."""
    settings = settings or MergeSettings()
    steps = sorted(steps, key=lambda s: (s.employee, s.position))
    people = (
        tuple(employees)
        if employees is not None
        else tuple(dict.fromkeys(s.employee for s in steps))
    )
    support = min(settings.min_support, len(people))
    labels = group_steps(steps, settings, support)
    steps, labels = drop_unlikely(steps, labels, support, settings.filter_for(steps))
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    shared = {
        label: members
        for label, members in groups.items()
        if len({steps[i].employee for i in members}) >= support
    }
    provisional = {label: f"C{label}" for label in shared}
    sequences = _sequences(steps, labels, provisional)
    order = canonical_order(sequences, sorted(provisional.values()))
    width = max(2, len(str(len(order))))
    ids = {key: f"A{k:0{width}d}" for k, key in enumerate(order, start=1)}
    step_ids = [ids[provisional[label]] if label in shared else PERSONAL for label in labels]
    assigned = [replace(step, activity_id=aid) for step, aid in zip(steps, step_ids, strict=True)]
    activities = [
        _activity(ids[provisional[label]], assigned, members, people, core_threshold)
        for label, members in shared.items()
    ]
    activities = unique_names(sorted(activities, key=lambda a: a.order))
    final_sequences = _sequences(assigned, step_ids, None)
    return Process(
        activities=tuple(activities),
        steps=tuple(_by_people(assigned, people)),
        employees=people,
        variants=tuple(order_variants(final_sequences, [a.id for a in activities])),
        core_threshold=core_threshold,
        language=_language(steps),
    )


def group_steps(steps: list[Step], settings: MergeSettings, support: int) -> list[int]:
    """A group label for each of ``steps`` (sorted by employee and position): the clustering,
    then lone steps attached to their nearest activity where the pair model's lower bar allows
    (``lone_steps``)."""
    similarity = similarity_matrix(steps, settings) if steps else np.ones((0, 0))
    model = settings.model_for(steps)
    attach = model.attach if model is not None else None
    threshold = settings.final_threshold(steps)
    return final_groups(
        similarity,
        steps,
        threshold,
        attach,
        support,
        split=SPLIT_REPEATED,
        complementary=JOIN_COMPLEMENTARY and _language(steps) == "ru",
        apart=JOIN_TOLD_APART and _language(steps) == "ru",
    )


def final_groups(
    similarity: np.ndarray,
    steps: Sequence[Step],
    threshold: float,
    attach: float | None = None,
    support: int = 2,
    split: bool = False,
    complementary: bool = False,
    apart: bool = False,
) -> list[int]:
    """The clustering of ``similarity`` at ``threshold``; with ``split``, each group several
    people tell twice split in two (``split_repeated``); then lone steps attached where
    ``attach`` allows (the pair model's lower bar, ``lone_steps``); ``complementary`` and
    ``apart`` join groups that are one activity told in two places or wordings. The trainers
    choose their thresholds without the split: it mends a group joined too far and must not make
    a lower threshold look safe (with it the band of good thresholds on the training sets widens
    downwards, and its middle, 0.225 against 0.3, cost the newest teams: dev25 0.784 -> 0.743)."""
    labels = _cluster(similarity, threshold)
    if split:
        labels = split_repeated(similarity, labels, steps)
    if complementary:
        labels = join_complementary(similarity, labels, steps, support)
    if apart:
        labels = join_told_apart(similarity, labels, steps, support)
    if attach is not None:
        labels = attach_lone_steps(similarity, labels, steps, attach, support)
    return labels


def split_repeated(
    similarity: np.ndarray, labels: Sequence[int], steps: Sequence[Step]
) -> list[int]:
    """``labels`` with each group that several people tell twice split in two, in their order.

    Two neighbouring steps of one thing ("подготовить договор", then "подписать договор"; an
    early and a late "позвонить клиенту") can be alike enough for average linkage to join, and
    then each person who tells both has two steps in one activity — which a person's account
    almost never holds (one step of 2,633 in the development gold). Where at least
    ``MIN_TWICE`` people, and one in ``TWICE_PARTS`` of the group's tellers, tell it twice,
    their earlier steps seed one part and their later steps the other; every other step joins
    the part whose seeds of other people it is more like. The split stands only when it is
    real: within each part steps of different people are more alike than across the parts. A
    group only one or two of many people tell twice is left whole: there the second step is
    mostly a piece, an aside or a recap extraction cut off."""
    owners = [s.employee for s in steps]
    owner = np.array(owners, dtype=object)
    result = list(labels)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    fresh = max(labels, default=0) + 1
    for label in sorted(groups):
        members = groups[label]
        told: dict[str, list[int]] = {}
        for i in members:
            told.setdefault(owners[i], []).append(i)
        twice = [p for p in sorted(told) if len(told[p]) > 1]
        if len(twice) < MIN_TWICE or len(twice) * TWICE_PARTS < len(told):
            continue
        early = [min(told[p], key=lambda i: steps[i].position) for p in twice]
        late = [max(told[p], key=lambda i: steps[i].position) for p in twice]
        first, second = list(early), list(late)
        for i in members:
            if i in early or i in late:
                continue
            nearer_late = _mean_across(similarity, i, late, owner) > _mean_across(
                similarity, i, early, owner
            )
            (second if nearer_late else first).append(i)
        within = min(
            _cross(similarity, first, first, owner), _cross(similarity, second, second, owner)
        )
        if within <= _cross(similarity, first, second, owner):  # one thing, cut twice
            continue
        for i in second:
            result[i] = fresh
        fresh += 1
    return result


def _mean_across(similarity: np.ndarray, i: int, seeds: list[int], owner: np.ndarray) -> float:
    """Mean similarity of step ``i`` to the ``seeds`` of other people."""
    others = [j for j in seeds if owner[j] != owner[i]]
    return float(similarity[i, others].mean()) if others else 0.0


def _cross(similarity: np.ndarray, a: list[int], b: list[int], owner: np.ndarray) -> float:
    """Mean similarity of the pairs of steps of different people across ``a`` and ``b``."""
    block = similarity[np.ix_(a, b)]
    mask = owner[a][:, None] != owner[b][None, :]
    return float(block[mask].mean()) if mask.any() else 0.0


def _sequences(steps: list[Step], labels: Sequence, names: dict | None) -> dict[str, list[str]]:  # type: ignore[type-arg]
    sequences: dict[str, list[str]] = {}
    for step, label in zip(steps, labels, strict=True):
        key = names.get(label) if names is not None else (label if label != PERSONAL else None)
        sequences.setdefault(step.employee, [])
        if key is not None:
            sequences[step.employee].append(key)
    return sequences


def _activity(
    activity_id: str,
    steps: list[Step],
    members: list[int],
    people: Sequence[str],
    core_threshold: float,
) -> Activity:
    who = [p for p in people if any(steps[i].employee == p for i in members)]
    first_positions = [
        min(steps[i].position for i in members if steps[i].employee == p) for p in who
    ]
    names = Counter(steps[i].name for i in members)
    quotes = list(dict.fromkeys(steps[i].quote for i in members))[:MAX_QUOTES]
    support = len(who)
    return Activity(
        id=activity_id,
        name=activity_name([steps[i] for i in members]),
        order=int(activity_id[1:]),
        support=support,
        n_employees=len(people),
        employees=tuple(who),
        core=bool(people) and support / len(people) >= core_threshold,
        typical_position=float(median(first_positions)),
        quotes=tuple(quotes),
        names=tuple(n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _by_people(steps: list[Step], people: Sequence[str]) -> list[Step]:
    rank = {p: k for k, p in enumerate(people)}
    return sorted(steps, key=lambda s: (rank.get(s.employee, len(rank)), s.employee, s.position))


def _language(steps: list[Step]) -> str:
    languages = Counter(s.language for s in steps)
    return languages.most_common(1)[0][0] if languages else "ru"
