"""English absence-claim rules: "we don't offer X", "you don't have X", "no X on our side",
"X isn't available", "competitor has X, we don't" (questions: ``claim_rules_en_questions``)."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent
from salesmine.refusals.claim_context import Note, own_phrase_after, positive_offer
from salesmine.refusals.claim_hits import (
    SKIP_EN,
    Hit,
    named_as,
    phrase,
    product_context,
    question_source,
    skip_words,
    source_of,
)
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right

_OWN_NOUNS = frozenset(
    (
        "lineup",
        "catalog",
        "catalogue",
        "portfolio",
        "offer",
        "offering",
        "range",
        "product",
        "line",
        "package",
        "plan",
        "policy",
        "assortment",
        "menu",
    )
)
_BE = frozenset(("is", "are", "was", "were", "'s", "'re"))
_UN_PASSIVE = frozenset(("unavailable", "unsupported"))
_PASSIVE = frozenset(
    ("available", "offered", "provided", "supported", "included", "sold", "covered", "possible")
)
_TRIGGERS = (
    "not", "never", "stop", "lack", "longer", "unable", "miss", "missing", "discontinue",
)  # fmt: skip
# Verbs that are the trigger and the verb at once: "we lack X", "we discontinued X".
_SELF_VERBS = frozenset(("lack", "miss", "missing", "discontinue"))
_SUBJECT_SKIP = frozenset(
    (
        "no",
        "guys",
        "are",
        "is",
        "'re",
        "am",
        "was",
        "were",
        "'s",
        "still",
        "currently",
        "just",
        "simply",
        "also",
        "apparently",
        "probably",
        "really",
        "actually",
        "definitely",
        "certainly",
        "obviously",
        "supposedly",
        "unfortunately",
        # "Said we \"don't do X\"", "we (apparently) don't": a quote or an aside between
        '"',
        "'",
        "“",
        "‘",
        "(",
        ")",
        "apparently",
        "allegedly",
    )
)
# "our platform doesn't support X": the company speaks through its product.
_COMPANY_NOUNS = frozenset(
    (
        "company",
        "team",
        "product",
        "platform",
        "system",
        "app",
        "software",
        "plan",
        "policy",
        "offer",
        "lineup",
        "catalog",
        "catalogue",
        "tool",
    )
)


def negated_verb(note: Note) -> list[Hit]:
    """ "we don't offer X", "you don't have X", "we can't provide X", "we no longer sell X",
    "we stopped making X", and the elided "competitor has X, we don't"."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.lemma not in _TRIGGERS and tok.low not in _TRIGGERS:
            continue
        who = _subject(note, k)
        v = k if tok.lemma in _SELF_VERBS else skip_words(toks, k + 1, SKIP_EN)
        if not who and v + 2 < len(toks) and toks[v].low == "something":
            # "it's not something we offer": the subject comes after "something"
            j = v + 2 if toks[v + 1].low == "that" else v + 1
            who = "we" if toks[j].low in lex.WE_EN else "you" if toks[j].low in lex.YOU_EN else ""
            v = j + 1
        if not who:
            continue
        if tok.lemma == "stop" and v < len(toks) and toks[v].lemma not in lex.OFFER_VERBS_EN:
            v = k  # "we stopped manned guarding": what was stopped follows directly
        found = _denied(note, k, v)
        if found is None:
            continue
        span, context, weak = found
        source = question_source(note, k, source_of(note, k, who)) if span else None
        if span and source:
            verb = toks[v].text if weak and v < len(toks) else ""
            hits.append(Hit(span, k, source, context, weak, verb=verb))
    return hits


def _denied(note: Note, k: int, v: int) -> tuple[tuple[int, int] | None, str, bool] | None:
    """What "not" at ``k`` with the verb at ``v`` denies: (phrase, context verb, weak)."""
    toks = note.toks
    if v < len(toks) and (toks[v].lemma in lex.OFFER_VERBS_EN | _SELF_VERBS or v == k):
        return phrase(note, v + 1, k, SKIP_EN, after_verb=True), product_context(toks[v]), False
    if _elided(toks, v):
        return positive_offer(note, k) or _asked_for(note, k), "", False
    if _weak_verb(toks, v, toks[k]):
        # "we don't haul reefer loads": a verb the offer list lacks; the classifier decides
        return phrase(note, v + 1, k, SKIP_EN, after_verb=True), "", True
    return None


def _weak_verb(toks: list[Tok], v: int, trigger: Tok) -> bool:
    """The word after "we don't" / "we can't" is a verb; one outside the offer list is a weak
    trigger unless it is about knowing, wanting or buying ("we don't need X")."""
    if trigger.lemma in _SELF_VERBS or trigger.low in ("never", "longer") or v >= len(toks):
        return False
    tok = toks[v]
    return tok.word and tok.low.isalpha() and tok.lemma not in lex.NOT_OFFER_VERBS_EN


