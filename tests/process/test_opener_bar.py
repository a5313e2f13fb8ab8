"""How the tagger's training picks the folded openers' bar from the newest sets' curve."""

from salesmine.process.step_training import RECALL_TARGET, opener_bar


def test_the_highest_bar_reaching_the_recall_target() -> None:
    curve = [(0.3, RECALL_TARGET - 0.05, 0.80), (0.2, RECALL_TARGET, 0.79), (0.1, 0.9, 0.78)]
    assert opener_bar(curve) == 0.2


def test_out_of_reach_the_best_f1_not_the_lowest_bar() -> None:
    # session 15: recall never reached the target; the lowest bar bought little recall
    curve = [
        (0.325, 0.788, 0.795),
        (0.25, 0.799, 0.798),
        (0.15, 0.817, 0.795),
        (0.025, 0.842, 0.771),
    ]
    assert opener_bar(curve) == 0.25


def test_equal_f1_keeps_the_higher_bar() -> None:
    assert opener_bar([(0.3, 0.7, 0.8), (0.2, 0.75, 0.8)]) == 0.3
