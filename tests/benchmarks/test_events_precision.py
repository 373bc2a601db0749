"""benchmarks/events_precision.py: a second draw leaves out the events an earlier sheet judged."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from script_loader import load_script

events_precision = load_script("benchmarks/events_precision.py", "events_precision")


def event(page: str, kind: str, start: int, end: int) -> dict[str, Any]:
    return {"page": page, "type": kind, "trigger": [start, end], "verdict": "", "reason": ""}


def test_judged_events_are_left_out_of_the_pool() -> None:
    pool = [
        event("p1", "PROTEST", 10, 20),
        event("p1", "ACCUSE", 10, 20),  # same trigger, another category: not judged
        event("p1", "PROTEST", 40, 50),  # same category, another trigger
        event("p2", "PROTEST", 12, 18),  # same offsets on another page
        event("p3", "AGREE", 5, 9),
    ]
    judged = [event("p1", "PROTEST", 15, 25), event("p3", "AGREE", 0, 6)]
    kept = events_precision._without_judged(pool, judged)
    assert kept == [pool[1], pool[2], pool[3]]


def test_nothing_judged_keeps_the_whole_pool() -> None:
    pool = [event("p1", "PROTEST", 10, 20)]
    assert events_precision._without_judged(pool, []) == pool


def test_exclude_sheet_options_read_the_judged_items_of_every_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps({"sample": [event("p1", "PROTEST", 1, 2)]}), encoding="utf-8")
    second.write_text(
        json.dumps(
            {
                "sample": [event("p2", "AGREE", 3, 4)],
                "coded_not_drawn": [event("p9", "AGREE", 0, 1)],
            }
        ),
        encoding="utf-8",
    )
    argv = ["x", "draw", "--exclude-sheet", str(first), "--exclude", "c.json"]
    monkeypatch.setattr(sys, "argv", [*argv, "--exclude-sheet", str(second)])
    items = events_precision._excluded_sheet_items()
    # Only judged items: the events a sheet coded but did not draw stay in the pool.
    assert [(item["page"], item["type"]) for item in items] == [("p1", "PROTEST"), ("p2", "AGREE")]


def test_unsure_verdicts_are_counted_and_left_out_of_the_sure_precision() -> None:
    items = [
        {**event("p1", "PROTEST", 1, 2), "verdict": "correct"},
        {**event("p1", "AGREE", 3, 4), "verdict": "wrong"},
        {**event("p2", "AGREE", 3, 4), "verdict": "correct", "unsure": True},
        {**event("p3", "ACCUSE", 3, 4), "verdict": "wrong", "unsure": True},
    ]
    assert events_precision._unsure(items) == {
        "unsure": 2,
        "unsure_correct": 1,
        "sure_only": {"judged": 2, "correct": 1, "precision": 0.5},
    }
    assert events_precision._unsure(items[:2]) == {}


def test_a_judged_item_takes_the_best_level_of_the_events_coded_on_its_trigger() -> None:
    coded = [{"confidence_level": "low"}, {"confidence_level": "medium"}]
    assert events_precision._best_level(coded) == "medium"
    assert events_precision._best_level([{"confidence_level": None}]) is None
    assert events_precision._best_level([]) is None


def test_precision_per_confidence_level_and_at_least_medium() -> None:
    items = [
        {"verdict": "correct", "confidence_level": "high"},
        {"verdict": "wrong", "confidence_level": "high"},
        {"verdict": "correct", "confidence_level": "medium"},
        {"verdict": "wrong", "confidence_level": "low"},
        {"verdict": "wrong", "confidence_level": "low"},
    ]
    by_level = events_precision._precision_by_level(items)
    assert by_level["high"] == {"judged": 2, "correct": 1, "precision": 0.5}
    assert by_level["medium"] == {"judged": 1, "correct": 1, "precision": 1.0}
    assert by_level["low"] == {"judged": 2, "correct": 0, "precision": 0.0}
    assert by_level["at_least_medium"] == {"judged": 3, "correct": 2, "precision": 0.6667}


def test_coded_like_takes_the_same_category_with_an_overlapping_trigger() -> None:
    from newsgraph.model import Article, Event, Span

    text = "The army shelled the town and the mayor protested."

    def coded(kind: str, start: int, end: int) -> Event:
        trigger = Span(start=start, end=end, text=text[start:end])
        return Event(id=f"{kind}{start}", type=kind, start=start, end=end, trigger=trigger)

    article = Article(
        id="a1",
        text=text,
        events=[coded("ASSAULT", 9, 16), coded("PROTEST", 39, 48), coded("ASSAULT", 30, 35)],
    )
    found = events_precision.coded_like(article, event("p", "ASSAULT", 12, 20))
    assert [e.id for e in found] == ["ASSAULT9"]
    assert events_precision.coded_like(article, event("p", "PROTEST", 9, 16)) == []


def test_the_german_news_pool_is_drawn_from_the_rows_of_the_exported_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [f"Web;'Der Minister sprach am Tag {n} in Wien.'" for n in range(400)]
    (tmp_path / "test.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["events_precision.py", "--gnad", str(tmp_path)])
    monkeypatch.setattr(events_precision, "_GNAD_ROWS", [])
    monkeypatch.setattr(events_precision, "_GNAD", {})
    texts = events_precision._gnad_texts()
    assert len(texts) == events_precision.GNAD_POOL_SIZE
    numbers = [int(page.removeprefix("gnadtest")) for page in texts]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert texts[f"gnadtest{numbers[0]}"] == f"Der Minister sprach am Tag {numbers[0]} in Wien."


def test_the_german_news_source_names_its_missing_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["events_precision.py"])
    monkeypatch.setattr(events_precision, "_GNAD_ROWS", [])
    with pytest.raises(SystemExit, match="gnad10k_de source needs --gnad DIR"):
        events_precision.gnad_rows()
