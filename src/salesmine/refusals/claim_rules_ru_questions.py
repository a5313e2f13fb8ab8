"""Russian product questions: "а рассрочку вы даёте?" left unanswered or answered "нет";
"спросил про X", "есть ли у вас X", "можно ли оплатить частями" followed by "не смог ответить"
or "сказал, что нет"."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent, phrase_after_cue
from salesmine.refusals.claim_context import (
    Note,
    answer_status,
    has_unanswered_cue,
    owner,
    topic,
)
from salesmine.refusals.claim_hits import SKIP_RU, Hit, Span, phrase, product_context
from salesmine.refusals.claim_phrases import Tok
from salesmine.refusals.claim_rules_ru import person


def questions(note: Note) -> list[Hit]:
    """ "а рассрочку вы даёте?" left unanswered or answered "нет"; "спросил про X", "есть ли у
    вас X", "можно ли оплатить частями" followed by "не смог ответить" or "сказал, что нет"."""
    hits = []
    cue = has_unanswered_cue(note)
    for a, b in note.sentences:
        asked = any(t.text == "?" for t in note.toks[a:b])
        for k in range(a, b):
            if asked and _asks_company(note, k):
                span = _from_whom(note.toks, phrase_after_cue(note.toks, k + 1, b, "ru"))
                span = span or phrase(note, k + 1, k, SKIP_RU)
                status = answer_status(note, note.toks[b - 1].end)
            elif _reported_question(note, k):
                span = phrase_after_cue(note.toks, k + 1, b, note.lang)
                if span is None and note.toks[k].low == "ли":
                    span = antecedent(note.toks, k - 1, "ru")  # "нужен X. Есть ли у нас — не знаю"
                elif span is None:
                    span = topic(note, k)  # "X без проводов — спросили, я сказал узнаю"
                # A reported question needs a stated non-answer: "спросила про X, отправил
                # условия" was answered.
                status = "unanswered" if cue >= note.toks[a].start else _reply(note, span, b)
            else:
                continue
            if span and status in ("unanswered", "none", "negative"):
                source = "manager" if status == "negative" else "unanswered"
                hits.append(Hit(span, k, source, product_context(note.toks[k - 1])))
    return hits


def _from_whom(toks: list[Tok], span: Span | None) -> Span | None:
    """ "а вы возвраты забираете у покупателей?": after "у" is from whom, not the thing (it
    stands before the verb)."""
    return None if span is None or (span[0] > 0 and toks[span[0] - 1].low == "у") else span


def _reply(note: Note, span: tuple[int, int] | None, end: int) -> str:
    """How a reported question was answered, right after it or in the next sentence; "none"
    does not count here: "спросила про X, отправил условия" was answered."""
    if span is None:
        return ""
    status = answer_status(note, note.toks[span[1] - 1].end)
    if status in ("other", "none"):
        status = answer_status(note, note.toks[end - 1].end)
    return "" if status == "none" else status


def _asks_company(note: Note, k: int) -> bool:
    """A verb put to the company in a question: "вы даёте", "у вас есть", "вы присылаете"."""
    tok = note.toks[k]
    if tok.pos != "VERB" and tok.low not in ("есть", "можно"):
        return False
    who, _ = owner(note, k)
    offered = tok.low in ("есть", "можно") or tok.lemma in lex.OFFER_VERBS_RU
    if person(tok.low) == "you" or (who == "you" and offered):
        return True
    # "каталоги на пружине собираем?", "нержавейку печатаем?": the manager asks the team
    if person(tok.low) == "we" and k + 1 < len(note.toks) and note.toks[k + 1].text == "?":
        return True
    # "а рассрочка есть?" with no owner: the client asking us — unless the manager asked it
    a, _ = note.sentence_of(k)
    return tok.low == "есть" and not who and not any(t.low == "я" for t in note.toks[a:k])


def _reported_question(note: Note, k: int) -> bool:
    """ "спросил про X", "спрашивал X", "интересовался X", "делаете ли X", "можно ли X"."""
    toks = note.toks
    tok = toks[k]
    if tok.lemma in ("спросить", "спрашивать", "интересоваться", "поинтересоваться"):
        return True
    if tok.lemma in ("вопрос", "запрос") and k + 1 < len(toks):
        # "на вопрос про X ответа не было", "Вопрос по кросс-доку: можем ли ...": not
        # "вопросов по договору нет" (the caller wants the question left open)
        about = ("про", "о", "об", "насчет") + (("по",) if tok.low in ("вопрос", "запрос") else ())
        return toks[k + 1].low in about
    return (
        tok.low == "ли"
        and k > 0
        and (
            toks[k - 1].lemma in lex.OFFER_VERBS_RU
            or toks[k - 1].lemma == "мочь"
            or toks[k - 1].low in ("есть", "можно", "будет", "нет")
        )
    )
