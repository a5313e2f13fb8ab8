"""The text layer: language, lemmas, sentences and clauses on CRM-style notes."""

import pytest

from salesmine.text import (
    clauses,
    detect_language,
    lemmas,
    lemmatize,
    normalize_text,
    sentences,
    tokens,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("КП по CRM отправил, ждём ответа", "ru"),
        ("Клиент: «дорого»", "ru"),
        ("sent the proposal, no answer since Monday", "en"),
        ("They said we don't do on-site training", "en"),
        ("", "ru"),
        ("12345 !!!", "ru"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_detect_language_default_for_text_without_letters():
    assert detect_language("---", default="en") == "en"


@pytest.mark.parametrize(
    "word, lang, lemma",
    [
        ("дома", "ru", "дом"),  # ambiguous without a tagger: most probable parse, not unchanged
        ("Стали", "ru", "стать"),
        ("лизинга", "ru", "лизинг"),
        ("рассрочку", "ru", "рассрочка"),
        ("всё", "ru", "все"),  # ё folded
        ("ок", "ru", "ок"),  # shorthand, not "около"
        ("тел", "ru", "телефон"),
        ("companies", "en", "company"),
        ("said", "en", "say"),
        ("CRM", "ru", "crm"),
    ],
)
def test_lemmatize(word, lang, lemma):
    assert lemmatize(word, lang) == lemma


def test_lemmas_skip_punctuation_and_lowercase():
    assert lemmas("Клиент сказал: «ДОРОГО»!") == ["клиент", "сказать", "дорого"]


def test_tokens_keep_offsets_into_the_original():
    text = "Отправил КП, клиент думает"
    for token in tokens(text):
        assert text[token.start:token.end] == token.text
    assert [t.lemma for t in tokens(text) if t.is_word] == ["отправить", "кп", "клиент", "думать"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Перезвонить 15.03. после обеда", ["Перезвонить 15.03. после обеда"]),
        ("Звонил, тел. не берёт. Отправил письмо", ["Звонил, тел. не берёт.", "Отправил письмо"]),
        ("т.к. дорого, т.е. отказ", ["т.к. дорого, т.е. отказ"]),
        ("Первая строка\nвторая строка", ["Первая строка", "вторая строка"]),
        ("Sent the quote. No answer!", ["Sent the quote.", "No answer!"]),
        ("   ", []),
    ],
)
def test_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_clauses_split_at_contrast_and_semicolon():
    text = "По цене всё ок, но без рассрочки не берут; ЛПР директор Саша"
    parts = clauses(text)
    assert [c.text for c in parts] == [
        "По цене всё ок", "но без рассрочки не берут", "ЛПР директор Саша"]
    assert all(text[c.start:c.end] == c.text for c in parts)


def test_clauses_keep_reported_speech_together():
    text = "Сказал, что у нас нет рассрочки"
    assert [c.text for c in clauses(text)] == [text]


def test_normalize_text():
    assert normalize_text("  Всё  ОК\n ") == "все ок"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the word before a dot decides: an abbreviation keeps the sentence going
        ("Созвонились с тел. Иванова. Отправил КП", ["Созвонились с тел. Иванова.", "Отправил КП"]),
        ("Prices etc. Later", ["Prices etc. Later"]),
        ("Клиент\nтел. Иванова. Да", ["Клиент", "тел. Иванова.", "Да"]),
        # a word longer than any abbreviation, or one that only ends like one, does not
        ("Долгосрочныйдоговорт. Новая строка", ["Долгосрочныйдоговорт.", "Новая строка"]),
        ("Звонил x.тел. Ждём", ["Звонил x.тел.", "Ждём"]),
        ("a.b.c.d.e.f.g.h.i.тел. Далее", ["a.b.c.d.e.f.g.h.i.тел.", "Далее"]),
    ],
)
def test_sentences_after_abbreviation_like_words(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_normalize_text_folds_every_kind_of_whitespace():
    assert normalize_text("Ё\u00a0ж\t\u3000x\u2028 y\x0b") == "е ж x y"


def test_shouted_contractions_split_like_lowercase_ones():
    # spaCy's exceptions cover "don't" and "Don't" but not "DON'T"
    said = tokens("we DON'T sell it", "en")
    assert [(t.text, t.lemma) for t in said[1:3]] == [("DO", "do"), ("N'T", "not")]
    assert [(t.start, t.end) for t in said[1:3]] == [(3, 5), (5, 8)]


def test_a_shouted_denial_is_an_absence_claim():
    from salesmine.refusals.claims import find_claims

    assert [c.mention for c in find_claims("we DON'T sell canola seed", "en")] == ["canola seed"]
