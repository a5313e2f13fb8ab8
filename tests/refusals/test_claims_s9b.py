"""Session 9 (b): claims in the client's words and behind a quote or an aside."""

from salesmine.refusals import claim_patterns
from salesmine.refusals.claim_patterns import find_claims


def _mentions(text, lang):
    return [c.mention for c in find_claims(text, lang)]


def test_quoted_denial_after_we():
    assert "gift wrapping" in _mentions(
        'Told them we "don\'t offer gift wrapping", they left.', "en"
    )


def test_single_quoted_denial_after_we():
    found = find_claims(
        "they said our mugs are fine but we 'don't have any coasters' so they split it", "en"
    )
    assert [c.mention for c in found] == ["coasters"]
    assert found[0].source == "client"


def test_aside_between_we_and_dont():
    assert "engraving" in _mentions(
        "Went elsewhere since we (apparently) don't offer engraving", "en"
    )


def test_client_words_about_us_backed_by_classifier(monkeypatch):
    monkeypatch.setattr(claim_patterns, "claim_probability", lambda text, lang: 0.9)
    found = find_claims("Говорит у нас нет доставки по области, а им надо каждую неделю", "ru")
    assert [c.mention for c in found] == ["доставки по области"]
    assert found[0].source == "client"


def test_client_words_unbacked_or_own_things_dropped(monkeypatch):
    # the backed claim is found (fails on the old code), the unbacked one and the client's own
    # things are not
    monkeypatch.setattr(claim_patterns, "claim_probability", lambda text, lang: 0.9)
    assert _mentions("клиент говорит у нас нет выезда на дом, ищут другого мастера", "ru")
    assert find_claims("говорит у нас нет своего склада, возим напрямую", "ru") == []
    assert find_claims("говорит у нас нет автопарка, нужна доставка", "ru") == []
    monkeypatch.setattr(claim_patterns, "claim_probability", lambda text, lang: 0.1)
    assert find_claims("Говорит у нас нет доставки по области, а им надо каждую неделю", "ru") == []


def test_no_thing_on_your_side_in_the_clients_words():
    assert "courier pickup" in _mentions(
        'Their buyer: "no courier pickup on your side", so they left', "en"
    )


def test_no_thing_with_whose_word_after_it():
    assert _mentions("no gift cards offered per their HR lead, she checked our site", "en") == [
        "gift cards"
    ]
    assert _mentions("no loyalty app according to them", "en") == ["loyalty app"]


def test_thing_missing_with_whose_word_after_it():
    found = find_claims("bulk export missing per their audit of our trial", "en")
    assert [c.mention for c in found] == ["bulk export"]
    assert found[0].source == "client"


def test_our_people_told_them_no_thing():
    assert _mentions("support said no weekend installs, they went elsewhere", "en") == [
        "weekend installs"
    ]
    assert _mentions("our team told them no same-day repair. annoyed", "en") == ["same-day repair"]


def test_shorthand_with_is_a_preposition_not_part_of_the_product():
    # "w/" and "w/o" are how CRM notes write "with" / "without"
    assert _mentions("told them we don't integrate w/ Shopify", "en") == ["Shopify"]
    assert _mentions("no problems w/ the last order", "en") == []
