"""classify_refusals: rules, output columns and flags (tiny model); clear notes, negations and
multi-fact notes in both languages (shipped model)."""

from pathlib import Path

import pandas as pd
import pytest

from salesmine.errors import ConfigError
from salesmine.ingest.labelled import read_labelled
from salesmine.records import REFUSAL_COLUMNS
from salesmine.refusals import classify_refusals

DATA = Path(__file__).parents[1] / "data" / "refusals"


def _notes(rows):
    return pd.DataFrame(rows, columns=["id", "outcome", "crm_reason", "text"])


def test_columns_rules_and_flags(tiny_model_dir):
    notes = _notes(
        [
            ("1", "won", "", "Договор подписан"),
            ("2", "open", "Цена", "Ждём ответа по КП"),
            ("3", "lost", "Другое", ""),
            ("4", "lost", "", "  Отказ. "),
            ("5", "lost", "Цена", "Дорого, цена выше рынка"),
            ("6", "lost", "Выбрали конкурента", "Очень дорого, за такую цену не возьмут"),
            ("7", "", "", ""),
        ]
    )
    result = classify_refusals(notes, model_dir=tiny_model_dir)
    assert tuple(result.columns) == REFUSAL_COLUMNS
    assert list(result["id"]) == list("1234567")
    assert list(result["reason"]) == [
        "not_refusal",
        "not_refusal",
        "unclear",
        "unclear",
        "price",
        "price",
        "unclear",
    ]
    assert list(result["confidence"][:4]) == [1.0, 1.0, 1.0, 1.0]
    assert result.loc[3, "evidence"] == "Отказ."
    assert list(result["reason_unclarified"]) == [0, 0, 1, 1, 0, 0, 1]
    # dropdown: "Цена" agrees on 5, "Выбрали конкурента" disagrees on 6, "Другое"/empty: no opinion
    assert result["crm_reason_agrees"].tolist()[4:6] == [1, 0]
    assert result["crm_reason_agrees"].isna().tolist() == [
        True,
        False,
        True,
        True,
        False,
        False,
        True,
    ]
    assert result["needs_review"].tolist()[:4] == [0, 0, 0, 0]
    assert result["manager_error"].isna().all() and (result["catalog_match"] == "").all()


def test_low_confidence_needs_review(tiny_model_dir):
    notes = _notes([("1", "lost", "", "Что-то совсем про другое: погода и рыбалка")])
    assert (
        classify_refusals(notes, model_dir=tiny_model_dir, review_threshold=0.99)["needs_review"][0]
        == 1
    )
    assert (
        classify_refusals(notes, model_dir=tiny_model_dir, review_threshold=0.0)["needs_review"][0]
        == 0
    )


def test_lost_deal_is_never_not_refusal(tiny_model_dir):
    text = "Отправил КП, ждём ответа"  # reads like an open deal, but the CRM says lost
    result = classify_refusals(
        _notes([("1", "lost", "", text), ("2", "", "", text)]), model_dir=tiny_model_dir
    )
    assert result["reason"][0] != "not_refusal" and result["reason"][1] == "not_refusal"


def test_taxonomy_must_cover_the_model(tiny_model_dir, tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("mode: replace\ncodes:\n  unclear: {}\n  not_refusal: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="missing from the taxonomy: competitor, price, timing"):
        classify_refusals(
            _notes([("1", "lost", "", "дорого")]), model_dir=tiny_model_dir, taxonomy=path
        )


def test_clear_notes_per_class_and_language(shipped_model):
    frame = read_labelled([DATA / "clear_notes.csv"], shipped_model.taxonomy.codes)
    result = classify_refusals(frame.assign(outcome=frame["outcome"]))
    frame["predicted"] = result["reason"].to_numpy()
    misses = frame[frame["predicted"] != frame["reason"]]
    shown = misses[["lang", "reason", "predicted", "text"]].to_string()
    right = frame["predicted"] == frame["reason"]
    assert right.mean() >= 0.9, shown
    assert (right.groupby(frame["lang"]).mean() >= 0.85).all(), shown
    # every code in both languages is recognised in at least one of its three clear notes
    assert (right.groupby([frame["lang"], frame["reason"]]).sum() >= 1).all(), shown
    # evidence is always a verbatim piece of the note
    assert all(e in t for e, t in zip(result["evidence"], frame["text"], strict=True))


@pytest.mark.parametrize(
    "text, reason",
    [
        # negated price: the deciding fact is elsewhere
        (
            "По цене всё устраивает, но без рассрочки платежа не готовы, нужна оплата частями",
            "terms",
        ),
        (
            "Не дорого, просто уже застрахованы в Ингосстрахе через брокера, менять не будут",
            "competitor",
        ),
        (
            "Цена не проблема — директор сказал, что решение принимает собственник, а он против",
            "no_authority",
        ),
        (
            "Price is not the issue, they need board approval before signing with any vendor",
            "no_authority",
        ),
        (
            "No problem with the price; the deductible and the claims paperwork put them off",
            "terms",
        ),
        # a negated need is still a need
        ("Потребность есть, но не сейчас — вернуться к вопросу после нового года", "timing"),
    ],
)
def test_negations(shipped_model, text, reason):
    result = classify_refusals(_notes([("1", "lost", "", text)]))
    assert result["reason"][0] == reason, result.loc[
        0, ["reason", "confidence", "evidence"]
    ].to_dict()


@pytest.mark.parametrize(
    "text, reason, evidence",
    [
        (
            "Встречались дважды, КП понравилось. Но подписали договор с Росгосстрахом, там давно "
            "работают",
            "competitor",
            "подписали договор с Росгосстрахом",
        ),
        (
            "Машины 2019 года, автопарк 14 единиц; перезвонить в марте, сейчас закрывают год",
            "timing",
            "перезвонить в марте",
        ),
        (
            "Demo went well, the team liked the reports. However the owner has to approve any "
            "spend "
            "and he said no",
            "no_authority",
            "owner has to approve",
        ),
        (
            "Client is polite, sent the deck twice; they had a bad experience with us in 2021 and "
            "don't "
            "trust our support",
            "trust",
            "bad experience",
        ),
    ],
)
def test_multi_fact_notes_quote_the_deciding_clause(shipped_model, text, reason, evidence):
    result = classify_refusals(_notes([("1", "lost", "", text)]))
    assert result["reason"][0] == reason
    assert evidence in result["evidence"][0] and result["evidence"][0] in text


def test_worker_processes_give_the_same_result(tiny_model_dir, monkeypatch):
    from salesmine.refusals import classify

    monkeypatch.setattr(classify, "BATCH_SIZE", 4)  # three batches from ten notes
    texts = ["Дорого", "Выбрали конкурента", "Перезвонить осенью", "Передумал", "Ждём КП"] * 2
    notes = pd.DataFrame({"text": texts, "outcome": "lost"})
    alone = classify_refusals(notes, model_dir=tiny_model_dir)
    pd.testing.assert_frame_equal(
        alone, classify_refusals(notes, model_dir=tiny_model_dir, n_jobs=2)
    )
