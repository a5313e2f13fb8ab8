"""Session 11: absence claims the rules found nowhere — a term of sale told as "только
<condition>" (``claim_rules_only_terms``), English questions that are passive, about what the
client could do, or a "why can't I" complaint (``claim_rules_en_open``), and a limit ("max",
"min", "strictly") told after a named want (``claim_rules_only_wants``). Invented notes."""

import pytest

from salesmine.refusals.claim_patterns import find_claims


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(c.mention, c.source) for c in find_claims(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        # the age limit told by the seller rules out what is not offered
        ("объяснила папе, что стрижём только с 14 лет. он ушёл", "ru", "только с 14 лет"),
        # the telling after the restriction
        ("парковка только по пропуску, сказал гостю у шлагбаума", "ru", "только по пропуску"),
        # an instrumental condition, told from the script
        ("Курс только одним взносом — так в скрипте. Студент ушёл", "ru", "только одним взносом"),
        # English: "X are <terms> only"
        ("told her the veneers are cash upfront only, she left", "en", "cash upfront"),
    ],
)
def test_only_condition_is_the_claim(text, lang, mention):
    assert (mention, "manager") in _found(text, lang)


def test_only_condition_leaves_negated_notes_to_other_rules():
    found = _found("сказал, что не возим мебель, только до 20 кг", "ru")
    assert all(not m.startswith("только") for m, _ in found)


def test_only_condition_is_not_a_plain_offer():
    # "только доставка" names what is offered, not a condition
    assert not any(m.startswith("только") for m, _ in _found("сказала, что только доставка", "ru"))


def test_passive_question_left_open():
    text = "Q from client: can invoices be exported to Excel? I wasn't sure, will check"
    assert ("invoices be exported", "unanswered") in _found(text, "en")


def test_client_can_they_question_left_open():
    text = "Q: can they book group lessons online? — don't know, asked the office"
    assert ("group lessons online", "unanswered") in _found(text, "en")


def test_client_asked_if_they_get_left_open():
    text = "asked if they get free parking with the annual pass. no answer from ops yet"
    assert ("free parking", "unanswered") in _found(text, "en")


def test_why_cant_i_complaint():
    text = 'review: "why can\'t I track deliveries online? do I have to call every time?"'
    assert ("deliveries online", "client") in _found(text, "en")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("They wanted a 5-year guarantee, I said max we give is 3 yrs", "5-year guarantee"),
        ("they need a weekend hire for the van, we said min 2 weeks", "weekend hire"),
        (
            "wants a group class w/ her friends, told her yoga is strictly 1-on-1 here",
            "group class",
        ),
    ],
)
def test_limit_after_a_want(text, mention):
    assert (mention, "manager") in _found(text, "en")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "they need a loyalty app for their cafes. dunno if we have one, asked product",
            "loyalty app",
        ),
        (
            "client wants solar water heating for the barn; no idea if that's ours",
            "solar water heating",
        ),
        ("need voiceover for 5 promo clips. do we? not sure, will find out", "voiceover"),
    ],
)
def test_need_left_open_about_ours(text, mention):
    assert (mention, "unanswered") in _found(text, "en")


def test_need_without_doubt_is_no_claim():
    assert _found("they need a loyalty app for their cafes. sent the brochure", "en") == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "у конкурента делают пескоструй на месте, а у нас возим в цех. ушли к ним",
            "пескоструй на месте",
        ),
        (
            "сравнивали с Чистюлей: у них годовой абонемент, а у нас каждый визит отдельно",
            "годовой абонемент",
        ),
    ],
)
def test_rival_offer_against_ours(text, mention):
    assert (mention, "comparison") in _found(text, "ru")


def test_rival_offer_when_ours_is_the_same():
    assert _found("у конкурента есть доставка, а у нас тоже есть доставка", "ru") == []


def test_only_then_so_no():
    text = "He thinks we only ship boxes up to 30 kg, so no pallet freight for them. call him"
    assert [m for m, _ in _found(text, "en")] == ["pallet freight"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("wasps in the attic, the landlord thinks we only do mice & rats. left it", "wasps"),
        (
            "Gala dinner for 200 guests, Friday. Client: 'you only do small lunches'. ok",
            "Gala dinner",
        ),
    ],
)
def test_opening_topic_before_believed_only(text, mention):
    assert mention in [m for m, _ in _found(text, "en")]
