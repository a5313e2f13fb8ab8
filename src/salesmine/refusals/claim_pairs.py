"""A learned second opinion on absence claims: (note, catalog item) pairs.

The claim rules know how writers they were tuned on phrase a claim and miss a quarter to a half
on the next writer (negation inside a quote, a comparison table "us – no", the product named
before "клиент говорит в прайсе нет"). This module looks at the problem from the catalog side:
every catalog item the note names lexically (any run of up to ``MAX_WORDS`` words that
``match_mention`` places) is a candidate, and a logistic regression says how likely the note
claims the company lacks *that* item. Its features are meant to transfer across writers: which
cue classes (negation, "только", a question, "не знаю", a competitor, a purchase, a correction,
pronouns) stand how near the mention, in the same clause or sentence, whether the mention is
quoted, the note-level claim classifier's probability, the match score and route, and the
lemmas right around the mention.

``claim_combine`` decides with it; ``claim_pairs_train`` fits it. The weights ship as
``models/claims/claim_pairs.json.xz``; scoring needs no scikit-learn.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesmine.refusals.catalog_match import CatalogIndex, CatalogMatch
from salesmine.refusals.claim_context import Note, owner
from salesmine.refusals.claim_models import probability, read_model, write_model
from salesmine.refusals.claim_phrases import is_np_word, phrase_text

MODEL_PATH = Path(__file__).parent.parent / "models" / "claims" / "claim_pairs.json.xz"
MAX_WORDS = 5
WINDOW = 5  # lemmas either side of the mention that become bag features
GLUE = frozenset("-/+&")
QUOTES_OPEN, QUOTES_CLOSE = "«“„", "»”"
FUNCTION_POS = frozenset(("PREP", "CONJ", "PRCL", "NPRO", "INTJ"))
FUNCTION_WORDS_EN = frozenset(
    """a an the to of for with and or but on in at by from as is are was were be been it its
    we they you he she i our their your his her us them me my this that these those not no
    do does did don't can could would will should if whether so than then""".split()
)
# Clause boundaries inside a sentence: a cue across one usually belongs to another fact.
CLAUSE_BREAKS = frozenset(
    (",", ";", ":", "—", "–", "(", ")", "но", "а", "однако", "зато", "but", "however", "while")
)
# Cue classes, by lowercase form or lemma. Short, general lists: the point is to transfer.
CUES: dict[str, frozenset[str]] = {
    "neg": frozenset(
        """нет нету не ни никогда нельзя невозможно отсутствовать без no not n't never none
        without cannot dont cant doesnt didnt wont couldnt isnt arent nope lack lacking
        missing unavailable""".split()
    ),
    "only": frozenset("только лишь исключительно only just exclusively solely".split()),
    "ask": frozenset(
        """спросить спрашивать интересоваться поинтересоваться ли вопрос ask asked asking
        whether if wonder inquire question ?""".split()
    ),
    "unsure": frozenset(
        """уточнить узнать выяснить проверить уверенный курс знать ответ ответить check
        confirm sure unsure know answer reply find""".split()
    ),
    "rival": frozenset(
        """конкурент другой остальной competitor competition other others unlike rival
        instead""".split()
    ),
    "have": frozenset("есть иметься быть has have had offer offers gives give includes".split()),
    "bought": frozenset(
        """взять брать оформить купить подписать подключить заключить заказать продлить
        took bought signed purchased ordered renewed booked""".split()
    ),
    "fixed": frozenset(
        """оказаться ошибиться исправить поправить перепутать actually wrong turned mistake
        corrected clarified""".split()
    ),
    "need": frozenset(
        "нужный нужно нужен надо хотеть искать need needs want wants looking".split()
    ),
    "said": frozenset(
        """говорить сказать сказал утверждать считать думать уверять писать said says told
        tell claim claims thinks thought per""".split()
    ),
    "yes": frozenset(
        """да yes confirmed booked scheduled invoice договориться записать согласовать
        подтвердить оформили sure""".split()
    ),
    "you": frozenset("вы ваш you your yours".split()),
    "we": frozenset("мы наш we our ours us".split()),
    "stop": frozenset(
        """снять убрать прекратить перестать закрыть discontinued stopped dropped retired
        removed""".split()
    ),
}


@dataclass(frozen=True)
class Candidate:
    """A catalog item named in a note: the best-scoring token span for it, and the match."""

    span: tuple[int, int]
    match: CatalogMatch
    start: int = 0  # characters of the span in the note
    end: int = 0


def candidate_items(note: Note, index: CatalogIndex, match: Any) -> list[Candidate]:
    """Every catalog item some run of words in the note matches, with its best span (ties:
    the shorter span). ``match`` is ``claims.match_mention`` (passed in: claims imports us)."""
    best: dict[str, Candidate] = {}
    for span in _spans(note):
        text = phrase_text(note.text, note.toks, span)
        key = ("pair candidate", text)  # the same few words recur in note after note
        found = index.cache.get(key)
        if found is None:
            found = index.cache[key] = match(text, index)
        if not found.item:
            continue
        held = best.get(found.item)
        size = span[1] - span[0]
        if held is None or (found.score, -size) > (held.match.score, held.span[0] - held.span[1]):
            chars = (note.toks[span[0]].start, note.toks[span[1] - 1].end)
            best[found.item] = Candidate(span, found, *chars)
    return sorted(best.values(), key=lambda c: c.span)


def _spans(note: Note) -> Iterator[tuple[int, int]]:
    """Runs of 1..MAX_WORDS words joined by spaces or glue ("б/у", "on-site"), neither first
    nor last a function word (a name never is; skipping them halves the catalog look-ups)."""
    toks = note.toks
    for a, first in enumerate(toks):
        if not first.word or _function_word(first):
            continue
        words, b = 0, a
        while b < len(toks) and words < MAX_WORDS:
            if toks[b].word:
                words += 1
            elif toks[b].text not in GLUE:
                break
            b += 1
            if toks[b - 1].word and not _function_word(toks[b - 1]):
                yield (a, b)


