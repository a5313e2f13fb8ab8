"""Russian step recall (session 10): steps the rules used to miss on a new writer.

- a regulation read out clause by clause, each clause numbered in words and not quoted ("Два-три:
  выезд на склад для замеров.", after "и" or one word and a comma: "Да, два-пять: ..."), is an
  item of the person's list: its bare noun names the step;
- "Начинается с того, что я принимаю заявку" / "Менеджер начинает с того, что находит клиента":
  the "что" clause is the first step itself, not a subordinate clause.
"""

from __future__ import annotations

from salesmine.process.actions import analyze
from salesmine.process.chunking import step_groups
from salesmine.process.list_items import units
from salesmine.process.steps import verdicts as verdicts_of


def _starting(verdicts: dict[str, str], start: str) -> list[str]:
    return [v for quote, v in verdicts.items() if quote.startswith(start)]


REGULATION = (
    "Интервьюер: Расскажите, как вы продаёте.\n"
    "Олег: Я по нашей инструкции пойду, так проще. Пункт два-один: менеджер принимает заявку "
    "с сайта. Два-два: заявка заносится в CRM. Два-три: выезд на склад для замеров. "
    "Два-четыре: составление сметы по замерам.\n"
    "Интервьюер: А образцы в инструкции есть?\n"
    "Олег: Да, два-пять: передача образцов клиенту. И два-шесть: подписание договора поставки."
)


def test_a_clause_read_out_by_its_number_in_words_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(interview(REGULATION, interviewee="Олег"))
    assert _starting(verdicts, "выезд на склад") == ["new"]
    assert _starting(verdicts, "составление сметы") == ["new"]


def test_a_numbered_clause_after_a_lead_in_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(interview(REGULATION, interviewee="Олег"))
    assert _starting(verdicts, "подписание договора") == ["new"]


def test_a_clause_number_in_words_opens_a_list_item() -> None:
    text = "Два-три: выезд на склад для замеров. Срок — два-три дня, не больше."
    found = [(span.text, item is not None) for span, item in units(text, "ru")]
    assert found[0] == ("Два-три: выезд на склад для замеров.", True)
    assert not found[1][1]  # "два-три дня" is a span of days, no clause number


def test_what_the_sale_starts_with_is_the_first_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: С чего всё начинается?\n"
        "Марина: Начинается с того, что я принимаю заявку от магазина. Потом считаю цену.",
        interviewee="Марина",
    )
    assert _starting(verdicts_of(told), "Начинается с того, что я принимаю") == ["new"]


def test_what_the_sale_starts_with_may_put_a_word_after_the_verb() -> None:
    # "Начинается всё с того, что ...": the word between the verb and "с того" changes nothing
    for opening in ("Начинается всё с того", "Начинаю обычно с того"):
        words = analyze(f"{opening}, что менеджеры обзванивают клиентов по базе.", "ru")
        groups = step_groups(words, "ru", is_item=False, narrated=False)
        assert [words[head].lemma for _, head, _ in groups] == ["обзванивать"]


def test_the_lead_in_verb_is_no_step_of_its_own() -> None:
    words = analyze("Менеджер начинает с того, что находит клиента в базе.", "ru")
    groups = step_groups(words, "ru", is_item=False, narrated=False)
    assert [words[head].lemma for _, head, _ in groups] == ["находить"]
