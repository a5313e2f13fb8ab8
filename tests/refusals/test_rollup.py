"""The per-manager rollup against a table computed by hand."""

import math

import pandas as pd
import pytest

from salesmine.refusals.rollup import error_quotes, manager_rollup, wilson_interval


def _rows(manager, department, branch, *, won, errors, unclarified, other):
    """``won`` won deals, then refusals: ``errors`` manager errors, ``unclarified`` unclear ones,
    ``other`` plain price refusals."""
    rows = [dict(reason="not_refusal", outcome="won", manager_error=0, reason_unclarified=0)] * won
    rows += [
        dict(
            reason="product_missing",
            outcome="lost",
            manager_error=1,
            reason_unclarified=0,
            claim_evidence="у вас нет рассрочки",
        )
    ] * errors
    rows += [
        dict(reason="unclear", outcome="lost", manager_error=0, reason_unclarified=1)
    ] * unclarified
    rows += [dict(reason="price", outcome="lost", manager_error=0, reason_unclarified=0)] * other
    return [{**r, "manager": manager, "department": department, "branch": branch} for r in rows]


@pytest.fixture
def classified():
    rows = (
        _rows("Анна", "Розница", "Москва", won=2, errors=3, unclarified=2, other=5)
        + _rows("Борис", "Розница", "Казань", won=1, errors=1, unclarified=0, other=3)
        + _rows("Вера", "Корпоратив", "Москва", won=0, errors=1, unclarified=4, other=5)
    )
    frame = pd.DataFrame(rows)
    frame["id"] = [str(i) for i in range(1, len(frame) + 1)]
    return frame


# Wilson 95 % intervals, by hand: p = k/n, z = 1.959964, z² = 3.841459,
#   centre = (p + z²/2n) / (1 + z²/n), half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n)
# 3/10: centre = 0.49207/1.38415 = 0.35551, half = 1.959964·0.174939/1.38415 = 0.24772
#       -> (0.108, 0.603)
# 1/4:  centre = 0.73019/1.96036 = 0.37248, half = 1.959964·0.326955/1.96036 = 0.32689
#       -> (0.046, 0.699)
# 1/10: centre = 0.29207/1.38415 = 0.21101, half = 1.959964·0.136798/1.38415 = 0.19371
#       -> (0.018, 0.404)
# 4/10: centre = 0.59207/1.38415 = 0.42775, half = 1.959964·0.183313/1.38415 = 0.25957
#       -> (0.168, 0.687)
# 10/12: centre = 0.99339/1.32012 = 0.75250, half = 1.959964·0.135067/1.32012 = 0.20053
#       -> (0.552, 0.953)  [refusals per deal for Анна]
@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (3, 10, 0.108, 0.603),
        (1, 4, 0.046, 0.699),
        (1, 10, 0.018, 0.404),
        (4, 10, 0.168, 0.687),
        (10, 12, 0.552, 0.953),
        (0, 4, 0.0, 0.490),
    ],
)
def test_wilson_interval(k, n, low, high):
    got = wilson_interval(k, n)
    assert (round(got[0], 3), round(got[1], 3)) == (low, high)


def test_wilson_interval_without_trials():
    assert all(math.isnan(v) for v in wilson_interval(0, 0))