def _asked_for(note: Note, k: int) -> tuple[int, int] | None:
    """ "Asked for marble polishing. We don't.": what the client asked for or needed."""
    return antecedent(note.toks, k, note.lang, nearest=False)


def _elided(toks: list[Tok], v: int) -> bool:
    """ "... and we don't." / "we do not, per the client": the verb is left out."""
    return (
        v >= len(toks)
        or not toks[v].word
        or toks[v].low in ("per", "either", "though", "anymore", "any", "yet", "now")
    )


def _subject(note: Note, k: int) -> str:
    """The subject before "don't" / "can't" / "no longer" / "stopped": "we", "you" or ""."""
    j = k - 1
    while j >= 0 and (note.toks[j].low in lex.ENGLISH_AUX or note.toks[j].low in _SUBJECT_SKIP):
        j -= 1
    if j < 0:
        return ""
    if note.toks[j].low in ("and", "but", "so") and j > 0:
        # "we're not a HubSpot partner and don't do CRM implementation"
        a, _ = note.sentence_of(k)
        return next(
            (_owner_word(t.low) for t in reversed(note.toks[a:j]) if _owner_word(t.low)), ""
        )
    low = note.toks[j].low
    before = note.toks[j - 1].low if j > 0 else ""
    # "our platform doesn't", "your CRM doesn't": the company speaks through its product
    owner_word = before if low in _COMPANY_NOUNS or before in ("our", "your") else low
    if owner_word in lex.YOU_EN:
        return "you"
    if owner_word in lex.WE_EN:
        return "we"
    return ""


def passive(note: Note) -> list[Hit]:
    """ "X isn't available from us", "X is not offered on our side", "our X isn't supported"."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        # "X isn't available", the note-style "X not available", and "X is unavailable"
        negated = tok.lemma == "not" or tok.low in _UN_PASSIVE
        if not negated or k < 2 or not (toks[k - 1].low in _BE or toks[k - 1].word):
            continue
        v = k if tok.low in _UN_PASSIVE else skip_words(toks, k + 1, SKIP_EN)
        if v >= len(toks):
            continue
        in_our = toks[v].low in ("in", "part") and any(
            t.low == "our" and j + 1 < len(toks) and toks[j + 1].lemma in _OWN_NOUNS
            for j, t in enumerate(toks[v : v + 4], start=v)
        )
        if toks[v].low not in _PASSIVE and not in_our and v != k:
            continue
        be = toks[k - 1].low in _BE
        span = np_left(toks, k - 1 if be else k, note.lang)
        if span is None and toks[k - 2].low in ("that", "it", "this"):
            span = antecedent(toks, k - 2, note.lang)  # "wanted X; that's not possible with us"
        if span is None or not is_product_phrase(toks, span, note.lang):
            continue
        a, b = note.sentence_of(k)
        ours = (
            in_our
            or own_phrase_after(note, v + 1)
            or any(
                t.low in lex.WE_EN | lex.YOU_EN or t.lemma in ("tell", "explain") for t in toks[a:b]
            )
            # "ops said engraving isn't offered": someone reports the company's offer
            or _reported(toks, a, k)
            # "Annual billing isn't available": nobody else named, so the company's offer
            or (span[0] == _first_word(toks, a) and not _their(toks, a, k))
        )
        if ours:
            hits.append(Hit(span, k, source_of(note, k, "we")))
    return hits


def _reported(toks: list[Tok], a: int, k: int) -> bool:
    """ "ops said engraving isn't offered": said of the company, not of "their" things."""
    said = [j for j in range(a, k) if toks[j].lemma == "say"]
    return bool(said) and not _their(toks, said[-1] + 1, k)


def _first_word(toks: list[Tok], a: int) -> int:
    while a < len(toks) and not toks[a].word:
        a += 1
    return a


def _their(toks: list[Tok], a: int, b: int) -> bool:
    return any(t.low in lex.THEY_EN or t.low in lex.CLIENT_CUES_EN for t in toks[a:b])


def _owner_word(low: str) -> str:
    return "we" if low in lex.WE_EN or low == "we're" else "you" if low in lex.YOU_EN else ""


def no_phrase(note: Note) -> list[Hit]:
    """ "no X on our side", "we have no X", "there is no X with us"."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low == "none" and _we_have_none(note, k):
            span = antecedent(toks, k, note.lang)  # "they need X; our tool has none"
            if span and is_product_phrase(toks, span, note.lang):
                hits.append(Hit(span, k, source_of(note, k, "we")))
            continue
        if tok.low != "no" or (k + 1 < len(toks) and toks[k + 1].low == "longer"):
            continue
        if _no_such_thing(note, k):
            span = antecedent(toks, k, note.lang)  # "wanted X. Told him no such thing here"
            if span and is_product_phrase(toks, span, note.lang):
                hits.append(Hit(span, k, source_of(note, k, "we")))
            continue
        span = named_as(toks, np_right(toks, k + 1, note.lang), note.lang)
        if span is None or not is_product_phrase(toks, span, note.lang):
            continue
        have = k > 1 and toks[k - 1].lemma == "have" and toks[k - 2].low in lex.WE_EN | lex.YOU_EN
        have = have or _listing_has_no(toks, k)
        ours = (
            have
            or own_phrase_after(note, span[1])
            or _after_our_clause(note, k)
            or _told_no(note, k)
        )
        if ours or _reported_there_is_no(note, k) or _attributed(toks, span[1]):
            yours = toks[k - 2].low in lex.YOU_EN or (k > 2 and toks[k - 3].low == "your")
            who = "you" if have and yours else "we"
            hits.append(Hit(span, k, source_of(note, k, who)))
    return hits


