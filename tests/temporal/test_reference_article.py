"""Acceptance: the reference article's gold times normalise exactly (gold read at run time)."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.model import Article, Meta
from newsgraph.temporal import find_times


def test_reference_article_gold_times_normalise_exactly(
    shared_dir: Path, reference_path: Path
) -> None:
    gold = json.loads(
        (shared_dir / "gold" / "nb" / "nguoiduatin-belousov-beijing.gold.json").read_text("utf-8")
    )
    text = reference_path.read_text(encoding="utf-8")
    article = Article(text=text, lang="nb", meta=Meta(published=gold["meta"]["published"]))
    predicted = [(t.text, t.value) for t in find_times(article)]
    assert len(gold["times"]) == 5
    for entry in gold["times"]:
        assert (entry["text"], entry["value"]) in predicted
