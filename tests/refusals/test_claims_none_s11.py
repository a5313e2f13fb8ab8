"""Session 11: claims the rules missed altogether — "нет" ending a lower-case sentence, a
repeated-noun set phrase ("день в день"), and "невозможна" / a dashed topic before "нельзя"."""

from salesmine.refusals.claim_patterns import find_claims


def _mentions(text, lang="ru"):
    return [c.mention for c in find_claims(text, lang)]


def test_sentence_ends_after_short_net():
    # "клиент" of the next sentence is not whose the missing thing is
    text = "нужен гипсокартон 40 листов, ответил что гипсокартона нет. клиент: ладно, поищем"
    assert "гипсокартона" in _mentions(text)


def test_repeated_noun_set_phrase_is_a_product():
    assert "день в день" in _mentions("объяснила, что день в день не доставляем, заказ за сутки")


def test_short_adjective_impossible():
    assert "рассрочка для ИП" in _mentions("рассрочка для ИП невозможна — так ответил клиенту")


def test_dashed_topic_before_nelzya():
    assert _mentions("мангал на террасе — клиент говорит у нас нельзя") == ["мангал на террасе"]


def test_dialogue_answer_after_label_and_hedge():
    text = "К: а вы хамам тоже строите? М: нет, мы только по саунам. К: ясно, спасибо"
    found = find_claims(text, "ru")
    assert [c.mention for c in found] == ["хамам"]
    assert found[0].source == "manager"


def test_dialogue_answer_in_english_after_label():
    found = find_claims('Caller: "do you guys deliver on Sundays?" Rep: "no, weekdays only".', "en")
    assert [c.source for c in found] == ["manager"]


def test_question_thing_before_verb_not_from_whom():
    text = "К: а вы старую мебель вывозите у жильцов?\nМ: нет, только новую привозим"
    assert _mentions(text) == ["старую мебель"]


def test_only_after_speech_aside():
    text = "хотели оплату по безналу, с НДС. у нас говорю только наличные. ушли думать"
    assert "оплату по безналу" in _mentions(text)
