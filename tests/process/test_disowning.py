"""What the speaker disowns right where they say it ("Акт подписывает прораб, это не ко мне"):
the clauses the phrase points at are no steps; "дальше уже не моё" points only forward, so the
speaker's own step before it stays."""

from __future__ import annotations

from salesmine.process.actions import analyze
from salesmine.process.disowning import disownings
from salesmine.process.step_model import load_tagger
from salesmine.process.steps import extract_steps, verdicts

INTERVIEW = """
Интервьюер: Расскажите, что вы делаете с заявкой.
Лариса: Сначала звоню клиенту и уточняю размеры окна. Потом выезжаю на замер.
Интервьюер: А монтаж?
Лариса: Монтаж назначает диспетчер Олег, это не ко мне. Я считаю смету и отправляю клиенту.
Интервьюер: А приёмка?
Лариса: Это уже не я. Акт подписывает прораб.
Интервьюер: А в конце?
Лариса: Выставляю счёт, и всё, дальше уже не моё. Потом Олег ведёт. Доставка, сборка — это всё он.
"""


def _told(interview) -> list[str]:  # type: ignore[no-untyped-def]
    transcript = interview(INTERVIEW, interviewee="Лариса")
    return [s.quote for s in extract_steps(transcript, tagger=load_tagger())]


def test_the_phrase_points_back_or_forward() -> None:
    (back,) = disownings(analyze("Монтаж назначает диспетчер Олег, это не ко мне.", "ru"))
    assert back.back and not back.opens
    (on,) = disownings(analyze("Выставляю счёт, и всё, дальше уже не моё.", "ru"))
    assert not on.back
    assert disownings(analyze("Замеры, сметы — это всё она.", "ru"))
    # a kind of client, an opinion in a subordinate clause, someone's doing: nothing disowned
    assert not disownings(analyze("Мелкие заказы — это не наш клиент.", "ru"))
    assert not disownings(analyze("Я понимаю, что это не моё дело.", "ru"))
    assert not disownings(analyze("Это они нас проверяют.", "ru"))


def test_disowned_clauses_are_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    judged = verdicts(interview(INTERVIEW, interviewee="Лариса"), generous=True)
    assert judged["Монтаж назначает диспетчер Олег"] == "disowned"
    assert judged["Акт подписывает прораб"] == "disowned"  # the sentence after "Это уже не я"
    told = " | ".join(_told(interview))
    assert "диспетчер" not in told and "прораб" not in told
    assert "Выставляю счёт" in told  # before "дальше уже не моё": the speaker's own last step
    assert "считаю смету" in told
    assert "Доставка" not in told  # "— это всё он"
