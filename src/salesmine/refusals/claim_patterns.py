"""Find absence claims in one note: "у вас нет X", "мы не делаем X", "we don't offer X",
"no X on our side", a comparison with a competitor, or a product question left unanswered.

Rules over lemmas and word order, no parser: each rule looks for a trigger (``нет``, a negated
verb of offering, ``no``, a question), decides whose the missing thing is, takes the product
phrase beside the trigger, and drops claims about budgets, people or time, claims about the
client's own company, and claims the manager corrected in the same note. The rules live in
``claim_rules_ru`` and ``claim_rules_en``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals import claim_rules_en as en
from salesmine.refusals import claim_rules_en_questions as en_questions
from salesmine.refusals import claim_rules_only as only
from salesmine.refusals import claim_rules_ru as ru
from salesmine.refusals import claim_rules_ru_modal as ru_modal
from salesmine.refusals.claim_context import Note, corrected
from salesmine.refusals.claim_hits import Hit, Span, product_context
from salesmine.refusals.claim_phrases import Tok, note_tokens, phrase_text
from salesmine.text import detect_language, sentences

SOURCES = ("client", "manager", "unanswered", "comparison")
MIN_SENTENCE_END_WORD = 4
# Cheap pre-filter: a note without any of these cannot hold a claim (most notes on a big export).
# "не" counts only before a verb of offering a few words on ("не дозвонился" does not).
_IRREGULAR_STEMS = (
    "да[её]",
    "даю",
    "дад",
    "взя",
    "возьм",
    "пришл",
    "мож",
    "смог",
    "бер",
    "вед",
    "шь",
    "получ",
)
_OFFER_STEMS = "|".join(sorted({v[:4] for v in lex.OFFER_VERBS_RU}) + list(_IRREGULAR_STEMS))
_CUE = re.compile(
    r"\bнету?\b|отсутств|\bне\s+(?:\w+\s+){0,2}?(?:" + _OFFER_STEMS + r")"
    r"|\bno\b|n't|\bnot\b|\bnever\b|\?|\black|\bstopped\b|\bли\b|\bпро\b"
    r"|спрашива|спросил|интересовал|\babout\b|\bwhether\b|\bif\b|\bunable\b|нельзя|невозможно"
    r"|получится|перестал|прекрат|снял|сняты|\bmissing\b|только|\bonly\b|\bни\s+одно"
    r"|\b(?:do|does|did|ca|wo|could|would|is|are|was|were)nt\b|discontinu|предусмотр|максимум",
    re.IGNORECASE,
)
RULES: dict[str, tuple[Callable[[Note], list[Hit]], ...]] = {
    "ru": (
        ru.existential,
        ru.negated_verb,
        ru.questions,
        ru_modal.impossible,
        ru_modal.withdrawn,
        only.only_alternative,
        only.bare_no,
    ),
    "en": (
        en.negated_verb,
        en.passive,
        en.no_phrase,
        en_questions.questions,
        en_questions.unconfirmed,
        only.only_alternative,
        only.bare_no,
    ),
}


@dataclass(frozen=True)
class Claim:
    """An absence claim: the product phrase as written, where, the evidence, who said it."""

    mention: str
    start: int
    end: int
    evidence: str
    source: str  # one of SOURCES
    context: str = ""  # a verb naming the product's kind ("страховать"), used when matching


def find_claims(text: str, lang: str | None = None) -> list[Claim]:
    """Absence claims in ``text`` (ru or en), in order of their trigger; empty for most notes."""
    text = text or ""
    if not _CUE.search(text):
        return []
    lang = lang if lang in ("ru", "en") else detect_language(text)
    toks = note_tokens(text, lang)
    ranges = [_token_range(toks, s.start, s.end) for s in sentences(text, lang)]
    note = Note(text, lang, toks, _split_lowercase([r for r in ranges if r[0] < r[1]], toks))
    hits = [hit for rule in RULES[lang] for hit in rule(note)]
    claims: dict[Span, Claim] = {}
    for hit in sorted(hits, key=lambda h: h.trigger):
        if hit.span not in claims and not corrected(note, note.toks[hit.trigger].end, hit.trigger):
            claims[hit.span] = _claim(note, hit)
    return list(claims.values())


def _split_lowercase(ranges: list[Span], toks: list[Tok]) -> list[Span]:
    """CRM notes often go on in lower case after a full stop ("думали у нас скорая. скорой у
    нас нет"): split there too, unless the word before the stop is an abbreviation ("чел.",
    "т.к.", "руб.") — short words are taken for one."""
    out = []
    for a, b in ranges:
        start = a
        for k in range(a + 1, b - 1):
            before, after = toks[k - 1], toks[k + 1]
            if (
                toks[k].text == "."
                and before.word
                and (len(before.text) >= MIN_SENTENCE_END_WORD or before.text.isdigit())
                and (before.text.isalpha() or before.text.replace(",", "").isdigit())
                and after.word
                and after.text[:1].islower()
            ):
                out.append((start, k + 1))
                start = k + 1
        out.append((start, b))
    return out


def _token_range(toks: list[Tok], start: int, end: int) -> Span:
    inside = [k for k, t in enumerate(toks) if t.start >= start and t.end <= end]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _claim(note: Note, hit: Hit) -> Claim:
    """The claim with its evidence: the sentence of the trigger (from the phrase if earlier)."""
    a, b = hit.span
    s_start, s_end = note.sentence_of(hit.trigger)
    first = min(a, s_start)
    if first < s_start:  # the phrase came from an earlier sentence: quote from its sentence
        first = note.sentence_of(a)[0]
    evidence = note.text[note.toks[first].start : note.toks[s_end - 1].end].strip()
    # "можно ли застраховать груз": the verb just before the phrase says what kind it is
    context = hit.context or (product_context(note.toks[a - 1]) if a > 0 else "")
    return Claim(
        phrase_text(note.text, note.toks, hit.span),
        note.toks[a].start,
        note.toks[b - 1].end,
        evidence,
        hit.source,
        context,
    )
