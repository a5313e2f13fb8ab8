"""Negation marking, the contrast view, and the custom transformers' scikit-learn contract."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.estimator_checks import (
    check_estimator_cloneable,
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from salesmine.refusals.features import NotePreprocessor, mark_tokens
from salesmine.refusals.vectorizers import TermTfidf


@pytest.mark.parametrize(
    "text, lang, marked, contrast",
    [
        ("не дорого", "ru", ["не", "NEG_дорого"], []),
        ("без рассрочки не берут", "ru", ["без", "NEG_рассрочка", "не", "NEG_брать"], []),
        # the scope ends at punctuation, and after `window` words
        ("нет бюджета, перезвонить", "ru", ["нет", "NEG_бюджет", "перезвонить"], []),
        ("не а б в г", "ru", ["не", "NEG_а", "NEG_б", "NEG_в", "г"], []),
        ("по цене ок, но дорого", "ru", ["по", "цена", "ок", "но", "дорого"], ["дорого"]),
        # a contrast lasts to the end of its sentence
        ("fine but late. call later", "en", ["fine", "but", "late", "call", "late"], ["late"]),
        ("they don't need it", "en", ["they", "don't", "NEG_need", "NEG_it"], []),
    ],
)
def test_mark_tokens(text, lang, marked, contrast):
    assert mark_tokens(text, lang) == (marked, contrast)


def test_preprocessor_views():
    frame = pd.DataFrame(
        {
            "text": ["По цене ок, но без рассрочки не берут", ""],
            "lang": ["ru", ""],
            "crm_code": ["price", ""],
        }
    )
    views = NotePreprocessor().fit(frame).transform(frame)
    assert list(views.columns) == ["lemmas", "contrast", "chars", "lang", "crm"]
    assert views.loc[0, "contrast"] == "без NEG_рассрочка не NEG_брать"
    assert views.loc[0, "chars"] == "по цене ок, но без рассрочки не берут"
    assert list(views["crm"]) == ["crm_price", ""]  # no dropdown value, no feature
    assert views.loc[1, "lemmas"] == "" and views.loc[1, "lang"] == "ru"


@pytest.mark.parametrize(
    "estimator", [NotePreprocessor(), TermTfidf()], ids=lambda e: type(e).__name__
)
@pytest.mark.parametrize(
    "check",
    [
        check_no_attributes_set_in_init,
        check_parameters_default_constructible,
        check_get_params_invariance,
        check_set_params,
        check_estimator_cloneable,
    ],
    ids=lambda c: c.__name__,
)
def test_scikit_learn_contract(estimator, check):
    # The full parametrize_with_checks suite feeds numeric 2-D arrays, which these text
    # transformers do not take; these are the checks of the estimator API itself.
    check(type(estimator).__name__, estimator)


def test_fit_returns_self_and_fitted_state_ends_in_underscore():
    docs = ["дорого очень", "очень дорого", "ок"]
    vec = TermTfidf("words")
    assert vec.fit(docs) is vec
    fitted = {k for k in vars(vec) if not k.startswith("_") and k not in vec.get_params()}
    assert fitted and all(k.endswith("_") for k in fitted)
    assert not hasattr(clone(vec), "terms_")


@pytest.mark.parametrize(
    "kind, reference",
    [
        (
            "chars",
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True, lowercase=False
            ),
        ),
        (
            "words",
            TfidfVectorizer(
                token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, lowercase=False
            ),
        ),
    ],
)
def test_term_tfidf_matches_scikit_learn(kind, reference):
    docs = ["дорого дорого очень", "не NEG_дорого", "ок, перезвонить весной", "a", "ок ок ок"]
    ours = TermTfidf(kind, ngram_range=(1, 4) if kind == "chars" else (1, 2)).fit(docs)
    reference = clone(reference).fit(docs)
    assert list(ours.get_feature_names_out()) == list(reference.get_feature_names_out())
    new = ["очень дорого ок", "незнакомое слово", ""]
    np.testing.assert_allclose(
        ours.transform(new).toarray(), reference.transform(new).toarray(), rtol=1e-5, atol=1e-6
    )
