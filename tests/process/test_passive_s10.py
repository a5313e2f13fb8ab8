"""Russian step recall (session 10): passives of two-aspect verbs.

- "Организуется монтаж": a verb in "-уется" of two aspects ("организовать", "использовать") that
  the analyzer reads as a perfective future only is a present-tense reflexive passive, so a
  passive of a sales activity told so is the speaker's step as "проводится презентация" is;
- "Потом выясняется, что ...": a passive followed by "что" says what turns out, no step;
"""

from __future__ import annotations

from salesmine.process.steps import verdicts as verdicts_of


def _verdict(transcript, start: str) -> str:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(transcript, generous=True)
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_two_aspect_passive_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Расскажите по шагам, как вы продаёте.\n"
        "Марат: Сначала звоню в ресторан и выясняю задачу. Потом отправляю расчёт.\n"
        "Интервьюер: А после оплаты?\n"
        "Марат: После оплаты организуется монтаж оборудования на кухне.",
        interviewee="Марат",
    )
    assert _verdict(told, "После оплаты организуется монтаж") == "new"


def test_turns_out_passive_is_no_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Расскажите по шагам, как вы продаёте.\n"
        "Марат: Сначала звоню в ресторан. Потом организуется, что клиент сам едет в шоурум.",
        interviewee="Марат",
    )
    verdicts = verdicts_of(told, generous=True)
    assert not any(q.startswith("Потом организуется") and v == "new" for q, v in verdicts.items())
