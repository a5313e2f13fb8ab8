"""Find absence claims in one note: "у вас нет X", "мы не делаем X", "we don't offer X",
"no X on our side", a comparison with a competitor, or a product question left unanswered.

Rules over lemmas and word order, no parser: each rule looks for a trigger (``нет``, a negated
verb of offering, ``no``, a question), decides whose the missing thing is, takes the product
phrase beside the trigger, and drops claims about budgets, people or time, claims about the
client's own company, and claims the manager corrected in the same note. The rules live in
``claim_rules_ru*`` and ``claim_rules_en*`` (plus ``claim_rules_only``, ``claim_rules_withdrawn``).

A *weak* rule ("мы не <any verb> X", "we don't <any verb> X": verbs outside the offer lists)
counts only when the claim classifier (``claim_classifier``) reads the note as a claim.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals import claim_rules_en as en
from salesmine.refusals import claim_rules_en_open as en_open
from salesmine.refusals import claim_rules_en_questions as en_questions
from salesmine.refusals import claim_rules_en_scope as en_scope
from salesmine.refusals import claim_rules_only as only
from salesmine.refusals import claim_rules_only_terms as only_terms
from salesmine.refusals import claim_rules_only_wants as only_wants
from salesmine.refusals import claim_rules_ru as ru
from salesmine.refusals import claim_rules_ru_modal as ru_modal
from salesmine.refusals import claim_rules_ru_never as ru_never
from salesmine.refusals import claim_rules_ru_questions as ru_questions
from salesmine.refusals import claim_rules_ru_scope as ru_scope
from salesmine.refusals import claim_rules_scope as scope_rules
from salesmine.refusals import claim_rules_topic_questions as topic_questions
from salesmine.refusals import claim_rules_withdrawn as stopped
from salesmine.refusals.claim_classifier import claim_probability
from salesmine.refusals.claim_context import Note, corrected
from salesmine.refusals.claim_hits import Hit, Span, product_context
from salesmine.refusals.claim_phrases import Tok, note_tokens, phrase_text
from salesmine.refusals.claim_rules_checklist import checklist
from salesmine.text import detect_language, sentences

SOURCES = ("client", "manager", "unanswered", "comparison")
# The claim classifier's probability that lets a weak rule's hit count (see ``_reads_like_claim``).
WEAK_THRESHOLD = 0.5
MIN_SENTENCE_END_WORD = 4
# Short words that end a sentence, never an abbreviation: "сказала что X нет. клиент: ..."
_SHORT_SENTENCE_ENDS = frozenset(("нет", "нету", "да"))
_CLOSING_QUOTES = frozenset('"»”)')
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
    "нашл",
    "нашё",
    "нашел",
    "держ",
)
_OFFER_STEMS = "|".join(sorted({v[:4] for v in lex.OFFER_VERBS_RU}) + list(_IRREGULAR_STEMS))
_CUE = re.compile(
    r"\bнету?\b|отсутств|\bне\s+(?:\w+\s+){0,2}?(?:" + _OFFER_STEMS + r")"
    r"|\bno\b|n't|\bnot\b|\bnever\b|\?|\black|\bstopped\b|\bли\b|\bпро\b"
    r"|спрашива|спросил|интересовал|\babout\b|\bwhether\b|\bif\b|\bunable\b|нельзя|невозможн|никак|не\s+бывает"
    r"|\bне\s+(?:уверен|знаю|знал|в\s+курсе)|\bnot\s+sure|\bне\s+(?:по\s+)?(?:наш|ваш)|\bне\s+к\s+нам|\bне\s+по\s+адресу|у\s+нас\s+увы|\bnone\b|получится|перестал|прекрат|снял|сняты"
    r"|убрал|сверну|отмени|упраздн|dropp|sunset|retired|remov|kill|deprecat|cancel|axed|scrap"
    r"|pulled|\bmissing\b|\bun(?:available|supported)\b|\boutside\b|\bbeyond\b|только|\bonly\b|\bmax|\bmin(?:imum)?\b|\bstrictly\b|\bстрого\b|\bа\s+у\s+(?:нас|вас)\b|\bни\s+одно"
    r"|\b(?:do|does|did|ca|wo|could|would|is|are|was|were)nt\b|discontinu|предусмотр|максимум|[✘✗❌]"
    # any verb "we" deny ("мы не встречаем", "не тянем", "у нас не учат"): a weak rule's hit,
    # kept only when the claim classifier backs it
    r"|\bне\s+\w+(?:ем|им|ём)\b|у\s+нас\s+не\b|" + scope_rules.CUE,
    re.IGNORECASE,
)
_ANY_NEGATION = re.compile(
    r"\b(?:не|ни|никогда|nor|net|nikogda|nelzya|nety)\b|out\s+of\s+scope", re.IGNORECASE
)
RULES: dict[str, tuple[Callable[[Note], list[Hit]], ...]] = {
    "ru": (
        ru.existential,
        ru.negated_verb,
        ru_questions.questions,
        topic_questions.topic_question,
        ru_modal.impossible,
        ru_never.never_on,
        ru_modal.withdrawn,
        stopped.withdrawn_ru,
        ru_scope.not_our_scope,
        ru_scope.bare_impossible,
        ru_scope.unsure,
        only.only_alternative,
        only.bare_no,
        only.rival_but_ours,
        only_wants.only_wanted,
        only_terms.only_condition,
        checklist,
        *scope_rules.RULES_RU,
    ),
    "en": (
        en.negated_verb,
        en.passive,
        en.no_phrase,
        en.missing_per,
        en_questions.questions,
        topic_questions.topic_question,
        topic_questions.asked_topic,
        en_questions.unconfirmed,
        en_open.open_questions,
        en_open.needed_unsure,
        stopped.withdrawn_en,
        en_scope.not_our_scope,
        only.only_alternative,
        only.bare_no,
        only_wants.only_wanted,
        only_terms.only_condition,
        checklist,
        *scope_rules.RULES_EN,
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
    verb: str = ""  # an unbacked weak rule's negated verb (``unbacked_claims``)


def find_claims(text: str, lang: str | None = None) -> list[Claim]:
    """Absence claims in ``text`` (ru or en), in order of their trigger; empty for most notes."""
    text = text or ""
    if not might_claim(text):
        return []
    note = read_note(text, lang)
    hits = [hit for rule in RULES[note.lang] for hit in rule(note)]
    if any(hit.weak for hit in hits) and not _reads_like_claim(text, note.lang):
        hits = [hit for hit in hits if not hit.weak]
    return _claims(note, hits)


def unbacked_claims(text: str, lang: str | None = None) -> list[Claim]:
    """The weak rules' claims ``find_claims`` dropped because the classifier did not back them
    ("фасады не штукатурим"), each with its verb: a caller may back one another way (the
    catalog naming the verb's action for the phrase: ``claims``)."""
    text = text or ""
    if not might_claim(text):
        return []
    note = read_note(text, lang)
    hits = [hit for rule in RULES[note.lang] for hit in rule(note)]
    if not any(hit.weak for hit in hits) or _reads_like_claim(text, note.lang):
        return []
    strong = {hit.span for hit in hits if not hit.weak}
    weak = [hit for hit in hits if hit.weak and hit.verb and hit.span not in strong]
    return _claims(note, weak)


def _claims(note: Note, hits: list[Hit]) -> list[Claim]:
    claims: dict[Span, Claim] = {}
    # a strong rule's claim wins over a weak one on the same phrase; a verb that says what
    # kind of product it is ("we don't rent cameras") is kept whichever rule found the phrase
    for hit in sorted(hits, key=lambda h: (h.weak, h.trigger)):
        end = note.toks[hit.trigger].end
        if hit.span in claims:
            if hit.context and not claims[hit.span].context:
                claims[hit.span] = replace(claims[hit.span], context=hit.context)
        elif hit.listed or not corrected(note, end, hit.trigger, hit.span):
            claims[hit.span] = _claim(note, hit)
    return sorted(claims.values(), key=lambda c: c.start)


def _reads_like_claim(text: str, lang: str) -> bool:
    """Does the claim classifier back a weak rule's hit ("мусор не вывозим", "we don't haul
    X": a verb the offer lists do not know)? Without a shipped model, weak hits are dropped."""
    probability = claim_probability(text, lang)
    return probability is not None and probability >= WEAK_THRESHOLD


@functools.lru_cache(maxsize=16)
def might_claim(text: str) -> bool:
    """The cheap pre-filter: can ``text`` hold a claim at all (a "нет", "не делаем", "no", "?")?"""
    return bool(_CUE.search(text or ""))


def might_claim_any(text: str) -> bool:
    """The pair model's wider pre-filter: ``might_claim``, or any negation at all. The rules
    need a verb of offering after "не"; the model weighs its own cues, and writers deny a
    product with any verb ("у вас не купить", "образцы не высылаем", "never had",
    "out of scope") — or in transliteration ("u nas net")."""
    return might_claim(text) or bool(_ANY_NEGATION.search(text or ""))


def claim_at(note: Note, span: Span, source: str) -> Claim:
    """A claim on the phrase at token ``span`` (evidence: its sentence), for other finders."""
    a, b = span
    s_start, s_end = note.sentence_of(a)
    evidence = note.text[note.toks[s_start].start : note.toks[s_end - 1].end].strip()
    mention = phrase_text(note.text, note.toks, span)
    return Claim(mention, note.toks[a].start, note.toks[b - 1].end, evidence, source)


# A note is read by the rules, the classifier's rescue, the pair model and the verifier in turn:
# the last few readings are kept so each note is tokenised once (callers never change a Note).
@functools.lru_cache(maxsize=16)
def read_note(text: str, lang: str | None = None) -> Note:
    """A note tokenised and split into sentences, as the claim rules read it."""
    lang = lang if lang in ("ru", "en") else detect_language(text)
    toks = without_fillers(note_tokens(text, lang), lang)
    ranges = [_token_range(toks, s.start, s.end) for s in sentences(text, lang)]
    return Note(text, lang, toks, _split_lowercase([r for r in ranges if r[0] < r[1]], toks))


# What may stand before "типа" the noun ("открытого типа", "такого типа", "двух типов").
_NOUN_TYPE_BEFORE = frozenset(("ADJF", "PRTF", "NUMR", "NOUN"))


def without_fillers(toks: list[Tok], lang: str) -> list[Tok]:
    """The tokens without spoken fillers ("у нас типа нет" reads as "у нас нет"): a filler
    between "у нас" and "нет" hides the claim, and taken for a noun it becomes the product.
    "типа" after an adjective, numeral or noun ("МРТ открытого типа") is the noun and stays."""
    if lang != "ru":
        return toks
    return [
        tok
        for k, tok in enumerate(toks)
        if tok.low not in lex.FILLERS_RU or (k > 0 and toks[k - 1].pos in _NOUN_TYPE_BEFORE)
    ]


def _split_lowercase(ranges: list[Span], toks: list[Tok]) -> list[Span]:
    """CRM notes often go on in lower case after a full stop ("думали у нас скорая. скорой у
    нас нет"): split there too, unless the word before the stop is an abbreviation ("чел.",
    "т.к.", "руб.") — short words are taken for one, save "нет" and "да"."""
    out = []
    for a, b in ranges:
        start = a
        for k in range(a + 1, b - 1):
            before, after = toks[k - 1], toks[k + 1]
            if before.text in _CLOSING_QUOTES and k - 2 >= a:
                before = toks[k - 2]  # «"кремацией не занимаемся". клиент ушёл»
            if (
                toks[k].text == "."
                and before.word
                and (
                    len(before.text) >= MIN_SENTENCE_END_WORD
                    or before.text.isdigit()
                    or before.low in _SHORT_SENTENCE_ENDS
                )
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
        hit.verb,
    )
