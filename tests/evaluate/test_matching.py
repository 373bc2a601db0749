from newsgraph.evaluate.matching import match_items


def test_match_items_pairs_each_prediction_at_most_once() -> None:
    matched = match_items(2, 1, lambda g, p: 1.0)
    assert len(matched) == 1
    assert list(matched.values()) == [0]


def test_match_items_prefers_the_better_quality_pair() -> None:
    quality = {(0, 0): 0.0, (0, 1): 2.0}
    matched = match_items(1, 2, lambda g, p: quality.get((g, p)))
    assert matched == {0: 1}


def test_match_items_repairs_a_greedy_choice_that_would_lose_a_match() -> None:
    # gold 0 prefers prediction 0, the only prediction gold 1 can take
    quality = {(0, 0): 2.0, (0, 1): 1.0, (1, 0): 1.0}
    matched = match_items(2, 2, lambda g, p: quality.get((g, p)))
    assert matched == {0: 1, 1: 0}


def test_match_items_without_candidates_is_empty() -> None:
    assert match_items(3, 3, lambda g, p: None) == {}
