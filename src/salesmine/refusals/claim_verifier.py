"""A learned check of the final manager-error decision: does this note's claim really name this
active catalog item?

The rules and the pair model decide which item a note's absence claim names; most false manager
errors left are an absent product placed on a near item ("склад в Новосибирске" -> storage), a
claim taken back later in the note ("уточнил — есть"), someone else's lack ("у соседа нет"), or
stock/budget talk. ``verify_features`` describes the (note, chosen item) decision — with what
the mention and a qualifier after it say beyond the item (``catalog_beyond``), how far the
mention sits from the negation, and whether the note says afterwards that it exists; a logistic
regression over them (``fit_verifier``, trained on out-of-fold decisions — models trained without
the writer's fold of sets — by ``benchmarks/claims_bench.py``) gives P(the manager error is
real); below the model's threshold the flag is dropped (the claim and its item are still
reported).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from salesmine.refusals.catalog_beyond import beyond_features
from salesmine.refusals.catalog_terms import phrase_terms
from salesmine.refusals.claim_classifier import claim_probability
from salesmine.refusals.claim_combine import score_note
from salesmine.refusals.claim_models import fit_logistic, probability, read_model, write_model
from salesmine.refusals.claim_patterns import read_note

Rows = list[tuple[dict[str, float], int]]  # (features, 1 when the manager error is real)

MODEL_PATH = Path(__file__).parent.parent / "models" / "claims" / "claim_verifier.json.xz"
# The shipped model carries its own threshold, picked leave-one-writer-out (``pick_threshold``);
# this one is for a model without it. A veto must pay LAMBDA true errors' worth per false one
# removed: LOWO over 13 writers, 2 raised mean precision ~0.5 point for < 0.1 point of recall.
VETO_THRESHOLD = 0.5
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
LAMBDA = 2.0
C = 2.0

# Cue families read after the claim (and anywhere in the note): stems, lowercase, ru + en.
_CUE_TEXT = {
    "correct": "уточнил|оказалось|выяснил|на самом деле|ошибся|ошиблась|перепутал|всё-таки есть|"
    "все-таки есть|все же есть|объяснил|показал|проверил|проверила|нашл|ошибочно|извинил|развеял|"
    "есть!|— есть|- есть|, есть|actually|turned out|in fact|mistaken|corrected|we do have|"
    "we do offer|clarified|we do|wrong|checked|explained|showed|yes,",
    "belief": "думал|считал|слышал|наговорил|thought|heard|believed|assumed",
    "noneed": "не нужно|не нужен|не нужна|уже есть|не проводить|no need|no, thanks|no thanks|"
    "already have",
    "third": "сосед|текущ|поставщик|подрядчик|их |у них|конкурент|партнер|партнёр|their |neighbo|"
    "current provider|supplier|contractor|competitor",
    "stock": "в наличии|наличи|под заказ|на складе|закончил|распродан|out of stock|in stock|"
    "backorder|sold out|lead time",
    "budget": "бюджет|дорог|цен|денег|budget|expensive|price|afford",
    "discontinued": "сняли|снят|больше не|прекратил|discontinu|no longer|phased",
}
CUES: dict[str, tuple[str, ...]] = {k: tuple(v.split("|")) for k, v in _CUE_TEXT.items()}
_WORD = re.compile(r"\w+")
_OPENERS = frozenset(".!?:;—-\"«'(\n")  # a capital after these opens a sentence or a quote
_NEGATIONS = frozenset("нет не ни без никаких no not don doesn didn won isn aren never".split())
GAP_WORDS = 8
# "уточнил — есть", "есть!", "we do", "is included": the note says the thing exists after all
_EXISTS = re.compile(
    r"(?<!не )(?<!нет, )\bесть\b(?! ли)|\b(?:we do|we have|we offer|is included|are included)\b",
    re.IGNORECASE,
)


def checked(found: Any, rule: Any, text: str, lang: str | None, index: Any, match: Any) -> Any:
    """``found`` (the final NoteClaim) marked ``vetoed`` when it names an active item and the
    shipped verifier doubts it; else unchanged (also when no verifier ships)."""
    model = verifier_model()
    if model is None or found is None or not found.manager_error:
        return found
    feats = decision_features(text, lang, index, rule, found, match)
    if verify_probability(model, feats) >= model.get("threshold", VETO_THRESHOLD):
        return found
    return replace(found, vetoed=True)


def decision_features(
    text: str, lang: str | None, index: Any, rule: Any, found: Any, match: Any
) -> dict[str, float]:
    """``verify_features`` of a final NoteClaim with the pair model's and the claim
    classifier's view of the note (``match``: the claims module's ``scan_match``)."""
    probability = claim_probability(text, lang)
    scored = score_note(read_note(text, lang), index, probability, match)
    item = found.match.item

    def best(keep: Any) -> float | None:
        return max((s.probability for s in scored if keep(s.candidate.match)), default=None)

    added = rule is None or rule.match.item != item or rule.claim != found.claim
    extra = {
        "pair_item": best(lambda m: m.item == item),
        "pair_alt": best(lambda m: m.item != item and m.status == "active"),
        "pair_disc": best(lambda m: m.status == "discontinued"),
        "note": probability,
        "added": float(added),
    }
    return verify_features(text, found, extra, index)


def verify_features(
    text: str, decision: Any, extra: dict[str, float | None], index: Any = None
) -> dict[str, float]:
    """Features of a note's final NoteClaim ``decision`` naming an active item: its match,
    how much of the mention the catalog text leaves unexplained, cue words after the claim and
    in the note, and ``extra`` (None values become ``<key>_none`` indicators). With the
    catalog ``index``: what the mention says beyond the item (``catalog_beyond``)."""
    claim, match = decision.claim, decision.match
    feats: dict[str, float] = {
        "match_score": match.score,
        f"route={match.route}": 1.0,
        f"source={claim.source}": 1.0,
        "unexplained": _unexplained(claim.mention, match.matched or match.item),
        "mention_words": min(len(_WORD.findall(claim.mention)), 6) / 6,
    }
    for key, value in extra.items():
        if value is None:
            feats[f"{key}_none"] = 1.0
        else:
            feats[key] = float(value)
    low = text.lower()
    after = low[claim.end :]
    for family, stems in CUES.items():
        if any(s in after for s in stems):
            feats[f"after_{family}"] = 1.0
        if any(s in low for s in stems):
            feats[f"note_{family}"] = 1.0
    feats.update(_placement(text, claim))
    if index is not None:
        before = text[: claim.start].rstrip()
        opening = not before or before[-1] in _OPENERS
        feats.update(
            beyond_features(
                index, match.item, claim.mention, text[claim.end :], sentence_start=opening
            )
        )
    return feats


def _placement(text: str, claim: Any) -> dict[str, float]:
    """How far (in words, up to ``GAP_WORDS``) the mention is from the nearest negation, and
    whether the note says afterwards that the thing exists ("уточнил — есть", "we do")."""
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    inside = [k for k, (at, _) in enumerate(words) if claim.start <= at < claim.end]
    feats: dict[str, float] = {}
    if inside:
        first, last = inside[0], inside[-1]
        gaps = [
            first - k if k < first else k - last
            for k, (_, w) in enumerate(words)
            if w in _NEGATIONS and not first <= k <= last
        ]
        feats["neg_gap"] = min([*gaps, GAP_WORDS]) / GAP_WORDS
    after = text[claim.end :]
    if _EXISTS.search(after):
        feats["after_exists"] = 1.0
    return feats


def _unexplained(mention: str, matched: str) -> float:
    """Share of the mention's content terms the matched catalog text does not account for
    (prefix-tolerant: "переводчиков" is not "трансферы")."""
    said = phrase_terms(mention)
    if not said:
        return 0.0
    known = phrase_terms(matched)
    missing = [t for t in said if not any(_near(t, k) for k in known)]
    return len(missing) / len(said)


def _near(a: str, b: str) -> bool:
    n = min(len(a), len(b), 5)
    return a == b or (n >= 4 and a[:n] == b[:n])


def verify_probability(model: dict[str, Any], feats: dict[str, float]) -> float:
    """P(the manager error is real)."""
    return probability(model, feats)


def fit_verifier(feats: list[dict[str, float]], labels: list[int], *, c: float = C) -> dict:
    """The JSON-ready model: intercept and non-zero weights by feature name."""
    return {**fit_logistic(feats, labels, c=c), "rows": len(labels)}


def pick_threshold(rows: dict[str, Rows], *, c: float = C, lam: float = LAMBDA) -> float:
    """The veto threshold by leave-one-set-out over ``rows``: the one whose vetoes remove the
    most false errors less ``lam`` per true error lost (ties: the lower threshold)."""
    gain = dict.fromkeys(THRESHOLDS, 0.0)
    for held, held_rows in rows.items():
        train = [r for name, part in rows.items() if name != held for r in part]
        model = fit_verifier([f for f, _ in train], [y for _, y in train], c=c)
        for feats, label in held_rows:
            p = verify_probability(model, feats)
            for t in THRESHOLDS:
                if p < t:
                    gain[t] += -lam if label else 1.0
    return max(THRESHOLDS, key=lambda t: (gain[t], -t))


def train_verifier(rows: dict[str, Rows], *, c: float = C) -> dict[str, Any]:
    """A verifier over all ``rows`` with its leave-one-set-out threshold."""
    every = [r for part in rows.values() for r in part]
    model = fit_verifier([f for f, _ in every], [y for _, y in every], c=c)
    model["threshold"] = pick_threshold(rows, c=c)
    return model


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    return read_model(MODEL_PATH)


def verifier_model() -> dict[str, Any] | None:
    """The shipped verifier (None when none ships); the bench swaps ``_model`` for LOWO."""
    return _model()


def save_verifier(model: dict, path: Path = MODEL_PATH) -> None:
    """Write the model as xz-compressed JSON."""
    write_model(model, path)
    _model.cache_clear()
