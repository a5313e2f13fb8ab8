"""More ways notes say a product is missing, in Russian and English: indirect statements, "мы
такое не делаем", "не наш профиль", "не к нам", "у нас увы", "по словам клиента", "не нашёл у
нас", a question left hanging, "isn't our thing", "outside our scope", "we apparently lack
that", "we dropped X", an elided "We don't." — and the look-alikes that stay non-claims."""

from pathlib import Path

import pytest

from salesmine.ingest import load_catalog
from salesmine.refusals.claims import claim_of, find_claims, resolve_catalog

CATALOG = Path(__file__).parent.parent / "data" / "claims" / "services_catalog.csv"


@pytest.fixture(scope="module")
def index():
    return resolve_catalog(load_catalog(CATALOG))


@pytest.mark.parametrize(
    ("text", "mention", "item", "source"),
    [
        # the thing named earlier, "такое" pointing back to it
        (
            "Клиенту нужен монтаж кондиционеров, мы такое не делаем.",
            "монтаж кондиционеров",
            "Монтаж кондиционеров",
            "manager",
        ),
        (
            "Коврики мы не держим, только уборку.",
            "Коврики",
            "Аренда грязезащитных ковриков",
            "manager",
        ),
        # whose words: "по словам клиента"
        (
            "По словам клиента, у нас нет ночной уборки.",
            "ночной уборки",
            "Ночная уборка офисов",
            "client",
        ),
        # outside the company's scope
        ("Сказал, что мойка фасадов не наш профиль.", "мойка фасадов", "Мойка фасадов", "manager"),
        # a comparison where "увы" stands for "нет"
        (
            "У конкурента есть ночная уборка, у нас увы.",
            "ночная уборка",
            "Ночная уборка офисов",
            "comparison",
        ),
        # "нельзя" with nothing after it
        ("а в рассрочку у вас нельзя, говорит", "рассрочку", "Рассрочка на монтаж", "client"),
        # the manager did not know
        (
            "Я не уверен, что у нас есть абонентское обслуживание, сказал уточню.",
            "абонентское обслуживание",
            "Абонентское обслуживание",
            "unanswered",
        ),
        (
            "Спросили, есть ли ночная уборка. Вопрос завис, ответа не было.",
            "ночная уборка",
            "Ночная уборка офисов",
            "unanswered",
        ),
        # withdrawn, pointed back to with "её"
        (
            "У конкурента есть мойка фасадов, а у нас её убрали.",
            "мойка фасадов",
            "Мойка фасадов",
            "comparison",
        ),
        # the client searched the company's offer
        (
            "Клиент не нашёл у нас монтажа кондиционеров.",
            "монтажа кондиционеров",
            "Монтаж кондиционеров",
            "manager",
        ),
        # a terse answer after a dash, and "больше нет"
        ("Мойка фасадов — нет, только уборка внутри.", "Мойка фасадов", "Мойка фасадов", "manager"),
        (
            "Ночной уборки больше нет, сняли весной.",
            "Ночной уборки",
            "Ночная уборка офисов",
            "manager",
        ),
        # a bare negated infinitive: "у вас X не оформить"
        (
            "Говорит, у вас рассрочку не оформить, только сразу.",
            "рассрочку",
            "Рассрочка на монтаж",
            "client",
        ),
    ],
)
def test_russian_phrasings(index, text, mention, item, source):
    found = claim_of(text, index, "ru")
    assert found is not None
    assert (found.claim.mention, found.match.item, found.claim.source) == (mention, item, source)
    assert text[found.claim.start : found.claim.end] == mention


@pytest.mark.parametrize(
    ("text", "mention", "item"),
    [
        ("We don't carry floor mats, sorry.", "floor mats", "Аренда грязезащитных ковриков"),
        ("Snow removal is unavailable on our side.", "Snow removal", "Вывоз снега"),
        (
            "Apparently we can't do night cleaning for them.",
            "night cleaning",
            "Ночная уборка офисов",
        ),
        ("Snow removal - outside our scope.", "Snow removal", "Вывоз снега"),
        ("Said facade washing isn't our thing.", "facade washing", "Мойка фасадов"),
        (
            "Competitor includes floor mats, we apparently lack that.",
            "floor mats",
            "Аренда грязезащитных ковриков",
        ),
        ("Asked for AC installation. We don't.", "AC installation", "Монтаж кондиционеров"),
        (
            "They need night cleaning, not something we offer.",
            "night cleaning",
            "Ночная уборка офисов",
        ),
        (
            "Told them night cleaning is not an option with us.",
            "night cleaning",
            "Ночная уборка офисов",
        ),
        (
            "We dropped camera rental last year.",
            "camera rental",
            "Аренда видеокамер для мероприятий",
        ),
        (
            "Client says our camera rental got discontinued.",
            "camera rental",
            "Аренда видеокамер для мероприятий",
        ),
        (
            "Q from client: do we have night cleaning? Wasn't sure.",
            "night cleaning",
            "Ночная уборка офисов",
        ),
    ],
)
def test_english_phrasings(index, text, mention, item):
    found = claim_of(text, index, "en")
    assert found is not None
    assert (found.claim.mention, found.match.item) == (mention, item)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Клиент не нашёл время на встречу, перенесли.", "ru"),
        ("Решили не ставить камеры — нет места в холле.", "ru"),
        ("Вопросов по договору нет, ждут подписи директора.", "ru"),
        ("Клиент думал, что у нас нет ночной уборки — я поправил, подписали договор.", "ru"),
        ("Встречу отменили, клиент в отпуске.", "ru"),
        ("У них нет ночной уборки, поэтому пришли к нам.", "ru"),
        ("We don't have any free installers until May; client is fine waiting.", "en"),
        ("Client first claimed we don't do snow removal - corrected that, signed.", "en"),
        ("No trust after the last vendor lost their data.", "en"),
        ("We don't need to rush, they decide in June.", "en"),
        ("Their snow removal is unavailable this winter.", "en"),
        ("Бюджета больше нет до осени.", "ru"),
        ("ЛПР — нет, в отпуске до июня.", "ru"),
    ],
)
def test_look_alikes_are_not_claims(text, lang):
    assert find_claims(text, lang) == []


def test_a_correction_must_be_about_the_claimed_thing():
    # "рассказал про кадры" does not take back "зарплату не считаете"
    kept = find_claims("Говорит, у вас нет ночной уборки. Рассказал про коврики, подумают.", "ru")
    assert [c.mention for c in kept] == ["ночной уборки"]
    taken_back = find_claims(
        "Говорит, у вас нет ночной уборки. Рассказал про ночную уборку, подумают.", "ru"
    )
    assert taken_back == []
