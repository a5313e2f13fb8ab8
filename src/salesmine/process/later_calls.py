"""A call told later in the process is not the first call again: told once the meeting was, it
follows the meeting up ("На следующий день звоню, узнаю впечатления"); told right after the
contract or the delivery, it is the after-sale call ("Через месяц звоню, спрашиваю, как
работает"). ``elaboration`` re-reads a call's activity by what was told before it."""

from __future__ import annotations

from salesmine.process import lexicon as lx
from salesmine.process.candidates import Candidate
from salesmine.process.concepts import CALL_VERBS, FOLLOW_UP, Concept

_CALL, _AFTER_SALE, _MEETING = "CALL", "AFTERSALE", "MEET"  # activities of concepts.py
_CLOSING = frozenset({"SIGN", "PAYMENT", "DELIVERY"})


def after_meeting(concept: Concept, head: str, told: set[str]) -> Concept:
    """A call told once the meeting was ("На следующий день звоню, узнаю впечатления", "делаю
    контрольный звонок") follows the meeting up: the first call comes before it."""
    calls = head in CALL_VERBS or head in lx.LIGHT_VERBS_RU
    if concept.name == _CALL and calls and _MEETING in told:
        return Concept(FOLLOW_UP, concept.strong)
    return concept


def after_sale(concept: Concept, head: str, previous: Candidate | None) -> Concept:
    """A call told right after the contract or the delivery is the after-sale call ("Через
    месяц звоню, спрашиваю, как работает"), not the first call again nor the negotiation (a
    call told later to fill a gap, "А между девятым и десятым пунктом?", is not)."""
    closing = previous is not None and previous.concept.name in _CLOSING
    if head in CALL_VERBS and concept.name in {_CALL, FOLLOW_UP} and closing:
        return Concept(_AFTER_SALE, concept.strong)
    return concept
