"""Session 14: claims put right later in the same note by a contradiction or a showing followed
by the deal done with us, a question answered with its own verb, a stock gap
with its end date, and "no one but us" (``claim_corrections.why_set_right``). All notes
invented."""

import pytest

from salesmine.refusals.claim_corrections import why_set_right
from salesmine.refusals.claims import read_note


def _why(text: str, mention: str, source: str = "client", lang: str | None = None) -> str:
    start = text.index(mention)
    return why_set_right(read_note(text, lang), start, start + len(mention), source)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a contradiction with what we have, then the deal done
        (
            "Ирина, Поло. Ей сказали что шумоизоляцию у нас не делают. чушь, делаем. записал на пт",
            "шумоизоляцию",
        ),
        (
            "Says we only sell summer tyres. nonsense, we stock studded ones. called him back, "
            "booked",
            "summer tyres",
        ),
        (
            "Client says we don't have a Spanish teacher. Actually Lucia runs two groups - "
            "she'll try a lesson",
            "Spanish teacher",
        ),
        (
            "he heard the oil change isnt done at our north site. I said it is at Gagarina. booked",
            "oil change",
        ),
        # a showing, then the deal done
        (
            "Говорит «у вас перчаток нитриловых нет». Скинул ему ссылку, заказал 200 пар",
            "перчаток нитриловых",
        ),
        (
            "She said we have no safety vests, I showed her the catalogue page. ordered 40",
            "safety vests",
        ),
        # a plain "— есть" after the client's words, then the sale
        ("Фартуки - «у вас вроде таких нет» - есть, 450р, отгрузили 15 шт", "Фартуки"),
        (
            "«у вас же нет вечерних групп» — сказал клиент. Я ответил что у нас 4 группы, записал",
            "вечерних групп",
        ),
    ],
)
def test_contradiction_then_deal_is_overcome(text, mention):
    assert _why(text, mention) == "overcome"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a contradiction only noticed, or a to-do: the client was never told
        ("Говорят что шумоизоляцию у нас не делают. Бред, но спорить не стал.", "шумоизоляцию"),
        ("Says we don't stock studded tyres. wrong, we do. call him back", "studded tyres"),
        (
            "Says we don't stock studded tyres. wrong, we do. send him the price list",
            "studded tyres",
        ),
        # a showing ignored, or the sale made elsewhere
        ("Говорит «у вас перчаток нитриловых нет». Скинул ссылку — молчит", "перчаток нитриловых"),
        (
            "She said we have no safety vests, I showed her the page. ordered elsewhere anyway",
            "safety vests",
        ),
        ("клиент уверен что фартуков у нас нет, купил на озоне", "фартуков"),
    ],
)
def test_contradiction_without_the_deal_stands(text, mention):
    assert _why(text, mention) == ""


def test_question_answered_with_its_own_verb():
    text = "«А доставку до объекта вы делаете? прошлые не делали» — делаем, включил в счёт"
    assert _why(text, "доставку до объекта", "manager", "ru") == "asked, yes"


def test_question_answered_with_another_verb_stands():
    text = "«А доставку до объекта вы делаете? прошлые не делали» — нет, только самовывоз"
    assert _why(text, "доставку до объекта", "manager", "ru") == ""


def test_question_about_existence_answered_no_stands():
    text = "клиент: а парковка у вас есть? Нет, только на улице"
    assert _why(text, "парковка", "manager", "ru") == ""


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Каски белые 50 шт — сказал что касок сейчас нет на складе, поступят в среду. Ждут",
            "касок",
            "restock",
        ),
        (
            "Safety boots size 46 — not in stock, arriving Tuesday, he'll wait",
            "Safety boots",
            "restock",
        ),
        ("сказал что касок нет в наличии и не будет, не наш профиль", "касок", ""),
        ("сказал что касок нет на складе, поставок не планируем", "касок", ""),
        ("сказал что касок нет на складе, поставка не планируется", "касок", ""),
    ],
)
def test_stock_gap_with_its_end(text, mention, expected):
    assert _why(text, mention, "manager") == expected


def test_no_one_but_us():
    text = "Buyer says no one but us does reflective jackets here, ordered 25"
    assert _why(text, "reflective jackets", "manager", "en") == "only us"
    text = "Говорит, никто кроме нас в городе не шьёт спецовки на заказ, взял 10"
    assert _why(text, "спецовки", "manager", "ru") == "only us"