def test_manager_rows_match_the_hand_computed_table(classified):
    table = manager_rollup(classified, min_deals=10)
    managers = table[table["level"] == "manager"].set_index("group")
    #            deals refusals errors unclarified  error_rate unclarified_rate too_small
    expected = {
        "Анна": (12, 10, 3, 2, 0.3, 0.2, 0),
        "Вера": (10, 10, 1, 4, 0.1, 0.4, 0),
        "Борис": (5, 4, 1, 0, 0.25, 0.0, 1),
    }
    for name, (deals, refusals, errors, unclear, err_rate, unc_rate, small) in expected.items():
        row = managers.loc[name]
        got = (
            row.deals,
            row.refusals,
            row.manager_errors,
            row.unclarified,
            row.error_rate,
            row.unclarified_rate,
            row.too_small,
        )
        assert got == (deals, refusals, errors, unclear, err_rate, unc_rate, small), name
    assert (managers.loc["Анна", "error_rate_low"], managers.loc["Анна", "error_rate_high"]) == (
        pytest.approx(0.108, abs=5e-4),
        pytest.approx(0.603, abs=5e-4),
    )
    assert managers.loc["Вера", "unclarified_rate_low"] == pytest.approx(0.168, abs=5e-4)
    assert managers.loc["Борис", "error_rate_high"] == pytest.approx(0.699, abs=5e-4)
    assert managers.loc["Анна", "refusal_rate_low"] == pytest.approx(0.552, abs=5e-4)
    # team medians over the comparable managers (Анна, Вера) only: (0.3+0.1)/2, (0.2+0.4)/2
    assert managers["team_median_error_rate"].unique().tolist() == [0.2]
    assert managers["team_median_unclarified_rate"].unique().tolist() == [pytest.approx(0.3)]
    assert managers.loc["Анна", "department"] == "Розница"
    assert managers.loc["Анна", "branch"] == "Москва"


def test_too_small_groups_are_shown_but_not_ranked(classified):
    table = manager_rollup(classified, min_deals=10)
    managers = table[table["level"] == "manager"]
    assert managers["group"].tolist() == ["Анна", "Вера", "Борис"]  # ranked first, small last
    assert managers["error_rank"].tolist()[:2] == [1, 2]
    assert managers["unclarified_rank"].tolist()[:2] == [2, 1]
    assert managers["error_rank"].isna().tolist() == [False, False, True]
    relaxed = manager_rollup(classified, min_deals=4)
    assert relaxed[relaxed["level"] == "manager"]["too_small"].tolist() == [0, 0, 0]


def test_department_and_branch_levels(classified):
    table = manager_rollup(classified, min_deals=10)
    retail = table[(table["level"] == "department") & (table["group"] == "Розница")].iloc[0]
    assert (retail.deals, retail.refusals, retail.manager_errors, retail.unclarified) == (
        17,
        14,
        4,
        2,
    )
    assert retail.branch == ""  # Розница spans Москва and Казань
    moscow = table[(table["level"] == "branch") & (table["group"] == "Москва")].iloc[0]
    assert (moscow.deals, moscow.refusals, moscow.manager_errors) == (22, 20, 4)
    assert set(table["level"]) == {"manager", "department", "branch"}
    only = manager_rollup(classified, levels=("branch", "company"))
    assert only["level"].tolist() == ["branch", "branch", "company"]
    assert only.iloc[-1]["deals"] == 27


def test_quotes_name_the_errors(classified):
    table = manager_rollup(classified)
    vera = table[(table["level"] == "manager") & (table["group"] == "Вера")].iloc[0]
    assert vera.quotes == "18: «у вас нет рассрочки»"  # ids 1-12 Анна, 13-17 Борис
    quotes = error_quotes(classified)
    assert len(quotes) == 5
    assert quotes["quote"].unique().tolist() == ["у вас нет рассрочки"]


def test_errors_on_open_deals_are_counted_apart():
    frame = pd.DataFrame(
        {
            "manager": ["A", "A"],
            "reason": ["not_refusal", "price"],
            "outcome": ["open", "lost"],
            "manager_error": [1, 0],
            "reason_unclarified": [0, 0],
        }
    )
    row = manager_rollup(frame, levels=("manager",)).iloc[0]
    assert (row.manager_errors, row.manager_errors_other, row.error_rate) == (0, 1, 0.0)


def test_empty_and_unknown_levels():
    assert manager_rollup(pd.DataFrame({"manager": [], "reason": []})).empty
    with pytest.raises(ValueError):
        manager_rollup(pd.DataFrame({"manager": ["A"]}), levels=("region",))
