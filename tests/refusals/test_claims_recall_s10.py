"""Session 10 (recall): claims the rules found nothing in — product-only questions left
unanswered, "our X has no Y", "без X у нас не бывает", "asked can we X", a topic before "asked"."""

from salesmine.refusals.claim_patterns import find_claims


def _mentions(text, lang):
    return [c.mention for c in find_claims(text, lang)]


def test_product_only_question_left_unanswered_en():
    found = find_claims("pallet wrapper? the buyer asked again, nobody got back to her", "en")
    assert [c.mention for c in found] == ["pallet wrapper"]
    assert found[0].source == "unanswered"
    assert _mentions("what about a loyalty card? client asked, left it open", "en") == [
        "loyalty card"
    ]


def test_product_question_before_you_have_it_ru():
    assert _mentions(
        "шумоизоляция у вас есть? — клиент в вотсапе, ответа нет второй день", "ru"
    ) == ["шумоизоляция"]


def test_product_only_question_answered_is_no_claim():
    assert find_claims("pallet wrapper? yes, sent the price list", "en") == []
    assert find_claims("шумоизоляция у вас есть? да, отправил прайс", "ru") == []


def test_our_product_has_no_feature():
    assert "barcode scanner" in _mentions(
        "warehouse lead says our app has no barcode scanner, so they stay on paper", "en"
    )
    assert find_claims("our client has no budget this year", "en") == []


def test_condition_we_never_work_on_ru():
    assert _mentions("а без аванса у нас не бывает, так и сказал", "ru") == ["без аванса"]
    assert _mentions("объяснил, что без предоплаты никак. ушёл думать", "ru") == ["без предоплаты"]


def test_reported_question_without_if():
    assert "folding tables" in " ".join(
        _mentions("caller asked can we deliver folding tables too. dunno, no reply yet", "en")
    )


def test_topic_before_asked_with_hyphenated_phrase():
    assert _mentions("Same-day courier — asked on Friday, still no answer from ops", "en") == [
        "Same-day courier"
    ]