def _function_word(tok: Any) -> bool:
    if _capitals(tok.text):
        return False  # "ТО", "ОТ", "IT": an abbreviation, not the function word
    return tok.pos in FUNCTION_POS or tok.low in FUNCTION_WORDS_EN


def _capitals(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _cue_of(tok: Any) -> tuple[str, ...]:
    return _cues_of_forms(tok.low, tok.lemma)


@functools.lru_cache(maxsize=50_000)
def _cues_of_forms(low: str, lemma: str) -> tuple[str, ...]:
    """The cue classes of a word form and its lemma: asked for every token of a note once per
    candidate item, of a vocabulary that repeats from note to note."""
    return tuple(name for name, words in CUES.items() if low in words or lemma in words)


def _clause_ids(note: Note) -> list[int]:
    """A clause number per token: sentences split further at commas, dashes, "но", "but"."""
    ids, current = [], 0
    starts = {a for a, _ in note.sentences}
    for k, tok in enumerate(note.toks):
        if k in starts or tok.low in CLAUSE_BREAKS:
            current += 1
        ids.append(current)
    return ids


def match_rank(cand: Candidate, cands: list[Candidate]) -> int:
    """How many of the note's candidates the catalog matches better than ``cand``."""
    return sum(other.match.score > cand.match.score for other in cands)


def pair_features(
    note: Note, cand: Candidate, probability: float | None, n_cands: int, better: int = 0
) -> dict[str, float]:
    """The features of one (note, item) pair. What the rules found is deliberately not one:
    the rules were tuned on every training writer, so a model given them learns to trust them
    and adds nothing on a new writer (LOWO: recall +1.5 points with them, +4 without).
    ``better`` is ``match_rank``: a loose match while the note names another item exactly
    is mostly a side word ("stock", "carry"), not the product claimed missing."""
    a, b = cand.span
    feats: dict[str, float] = {
        "score": cand.match.score,
        f"route={cand.match.route}": 1.0,
        f"lang={note.lang}": 1.0,
        f"words={min(b - a, 3)}": 1.0,
        f"cands={min(n_cands, 3)}": 1.0,
        f"rank={min(better, 2)}": 1.0,
        "quoted": float(_quoted(note, a)),
        # a mention inside a longer phrase ("pool [cleaning]") may name another product
        "np_left": float(a > 0 and is_np_word(note.toks[a - 1], note.lang)),
        "np_right": float(b < len(note.toks) and is_np_word(note.toks[b], note.lang)),
    }
    p = probability if probability is not None else 0.5
    feats.update({"p_note": p, "p_note_hi": float(p >= 0.5), "p_note_vhi": float(p >= 0.8)})
    feats.update(_cue_features(note, cand.span))
    feats.update(_window_features(note, cand.span))
    return feats


def _cue_features(note: Note, span: tuple[int, int]) -> dict[str, float]:
    """Per cue class: nearness to the mention, same clause, same sentence, side."""
    a, b = span
    s_start, s_end = note.sentence_of(a)
    clauses = _clause_ids(note)
    feats: dict[str, float] = {}
    for k in range(s_start, s_end):
        if a <= k < b:
            continue
        for name in _cue_of(note.toks[k]):
            distance = a - k if k < a else k - b + 1
            feats[f"{name}:near"] = max(feats.get(f"{name}:near", 0.0), 1 / distance)
            feats[f"{name}:sent"] = 1.0
            feats[f"{name}:{'before' if k < a else 'after'}"] = 1.0
            if clauses[k] in (clauses[a], clauses[b - 1]):
                feats[f"{name}:clause"] = 1.0
    for tok in note.toks:  # anywhere in the note (a correction or a purchase later on)
        for name in _cue_of(tok):
            feats[f"{name}:note"] = 1.0
    neg = [k for k in range(s_start, s_end) if "neg" in _cue_of(note.toks[k])]
    if neg:
        nearest = min(neg, key=lambda k: min(abs(k - a), abs(k - b + 1)))
        feats[f"owner={owner(note, nearest)[0] or 'none'}"] = 1.0
    return feats


def _window_features(note: Note, span: tuple[int, int]) -> dict[str, float]:
    """Lemmas within ``WINDOW`` words of the mention in its sentence, left and right apart."""
    a, b = span
    s_start, s_end = note.sentence_of(a)
    feats = {}
    for k in range(max(s_start, a - WINDOW), a):
        feats[f"l:{note.toks[k].lemma}"] = 1.0
    for k in range(b, min(s_end, b + WINDOW)):
        feats[f"r:{note.toks[k].lemma}"] = 1.0
    return feats


def _quoted(note: Note, a: int) -> bool:
    """Is token ``a`` inside quotation marks ("...", «...»)?"""
    before = note.text[: note.toks[a].start]
    opened = sum(before.count(q) for q in QUOTES_OPEN) > sum(before.count(q) for q in QUOTES_CLOSE)
    return opened or before.count('"') % 2 == 1


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    return read_model(MODEL_PATH)


def pair_model() -> dict[str, Any] | None:
    """The shipped pair model (None when none ships); the bench swaps ``_model`` for LOWO."""
    return _model()


def pair_probability(model: dict[str, Any], feats: dict[str, float]) -> float:
    """P(the note claims the company lacks this pair's item)."""
    return probability(model, feats)


def save_pairs(model: dict, path: Path = MODEL_PATH) -> None:
    """Write the model as xz-compressed JSON."""
    write_model(model, path)
    _model.cache_clear()
