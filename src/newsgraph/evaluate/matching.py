"""One-to-one matching of gold items to predictions.

Greedy: candidate pairs are taken best quality first (ties: gold order, then prediction order).
A greedy choice must never cost a match, so gold items left over then try augmenting paths
(Kuhn's algorithm), which re-pairs earlier choices only when that matches one more gold item.
"""

from __future__ import annotations

from collections.abc import Callable

Quality = Callable[[int, int], float | None]


def match_items(n_gold: int, n_pred: int, quality: Quality) -> dict[int, int]:
    """Pair gold indices with prediction indices; `quality` is None for pairs that cannot match."""
    candidates: dict[int, list[tuple[float, int]]] = {}
    for g in range(n_gold):
        for p in range(n_pred):
            score = quality(g, p)
            if score is not None:
                candidates.setdefault(g, []).append((score, p))
    pairs = sorted(
        ((-score, g, p) for g, options in candidates.items() for score, p in options),
    )
    gold_to_pred: dict[int, int] = {}
    pred_to_gold: dict[int, int] = {}
    for _, g, p in pairs:
        if g not in gold_to_pred and p not in pred_to_gold:
            gold_to_pred[g] = p
            pred_to_gold[p] = g
    adjacency = {
        g: [p for _, p in sorted(options, key=lambda o: -o[0])] for g, options in candidates.items()
    }
    for g in adjacency:
        if g not in gold_to_pred:
            _augment(g, adjacency, gold_to_pred, pred_to_gold, set())
    return gold_to_pred


def _augment(
    g: int,
    adjacency: dict[int, list[int]],
    gold_to_pred: dict[int, int],
    pred_to_gold: dict[int, int],
    seen: set[int],
) -> bool:
    for p in adjacency[g]:
        if p in seen:
            continue
        seen.add(p)
        owner = pred_to_gold.get(p)
        if owner is None or _augment(owner, adjacency, gold_to_pred, pred_to_gold, seen):
            gold_to_pred[g] = p
            pred_to_gold[p] = g
            return True
    return False
