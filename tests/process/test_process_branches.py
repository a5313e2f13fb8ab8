"""Talk about the sale that adds no step: the lost-deal branch, exceptions ("если клиент крупный,
подключаю директора"), recaps and summaries, small talk; and a head's "они" about the team."""

from __future__ import annotations

import pytest

from salesmine.process import extract_steps
from salesmine.process.branches import lost_question, recap_question
from salesmine.text import normalize_text

MAIN = (
    "Сначала я обзваниваю базу. Потом назначаю встречу. Дальше готовлю коммерческое предложение "
    "и отправляю клиенту. Потом согласовываю договор."
)


def steps(interview, *turns: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Quotes of the steps of an interview of alternating question / answer texts."""
    lines = [f"{'Интервьюер' if k % 2 == 0 else 'Ольга'}: {text}" for k, text in enumerate(turns)]
    transcript = interview("\n".join(lines), interviewee="Ольга")
    return [s.quote for s in extract_steps(transcript)]


def main_only(interview) -> list[str]:  # type: ignore[no-untyped-def]
    return steps(interview, "Расскажите по шагам, как вы продаёте.", MAIN)


def test_lost_deal_branch_in_a_sentence_is_not_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        MAIN + " Если отказ — закрываю сделку в CRM и ставлю причину.",
    )
    assert told == main_only(interview)
    assert not any("причин" in q or "закрываю" in q for q in told)


def test_follow_up_condition_still_heads_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        "Сначала я обзваниваю базу. Потом отправляю КП. Если клиент молчит, перезваниваю.",
    )
    assert any("перезваниваю" in q for q in told)


@pytest.mark.parametrize(
    "question",
    [
        "А если клиент отказывается?",
        "Бывают отказы?",
        "Что происходит, если клиент не соглашается?",
    ],
)
def test_answer_about_a_lost_deal_adds_no_step(interview, question: str) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        MAIN,
        question,
        "Закрываю сделку, пишу причину и ставлю себе задачу перезвонить через полгода.",
    )
    assert told == main_only(interview)


@pytest.mark.parametrize(
    "question", ["Подведёте итог?", "Если в двух словах?", "Повторите коротко."]
)
def test_recap_adds_no_step(interview, question: str) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        MAIN,
        question,
        "Звоню, встречаюсь, отправляю предложение, согласовываю договор, выставляю счёт.",
    )
    assert told == main_only(interview)


def test_exception_side_action_is_not_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        MAIN + " Если клиент крупный, подключаю директора.",
    )
    assert not any("директора" in q for q in told)


def test_alternative_is_part_of_its_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        "Сначала обзваниваю базу. Потом встречаюсь с клиентом — либо еду к нему, либо зову к нам "
        "в офис.",
    )
    assert len(told) == 2 and "зову" in told[1]


def test_small_talk_answer_with_a_buried_marker_is_not_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        MAIN,
        "А выставки вам реально дают клиентов?",
        "Дают. На выставке я собираю визиток сто, из них потом разговаривать готовы человек "
        "двадцать.",
    )
    assert told == main_only(interview)


def test_head_of_sales_they_is_the_team(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как работает ваш отдел.",
        "Я руковожу отделом, у меня пять менеджеров. Сначала они обзванивают базу. Потом "
        "назначают встречу. Юристы клиента правят договор.",
    )
    assert len(told) == 2 and "обзванивают" in told[0] and "назначают" in told[1]


def test_sellers_they_is_not_the_team(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        "Сначала я обзваниваю базу. Потом они назначают встречу.",
    )
    assert len(told) == 1


def test_question_kinds() -> None:
    assert lost_question(normalize_text("А если клиент отказал?"))
    assert not lost_question(normalize_text("А если клиент говорит «дорого»?"))
    assert recap_question(normalize_text("Можете ещё раз коротко пройтись по шагам?"))
    assert not recap_question(normalize_text("Расскажите коротко, чем вы занимаетесь."))


def test_summary_sentence_adds_no_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        MAIN,
        "Что-нибудь ещё добавите?",
        "Да нет. Сначала обзваниваю, потом назначаю встречу, потом отправляю предложение, потом "
        "согласовываю договор.",
    )
    assert told == main_only(interview)


def test_order_marker_opening_the_sentence_counts_past_the_clients_verb(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        "Сначала согласовываю договор. Потом клиент присылает заявку, я её принимаю.",
    )
    assert len(told) == 2 and "принимаю" in told[1]


def test_remark_after_a_dash_spares_the_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как вы продаёте.",
        "Сначала обзваниваю базу. В конце месяца выставляю счёт и контролирую оплату — у "
        "нас зарплата от оплаченной выручки.",
    )
    assert len(told) == 2 and "счёт" in told[1]


def test_waiting_and_other_departments_are_not_steps(interview) -> None:  # type: ignore[no-untyped-def]
    told = steps(
        interview,
        "Расскажите по шагам, как работает ваш отдел.",
        "Я руковожу отделом. Сначала они обзванивают базу. Потом тарифники считают ставку, "
        "а мы ждём ставку три дня.",
    )
    assert len(told) == 1
