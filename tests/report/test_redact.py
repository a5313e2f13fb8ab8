"""Masking personal data: phones, e-mails and cards go; amounts, dates and ids stay."""

from __future__ import annotations

import pytest

from salesmine.report.redact import redact_text, redactor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("тел +7 (912) 345-67-89", "тел [телефон]"),
        ("номер 8 (937) 284-19-05 недоступен", "номер [телефон] недоступен"),
        ("8 916 402 11 87 - не отвечает", "[телефон] - не отвечает"),
        ("89123456789", "[телефон]"),
        ("звонить 912 345 67 89", "звонить [телефон]"),
        ("8-800-555-35-35", "[телефон]"),
        ("+1 555-123-4567", "[телефон]"),
        ("почта ivan.petrov@mail.ru ,", "почта [e-mail] ,"),
        ("карта 4276 3800 1234 5678", "карта [карта]"),
        ("карта 4111111111111111", "карта [карта]"),  # Luhn-valid, no spaces
        ("сумма 1 200 000 руб", "сумма 1 200 000 руб"),
        ("1 200 000 000 руб", "1 200 000 000 руб"),
        ("сделка 2417 от 12.01.2026 09:15:33", "сделка 2417 от 12.01.2026 09:15:33"),
        ("2026-01-12 09:15", "2026-01-12 09:15"),
        ("договор 1234567890123456", "договор 1234567890123456"),  # not Luhn, not grouped
        ("ИНН 7701234567", "ИНН 7701234567"),
        ("франшиза 0 - 68т, с франшизой 15т", "франшиза 0 - 68т, с франшизой 15т"),
    ],
)
def test_redact_text(text, expected):
    assert redact_text(text) == expected


def test_english_markers_and_switching_off():
    assert redact_text("call +44 20 7946 0958", "en") == "call [phone]"
    keep = redactor(False)
    assert keep("+7 (912) 345-67-89") == "+7 (912) 345-67-89"
    assert redactor(True, "en")("a@b.co") == "[e-mail]"
