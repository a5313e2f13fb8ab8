"""The sales activity lexicon: which words name which activity, and the merge it drives."""

from __future__ import annotations

import pytest

from salesmine.process import MergeSettings, Step, merge_steps
from salesmine.process.concepts import Concept, concept_of, in_sequence
from salesmine.process.similarity import name_concept


@pytest.mark.parametrize(
    ("name", "concept"),
    [
        ("набирать контакты из выгрузки", "CALL"),
        ("обзванивать холодных", "CALL"),
        ("делать первичный прозвон", "CALL"),
        ("назначать встречу", "MEET_SET"),
        ("пригласить клиента на осмотр", "MEET_SET"),
        ("отправлять клиенту расчет", "OFFER"),
        ("отправить андеррайтеру", "CALC"),
        ("выбрать причину в Битриксе", "CRM"),
        ("монтаж", "DELIVERY"),
        ("изучить компанию", ""),
    ],
)
def test_name_concepts(name: str, concept: str) -> None:
    assert name_concept(name).name == concept


def test_phrase_rules_see_the_clause_around_the_verb() -> None:
    assert concept_of(["выяснять"], "выяснять", ["что", "он", "нужно"]) == Concept("NEED", True)
    assert concept_of(["выяснять"], "выяснять").strong is False
    assert concept_of(["звонить", "клиент"], "звонить", ["через", "полгода"]).name == "AFTERSALE"


def test_a_place_is_a_weak_cue_unless_the_verb_agrees() -> None:
    assert concept_of(["выбрать", "причина", "битрикс"], "выбрать", (), ["битрикс"]) == Concept(
        "CRM", False
    )
    assert concept_of(["фиксировать", "crm"], "фиксировать", (), ["crm"]) == Concept("CRM", True)


def test_call_after_the_proposal_is_a_follow_up() -> None:
    call = Concept("CALL", False)
    assert in_sequence(call, "перезванивать", {"CALL", "OFFER"}).name == "OBJECTION"
    assert in_sequence(call, "перезванивать", {"CRM"}).name == "CALL"


def _steps(employee: str, names: list[str]) -> list[Step]:
    return [Step(employee, f"{employee}.txt", k, n, n) for k, n in enumerate(names, start=1)]


def test_lexicon_merges_cold_call_paraphrases() -> None:
    steps = (
        _steps("a", ["набирать контакты из выгрузки", "назначать встречу", "отправлять КП"])
        + _steps("b", ["обзванивать холодных", "договариваться о встрече", "высылать КП"])
        + _steps("c", ["делать первичный прозвон", "назначать встречу", "отправка КП"])
    )
    process = merge_steps(steps)
    assert [a.support for a in process.activities] == [3, 3, 3]
    first = {s.employee: s.name for s in process.steps if s.activity_id == "A01"}
    assert first == {
        "a": "набирать контакты из выгрузки",
        "b": "обзванивать холодных",
        "c": "делать первичный прозвон",
    }


def test_crm_told_early_or_late_is_one_activity() -> None:
    steps = (
        _steps("a", ["вносить клиента в CRM", "звонить клиенту", "отправлять КП"])
        + _steps("b", ["звонить клиенту", "отправлять КП", "заносить сделку в Битрикс"])
        + _steps("c", ["звонить клиенту", "заводить карточку в CRM", "отправлять КП"])
    )
    # The hand weights let a known concept decide whatever the position; the learned pair model
    # (trained on the dev gold, where one concept told far apart is often two activities) does
    # not, and keeps these three wordings apart: see benchmarks/merge_pairs_bench.py.
    process = merge_steps(steps, settings=MergeSettings(learned_pairs=False))
    assert len(process.activities) == 3 and not process.personal_steps


@pytest.mark.parametrize(
    ("name", "concept"),
    [
        ("получить заявку с сайта", "LEAD"),
        ("подать заявку на кредит", "FINANCE"),
        ("собрать документы в банк", "FINANCE"),
        ("забронировать квартиру", "RESERVE"),
        ("зарезервировать товар", "RESERVE"),
        ("отправить договор на регистрацию", "REGISTRATION"),
        ("отправить подборку вариантов", "OFFER"),
        ("назначить подписание", "SIGN"),
        ("провести демонстрацию в шоуруме", "MEET"),
    ],
)
def test_general_sales_vocabulary(name: str, concept: str) -> None:
    assert name_concept(name).name == concept