def _listing_has_no(toks: list[Tok], k: int) -> bool:
    """ "our range has no X", "your catalogue has no X": what the company lists lacks it."""
    if (
        k > 2
        and toks[k - 1].lemma == "have"
        and toks[k - 2].low in _OWN_NOUNS
        and toks[k - 3].low in ("our", "your")
    ):
        return True
    # "our POS has no kitchen display", "your app has no dark mode": a product of ours (a
    # word or two after "our"/"your", no people) lacks X
    if k < 3 or toks[k - 1].low not in ("has", "have"):
        return False
    for j in range(k - 3, max(-1, k - 5), -1):
        if toks[j].low in ("our", "your"):
            named = toks[j + 1 : k - 1]
            return all(t.word and t.low not in _PEOPLE_EN for t in named)
    return False


_PEOPLE_EN = frozenset(
    """client clients customer customers team rep reps manager managers staff office boss
    contact lead buyer owner side guy guys people person driver drivers""".split()
)


def _told_no(note: Note, k: int) -> bool:
    """ "told them no on-site repair": the note's writer (or we) told the client "no X"."""
    toks = note.toks
    a, _ = note.sentence_of(k)
    told = [j for j in range(a, k) if toks[j].lemma in ("tell", "explain", "say")]
    if not told:
        return False
    j = told[-1]
    # "sales said no streaming", "our team told them no airport pickups": our side told them
    ours = j > a and (toks[j - 1].low in _OUR_STAFF_EN or toks[j - 1].low in lex.WE_EN)
    writer = j == _first_word(toks, a) or ours
    return writer and k - j <= 3


def _we_have_none(note: Note, k: int) -> bool:
    """ "our tool has none", "we have none": the company's product has no such thing."""
    toks = note.toks
    if k < 2 or toks[k - 1].lemma != "have":
        return False
    return _subject(note, k - 1) == "we" or toks[k - 2].low in lex.WE_EN


def _after_our_clause(note: Note, k: int) -> bool:
    """ "we only lease new trucks, no used equipment": "no X" added to what we do."""
    toks = note.toks
    if k == 0 or toks[k - 1].text not in (",", "—", "-", ";"):
        return False
    a, _ = note.sentence_of(k)
    before = [t.low for t in toks[a : k - 1]]
    return any(w in lex.WE_EN for w in before) and not any(w in lex.THEY_EN for w in before)


def _no_such_thing(note: Note, k: int) -> bool:
    """ "no such thing here", "no such option with us", "told him there's no such service"."""
    toks = note.toks
    if k + 2 >= len(toks) or toks[k + 1].low != "such":
        return False
    a, b = note.sentence_of(k)
    ours = own_phrase_after(note, k + 3) or (k + 3 < len(toks) and toks[k + 3].low == "here")
    told = any(t.lemma in ("tell", "say", "explain") for t in toks[a:k])
    return ours or told


def _reported_there_is_no(note: Note, k: int) -> bool:
    """ "they said there's no X", "client thinks there is no X": a statement about the company."""
    toks = note.toks
    there = k > 1 and toks[k - 1].low in ("is", "'s", "are") and toks[k - 2].low == "there"
    a, _ = note.sentence_of(k)
    return there and any(t.lemma in lex.SPEECH_VERBS_EN for t in toks[a : k - 2])


# Our people who tell a client what we lack: "sales said no X", "our team told them no X".
_OUR_STAFF_EN = frozenset(("sales", "team", "rep", "support", "reception", "colleague"))
_ATTRIBUTION_EN = frozenset(("per", "according"))
_LACK_STATES = frozenset(("offered", "available", "provided", "supported", "included"))


def _attributed(toks: list[Tok], end: int) -> bool:
    """ "no backups offered per their office manager", "no X according to them": hearsay that
    the company lacks X, with whose word it is right after the phrase."""
    j = end + (end < len(toks) and toks[end].low in _LACK_STATES)
    return j < len(toks) and toks[j].low in _ATTRIBUTION_EN


def missing_per(note: Note) -> list[Hit]:
    """ "ozon connector missing according to them", "X missing per their audit": a lack told
    by the client (the phrase before "missing", the attribution right after it)."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low not in ("missing", "unavailable") or not _attributed(toks, k + 1):
            continue
        span = np_left(toks, k, note.lang)
        if span and is_product_phrase(toks, span, note.lang):
            hits.append(Hit(span, k, "client"))
    return hits
