"""Score records of the evaluation: counts per layer, attribute accuracies, meta checks, reports.

Plain dataclasses that add up: a language's or the whole run's score is the sum of its files'
(micro-averaged counts), so precision and recall are always computed from the summed counts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LAYERS = ("entities", "quotes", "times", "events")
ATTRIBUTES = (
    "entity_country",
    "entity_titles",
    "quote_speaker",
    "quote_addressee",
    "quote_kind",
    "time_value",
    "event_location",
    "event_actors",
    "event_date",
)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class LayerScore:
    """Matched gold items (tp), unmatched predictions (fp) and missed gold items (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when the gold has no items."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: LayerScore) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.optional += other.optional

    def to_dict(self) -> dict[str, Any]:
        """Counts plus the derived precision, recall and F1."""
        return {
            **asdict(self),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class AttributeScore:
    """How many of the scored attribute values were correct."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """correct / total; 0 when nothing was scored."""
        return _ratio(self.correct, self.total)

    def record(self, correct: bool) -> None:
        """Count one scored value."""
        self.total += 1
        self.correct += int(correct)

    def add(self, other: AttributeScore) -> None:
        """Add another score's counts to this one."""
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        """Counts plus the derived accuracy."""
        return {**asdict(self), "accuracy": round(self.accuracy, 4)}


@dataclass
class MetaCheck:
    """One check of a gold `meta` field against the article."""

    field: str
    expected: str
    actual: str
    passed: bool


@dataclass
class Scores:
    """Everything measured for one article, a language or a whole run."""

    layers: dict[str, LayerScore] = field(default_factory=lambda: {n: LayerScore() for n in LAYERS})
    attributes: dict[str, AttributeScore] = field(
        default_factory=lambda: {n: AttributeScore() for n in ATTRIBUTES}
    )
    meta: AttributeScore = field(default_factory=AttributeScore)

    def add(self, other: Scores) -> None:
        """Add another score's counts to this one."""
        for name, layer in other.layers.items():
            self.layers.setdefault(name, LayerScore()).add(layer)
        for name, attribute in other.attributes.items():
            self.attributes.setdefault(name, AttributeScore()).add(attribute)
        self.meta.add(other.meta)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "meta": self.meta.to_dict(),
            "layers": {name: layer.to_dict() for name, layer in self.layers.items()},
            "attributes": {name: attr.to_dict() for name, attr in self.attributes.items()},
        }


@dataclass
class ArticleScore:
    """One article scored against its gold: the counts and what went wrong, item by item."""

    scores: Scores = field(default_factory=Scores)
    meta_checks: list[MetaCheck] = field(default_factory=list)
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)
    wrong: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            **self.scores.to_dict(),
            "meta_checks": [asdict(check) for check in self.meta_checks],
            "missed": self.missed,
            "spurious": self.spurious,
            "wrong": self.wrong,
        }


@dataclass
class FileScore:
    """The score of one gold file, or the error that kept its article from being extracted."""

    gold_file: str
    doc: str
    lang: str
    result: ArticleScore
    predicted_lang: str | None = None
    error: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "gold_file": self.gold_file,
            "doc": self.doc,
            "lang": self.lang,
            "predicted_lang": self.predicted_lang,
            "error": self.error,
            "seconds": round(self.seconds, 3),
            **self.result.to_dict(),
        }


@dataclass
class Report:
    """A whole evaluation run: every file, and the sums overall and per gold language."""

    gold_dir: str
    files: list[FileScore] = field(default_factory=list)
    skipped_stages: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Scores:
        """Summed counts over every file."""
        total = Scores()
        for file in self.files:
            total.add(file.result.scores)
        return total

    @property
    def by_language(self) -> dict[str, Scores]:
        """Summed counts per gold language, languages sorted."""
        sums: dict[str, Scores] = {}
        for file in sorted(self.files, key=lambda f: f.lang):
            sums.setdefault(file.lang, Scores()).add(file.result.scores)
        return sums

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "gold_dir": self.gold_dir,
            "skipped_stages": self.skipped_stages,
            "overall": self.overall.to_dict(),
            "by_language": {lang: s.to_dict() for lang, s in self.by_language.items()},
            "files": [file.to_dict() for file in self.files],
        }
