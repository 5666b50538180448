"""Small-number suppression: no figure about fewer than 5 children, and none that can be worked
out from the others and the total."""

import pytest

from jeugdketen.dashboards import conf, suppression


def shown(values, **kwargs):
    cells, total = suppression.series(values, **kwargs)
    return [c.display for c in cells], (total.display if total else None)


def test_the_threshold_is_five():
    assert conf.MIN_GROUP == 5 and conf.min_group() == 5


def test_the_threshold_can_be_raised_but_not_lowered(settings):
    settings.JEUGDKETEN_DASHBOARD_MIN_GROUP = 10
    assert conf.min_group() == 10
    settings.JEUGDKETEN_DASHBOARD_MIN_GROUP = 2
    assert conf.min_group() == 5


@pytest.mark.parametrize(
    ("value", "display"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (7, "5"), (8, "10"), (12, "10"), (120, "120")]
)
def test_one_cell(value, display):
    assert shown([value], with_total=False) == ([display], None)


def test_a_hidden_cell_that_the_total_would_give_away_hides_the_next_smallest():
    assert shown([10, 3, 7]) == (["10", "<5", "<5"], "20")
    assert shown([11, 3, 6]) == (["10", "<5", "<5"], "20")


def test_two_small_cells_that_together_make_five_or_more_need_nothing_more():
    assert shown([10, 3, 2]) == (["10", "<5", "<5"], "15")


def test_hidden_cells_that_together_stay_below_five_hide_more():
    assert shown([10, 1, 2, 8]) == (["10", "<5", "<5", "<5"], "20")


def test_when_nothing_is_left_to_hide_the_total_is_hidden():
    assert shown([3, 0]) == (["<5", "0"], "<5")
    assert shown([6, 2]) == (["<5", "<5"], "10")


def test_zero_cells_are_shown_and_never_hidden_in_their_place():
    assert shown([0, 0, 12]) == (["0", "0", "10"], "10")


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(10, 15, "67%"), (8, 10, None), (4, 10, None), (10, 10, "100%"), (3, 3, None), (0, 0, None), (0, 12, "0%")],
)
def test_a_share_tells_about_no_group_smaller_than_five(numerator, denominator, expected):
    assert suppression.share(numerator, denominator) == expected


def test_an_average_is_about_five_children_at_least():
    assert suppression.average(40, 4) is None
    assert suppression.average(50, 5) == "10"
