"""What scoring one layer of one article yields, before it is folded into an ArticleScore."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.evaluate.scores import AttributeScore, LayerScore


@dataclass
class LayerResult:
    """Counts, attribute accuracies and readable notes of what was missed, spurious or wrong."""

    counts: LayerScore = field(default_factory=LayerScore)
    attributes: dict[str, AttributeScore] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def attribute(self, name: str) -> AttributeScore:
        """The accuracy counter called `name`, created on first use."""
        return self.attributes.setdefault(name, AttributeScore())

    def tally(
        self,
        n_gold: int,
        matched: dict[int, int],
        excused: set[int],
        describe_gold: list[str],
        describe_pred: list[str],
    ) -> None:
        """Fill the counts from a matching; `excused` predictions matched an optional item."""
        taken = set(matched.values())
        self.counts.tp = len(matched)
        self.counts.fn = n_gold - len(matched)
        self.counts.optional = len(excused - taken)
        self.missed = [describe_gold[g] for g in range(n_gold) if g not in matched]
        self.spurious = [
            text for p, text in enumerate(describe_pred) if p not in taken and p not in excused
        ]
        self.counts.fp = len(self.spurious)
