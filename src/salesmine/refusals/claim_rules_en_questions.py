"""English product questions left open: "do you offer X?" unanswered or answered no, "asked if we
offer X — couldn't answer", and "couldn't confirm we do X"."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent
from salesmine.refusals.claim_context import Note, answer_status, has_unanswered_cue
from salesmine.refusals.claim_hits import SKIP_EN, Hit, product_context, skip_words
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_right


def questions(note: Note) -> list[Hit]:
    """ "do you offer X?" left unanswered or answered no; "asked if we offer X" / "asked about X"
    followed by "couldn't answer" or "said we don't"."""
    hits = []
    cue = has_unanswered_cue(note)
    toks = note.toks
    for a, b in note.sentences:
        asked = any(t.text == "?" for t in toks[a:b])
        for k in range(a + 1, b - 1):
            direct = (
                asked
                and toks[k - 1].low in ("do", "does", "can", "could")
                and toks[k].low in lex.YOU_EN | {"we"}
            )
            reported = toks[k - 1].lemma in lex.ASK_VERBS_EN and (
                toks[k].low in ("if", "whether", "about", "for") or _embedded(toks, k, b)
            )
            if not (direct or reported):
                continue
            v = skip_words(toks, k + 1, SKIP_EN) if direct else _verb_after(toks, k + 1, b)
            verb = v
            if 0 <= v < b - 2 and toks[v + 1].low in _VERB_PARTICLES and toks[v + 2].word:
                v += 1  # "can you set up the wifi": the particle belongs to the verb
            span = np_right(toks, v + 1 if v >= 0 else k + 1, note.lang, skip_leading_link=v >= 0)
            if span is None and v >= 0 and _pronoun_at(toks, v + 1):
                span = antecedent(toks, k - 1, note.lang)  # "apostille - they asked if we do it"
            if span is None or not is_product_phrase(toks, span, note.lang):
                continue
            if reported:
                status = (
                    "unanswered"
                    if cue >= toks[a].start
                    else answer_status(note, toks[span[1] - 1].end)
                )
            else:
                status = answer_status(note, toks[b - 1].end)
            if status in ("unanswered", "negative") or (direct and status == "none"):
                source = "manager" if status == "negative" else "unanswered"
                hits.append(Hit(span, k, source, product_context(toks[verb]) if v >= 0 else ""))
    return hits


def _verb_after(toks: list[Tok], start: int, end: int) -> int:
    """Index of the offer verb in "if we offer X", "whether we can tint X" (or -1 for
    "about X")."""
    for j in range(start, min(end, start + 3)):
        if toks[j].lemma in lex.OFFER_VERBS_EN and toks[j].low not in lex.WE_EN:
            return j
        # "if we can assemble X", "whether we could dispose of X": what we would do, whatever
        # the verb, unless it is one that offers nothing ("if we can wait")
        after = toks[j + 1] if j + 1 < end else None
        if toks[j].low in _MODALS and after is not None and after.word:
            if after.low not in lex.ENGLISH_NEG and after.lemma not in lex.NOT_OFFER_VERBS_EN:
                return j + 1
    # "asked if we allow BYO wine": any verb we would do, when nobody answered (the caller
    # keeps only unanswered or refused questions)
    if start + 1 < end and toks[start].low in lex.WE_EN | lex.YOU_EN:
        verb = toks[start + 1]
        if verb.word and verb.low not in lex.ENGLISH_NEG | lex.ENGLISH_AUX:
            if verb.lemma not in lex.NOT_OFFER_VERBS_EN:
                return start + 1
    return -1


def _embedded(toks: list[Tok], k: int, end: int) -> bool:
    """ "asked can we supply laptops", "asked do you do X": a direct question reported without
    "if" (``k`` is the modal; ``_verb_after`` reads the rest like "if we can ...")."""
    return (
        toks[k].low in ("can", "could", "do", "does")
        and k + 1 < end
        and toks[k + 1].low in lex.WE_EN | lex.YOU_EN
    )


def _pronoun_at(toks: list[Tok], k: int) -> bool:
    return k < len(toks) and toks[k].low in ("it", "them", "that", "this", "those")


_MODALS = frozenset(("can", "could"))
_VERB_PARTICLES = frozenset(("up", "out", "off", "over", "down"))


_UNSURE_VERBS = frozenset(
    ("confirm", "say", "tell", "know", "check", "answer", "sure", "aware", "certain")
)
_UNSURE_NEG = frozenset(("not", "n't", "never", "unable", "unsure"))


def unconfirmed(note: Note) -> list[Hit]:
    """ "couldn't confirm we do on-site training", "didn't know if we offer leaseback": the
    manager left open whether the company offers it."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.lemma not in _UNSURE_VERBS:
            continue
        if not any(t.low in _UNSURE_NEG or t.lemma in _UNSURE_NEG for t in toks[max(0, k - 3) : k]):
            continue
        j = skip_words(toks, k + 1, frozenset(("if", "whether", "that", "them", "him", "her")))
        if j >= len(toks) or toks[j].low not in lex.WE_EN | lex.YOU_EN:
            continue
        v = skip_words(toks, j + 1, SKIP_EN)
        if (
            v + 1 < len(toks)
            and toks[v].low in lex.ENGLISH_AUX
            and (toks[v + 1].lemma in lex.OFFER_VERBS_EN)
        ):
            v += 1  # "we do offer X"; "we do X" keeps "do" as the verb
        if v < len(toks) and toks[v].lemma in lex.OFFER_VERBS_EN:
            span = np_right(toks, v + 1, note.lang)
            if span and is_product_phrase(toks, span, note.lang):
                hits.append(Hit(span, k, "unanswered", product_context(toks[v])))
    return hits
