"""Session 14 (claims50): a claim overcome later in the note — the client told or shown the
truth and the deal done, or told "we have it" and dealt with — and claims' sentences that state
no lack of ours (another named place set against us, the client not knowing we do it). Invented
notes; each "is_set_right" case fails on the code before this change."""

import pytest

from salesmine.refusals.claim_corrections import why_set_right
from salesmine.refusals.claims import read_note


def _why(text: str, mention: str, source: str = "client", lang: str | None = None) -> str:
    start = text.index(mention)
    return why_set_right(read_note(text, lang), start, start + len(mention), source)


@pytest.mark.parametrize(
    ("text", "mention", "why"),
    [
        # shown any way (not only a link or a catalogue), then the deal right after
        (
            "Покупательница сперва решила, что вышивки имени у нас нет — показал фото работ, "
            "заказала три полотенца",
            "вышивки имени",
            "overcome",
        ),
        # told about it, then the deal
        (
            "Сказала, что доставки на дачу нет — потом рассказала про неё, оформил",
            "доставки",
            "overcome",
        ),
        # a bare "— we do!" after checking, then a call back and a visit agreed
        (
            "Said we don't do key cutting. Checked with the workshop — we do! called him back, "
            "he's coming Fri",
            "key cutting",
            "overcome",
        ),
        # a "можно ли" answered with its own word, then the order
        (
            "Можно ли сеять газон в сентябре? — ответила что можно, до середины месяца. Заказ 5 кг",
            "газон",
            "overcome",
        ),
        # no deal yet, but told "we have it" together with a price
        (
            "Говорит, ей раньше сказали что саженцев малины у нас нет. Дала цену, всё есть — "
            "думает",
            "саженцев малины",
            "overcome",
        ),
        # the lack is at another named shop, and the client bought from us
        (
            "Клиент говорит в Леруа нет садовых качелей, у нас взял двое",
            "садовых качелей",
            "elsewhere",
        ),
        # the client did not know we do it
        (
            "Не знала, что мы делаем чистку ковров на дому — объяснил, записал",
            "чистку ковров",
            "not knowing",
        ),
        (
            "client had no idea we do gutter cleaning, booked it with the roof job",
            "gutter cleaning",
            "not knowing",
        ),
    ],
)
def test_overcome_or_not_ours_is_set_right(text, mention, why):
    assert _why(text, mention) == why


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # shown, but no deal: the client never came round
        ("Говорит у вас вышивки нет. Показал фото работ — молчит", "вышивки"),
        # shown, a deal, but lost or elsewhere
        (
            "Говорит у вас вышивки нет. Показал фото, но она уже заказала у знакомой",
            "вышивки",
        ),
        (
            "She said we have no key cutting. Showed her the machine, booked a visit, but "
            "then she went with the mall kiosk",
            "key cutting",
        ),
        # a "deal" word far off is a note taken, not the client's deal
        (
            "Сказал, что доставки на дачу нет. Рассказал потом, что вообще-то есть, он долго "
            "ругался и сказал что поздно. Записал как отказ",
            "доставки",
        ),
        # writer's own noticing only
        ("Said we don't do key cutting — we do. fix the script", "key cutting"),
        # a lack at a place with nothing of ours against it: may be our own branch
        ("Клиент говорит в Химках нет доставки, расстроился", "доставки"),
        # not knowing, but the lack then said
        ("не знал что у нас нет чистки ковров, отказал", "чистки ковров"),
        ("I didn't know we only do carpets, said no to the sofa", "carpets"),
    ],
)
def test_claim_left_standing_stays(text, mention):
    assert _why(text, mention) == ""
