"""A bare list of activities told in one breath ("Договор, оплата, карту выдаю") is one step per
item; lists of other things, a verb with its objects, a clause with its condition and a recap
of steps told elsewhere stay as they are."""

from __future__ import annotations

from salesmine.process.enumerations import split_listed
from salesmine.process.model import Step


def _step(quote: str, concept: str = "", start: int = 10) -> Step:
    return Step(
        "Анна",
        "a.txt",
        1,
        "шаг",
        quote,
        turn=3,
        start=start,
        end=start + len(quote),
        concept=concept,
    )


def _quotes(steps: list[Step]) -> list[str]:
    return [s.quote for s in steps]


def test_a_list_of_activities_is_one_step_per_item() -> None:
    steps = split_listed([_step("Первичный звонок", "CALL"), _step("Договор, оплата, карту выдаю")])
    assert _quotes(steps) == ["Первичный звонок", "Договор", "оплата", "карту выдаю"]
    assert [s.position for s in steps] == [1, 2, 3, 4]
    payment = steps[2]
    assert payment.concept == "PAYMENT"
    assert (payment.turn, payment.start, payment.end) == (
        3,
        10 + len("Договор, "),
        10 + len("Договор, оплата"),
    )


def test_an_item_that_names_no_activity_stays_with_the_one_before() -> None:
    steps = split_listed([_step("Звонок, замер, Вика, КП, договор")])
    assert _quotes(steps) == ["Звонок", "замер, Вика", "КП", "договор"]


def test_lists_that_are_not_a_process_stay_one_step() -> None:
    for quote in (
        "Показываю зал, бассейн, групповые, детскую комнату",  # rooms, not activities
        "Беру счёт, спецификацию",  # one verb and its objects
        "Звоню клиенту, знакомлюсь, выясняю, что за объект",  # what one call consists of
        "Когда аванс пришёл, запускаем заказ в производство",  # a condition and its step
        "Ну и торгуемся, куда без этого. Скидка, сроки, условия оплаты",  # two sentences
    ):
        assert _quotes(split_listed([_step(quote)])) == [quote]


def test_a_recap_of_steps_told_elsewhere_is_not_split() -> None:
    told = [_step("Звоню", "CALL"), _step("Еду на встречу", "MEET"), _step("КП отправляю", "OFFER")]
    recap = _step("Звонок, встреча, КП, договор")
    assert _quotes(split_listed([*told, recap]))[-1] == recap.quote


def test_english_steps_are_left_alone() -> None:
    step = Step("Ann", "a.txt", 1, "step", "Contract, payment, invoice", language="en")
    assert _quotes(split_listed([step])) == ["Contract, payment, invoice"]


TERSE = (
    "Интервьюер: Как у вас идёт продажа?\n"
    "Лукина: Заявку проверяю в CRM. Потом звоню клиенту, зову на гостевой визит.\n"
    "Интервьюер: А после визита?\n"
    "Лукина: Договор, оплата, карту выдаю. Потом записываю на вводную к тренеру."
)


def test_extraction_splits_a_told_list(interview) -> None:  # type: ignore[no-untyped-def]
    from salesmine.process.step_model import load_tagger
    from salesmine.process.steps import extract_steps

    steps = extract_steps(interview(TERSE, interviewee="Лукина"), tagger=load_tagger())
    quotes = [s.quote for s in steps]
    assert quotes[quotes.index("Договор") : quotes.index("Договор") + 3] == [
        "Договор",
        "оплата",
        "карту выдаю",
    ]
    assert [s.position for s in steps] == list(range(1, len(steps) + 1))
