"""Whose action a clause tells (session 9, issue 5): the head describing what the sellers do,
a process told in the passive, and first-person clauses that the rules used to give away."""

from __future__ import annotations

from salesmine.process.actions import analyze
from salesmine.process.agency import Actor, Teller, own_action
from salesmine.process.chunking import step_groups
from salesmine.process.passive import passive_action


def _verb(words, lemma: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, w in enumerate(words) if w.lemma == lemma)


def _after(sentence: str) -> Teller:
    """The teller after ``sentence`` was told (the Actor follows it)."""
    actor = Actor()
    actor.follow(analyze(sentence, "ru"))
    return Teller(actor=actor)


def test_he_is_obliged_to_do_it_after_the_seller_was_named() -> None:
    teller = _after("Менеджер принимает звонок.")
    words = analyze("Потом он обязан внести клиента в таблицу.", "ru")
    assert own_action(words, _verb(words, "внести"), True, teller)


def test_a_seller_of_our_branch_named_after_the_verb() -> None:
    words = analyze("Замер проводит менеджер филиала сам.", "ru")
    assert own_action(words, _verb(words, "проводить"), False)
    words = analyze("Замер проводит менеджер салона.", "ru")  # someone else's manager
    assert not own_action(words, _verb(words, "проводить"), False)


def test_a_hedge_in_another_clause_does_not_hedge_the_step() -> None:
    words = analyze("Чего, наверное, никто не делает: после отгрузки мы проводим обучение.", "ru")
    assert own_action(words, _verb(words, "проводить"), False)
    words = analyze("Может, проведём обучение.", "ru")
    assert not own_action(words, next(i for i, w in enumerate(words) if w.pos == "VERB"), False)


def test_a_strong_passive_needs_no_subject() -> None:
    words = analyze("Потом всё это вносится в CRM.", "ru")
    assert passive_action(words, _verb(words, "вноситься"), False)
    words = analyze("Это считается нормой.", "ru")  # a verdict, not an action
    assert not passive_action(words, _verb(words, "считаться"), False)


def test_a_passive_with_an_indirect_question_for_subject() -> None:
    words = analyze("Сначала выясняется, сколько у них точек.", "ru")
    assert passive_action(words, _verb(words, "выясняться"), False)
    words = analyze("Потом выясняется, что он уже купил.", "ru")  # it turns out
    assert not passive_action(words, _verb(words, "выясняться"), False)


def test_a_passive_teller_hands_the_client_over() -> None:
    words = analyze("Клиент передаётся в отдел сопровождения.", "ru")
    verb = _verb(words, "передаваться")
    assert own_action(words, verb, False, Teller(impersonal=True))
    assert not own_action(words, verb, False, Teller())


def test_leads_that_come_to_the_speaker() -> None:
    words = analyze("В общем, мне падают заявки с сайта.", "ru")
    assert own_action(words, _verb(words, "падать"), False)
    words = analyze("Заявки падают из разных мест.", "ru")
    assert not own_action(words, _verb(words, "падать"), False)


def test_a_past_step_placed_before_the_previous_one() -> None:
    words = analyze("До этого я им отправил смету.", "ru")
    groups = step_groups(words, "ru", is_item=False, narrated=False)
    assert [words[head].lemma for _, head, _ in groups] == ["отправить"]
