"""The default taxonomy, user YAML (extend / replace) and its one-line errors."""

import pytest

from salesmine.errors import ConfigError
from salesmine.refusals.taxonomy import default_taxonomy, load_taxonomy

CODES = (
    "price",
    "no_need",
    "competitor",
    "timing",
    "no_authority",
    "product_missing",
    "terms",
    "trust",
    "unclear",
    "no_contact",
    "not_refusal",
    "other",
)


def test_default_codes_have_both_names():
    tax = default_taxonomy()
    assert tax.codes == CODES
    assert all(
        r.name_ru and r.name_en and r.description_ru and r.description_en for r in tax.reasons
    )


@pytest.mark.parametrize(
    "value, code",
    [
        ("Цена", "price"),
        ("Дорого", "price"),
        ("  дорого ", "price"),
        ("Выбрали конкурента", "competitor"),
        ("Не ЛПР", "no_authority"),
        ("Не дозвонились", "no_contact"),
        ("Too expensive", "price"),
        ("Chose competitor", "competitor"),
        ("Другое", None),
        ("Other", None),
        ("", None),
        (None, None),
        ("что-то своё", None),
    ],
)
def test_crm_dropdown_values_map_to_codes(value, code):
    assert default_taxonomy().map_crm_reason(value) == code


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", True),
        ("  ", True),
        ("Отказ", True),
        ("отказ.", True),
        ("-", True),
        ("Не интересно", True),
        ("not interested", True),
        ("отказ, дорого", False),
        ("ндз", False),
    ],
)
def test_placeholders(text, expected):
    assert default_taxonomy().is_placeholder(text) is expected


def test_user_yaml_extends_the_default(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        "codes:\n  sanctions: {ru: Санкции, en: Sanctions, crm_synonyms: [Санкции]}\n"
        "  price: {ru: Стоимость}\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(path)
    assert tax.codes == (*CODES, "sanctions")
    assert tax.map_crm_reason("санкции") == "sanctions"
    assert tax.reason("price").name_ru == "Стоимость"
    assert tax.reason("price").name_en == "Price"  # untouched fields keep the default


def test_user_yaml_replaces_the_default(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        "mode: replace\ncodes:\n  price: {}\n  unclear: {}\n  not_refusal: {}\n", encoding="utf-8"
    )
    assert load_taxonomy(path).codes == ("price", "unclear", "not_refusal")


@pytest.mark.parametrize(
    "content, message",
    [
        ("mode: replace\ncodes:\n  price: {}\n", "must define unclear, not_refusal"),
        ("codes:\n  Bad-Code: {}\n", "lower-case latin"),
        ("codes:\n  price: {colour: red}\n", "unknown keys: colour"),
        ("codes: [price]\n", "'codes' must map"),
        ("mode: merge\ncodes:\n  x: {}\n", "mode must be"),
        ("codes:\n  price: {ru: [unclosed\n", "not a valid YAML"),
    ],
)
def test_bad_taxonomy_is_one_line_config_error(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert message in str(err.value) and str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_taxonomy_file(tmp_path):
    with pytest.raises(ConfigError, match="taxonomy file not found"):
        load_taxonomy(tmp_path / "nope.yaml")
