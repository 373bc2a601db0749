"""benchmarks/ner.py: a new run keeps the results it replaces under "previous"."""

from __future__ import annotations

from typing import Any

from script_loader import load_script

ner = load_script("benchmarks/ner.py", "ner_benchmark")


def result(f1: float, date: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"overall": {"f1": f1}}
    if date is not None:
        found["date"] = date
    return found


def run(**sets: dict[str, Any]) -> dict[str, Any]:
    return {"date": "2026-12-03T10:00:00+00:00", "languages": dict(sets)}


def test_a_set_measured_again_keeps_the_result_it_replaces() -> None:
    earlier = {
        "date": "2026-12-02T08:00:00+00:00",
        "languages": {"da": result(0.70), "nb": result(0.74, "2026-12-01T00:00:00+00:00")},
    }
    results = run(da=result(0.76))
    ner.merge_earlier(results, earlier, keep_others=True)
    assert results["languages"]["da"] == {"overall": {"f1": 0.76}, "date": results["date"]}
    assert results["previous"]["da"] == {"overall": {"f1": 0.70}, "date": earlier["date"]}
    # A set this run did not measure keeps its last result and its own date, and has no previous.
    assert results["languages"]["nb"]["date"] == "2026-12-01T00:00:00+00:00"
    assert "nb" not in results["previous"]


def test_older_previous_entries_stay_until_their_set_is_measured_again() -> None:
    earlier = {
        "date": "2026-12-02T08:00:00+00:00",
        "languages": {"da": result(0.70), "sv": result(0.73)},
        "previous": {"sv": result(0.66, "2026-12-01T00:00:00+00:00")},
    }
    results = run(da=result(0.76))
    ner.merge_earlier(results, earlier, keep_others=True)
    assert results["previous"]["sv"]["overall"]["f1"] == 0.66
    assert results["previous"]["da"]["overall"]["f1"] == 0.70
    again = run(sv=result(0.77))
    ner.merge_earlier(again, results, keep_others=True)
    assert again["previous"]["sv"]["overall"]["f1"] == 0.73
    assert again["languages"]["da"]["overall"]["f1"] == 0.76


def test_a_run_over_every_set_drops_sets_it_did_not_measure() -> None:
    earlier = {"date": "2026-12-02T08:00:00+00:00", "languages": {"xx": result(0.5)}}
    results = run(da=result(0.76))
    ner.merge_earlier(results, earlier, keep_others=False)
    assert list(results["languages"]) == ["da"]
    assert "previous" not in results


def test_a_first_run_only_dates_its_results() -> None:
    results = run(da=result(0.76))
    ner.merge_earlier(results, None, keep_others=True)
    assert results["languages"]["da"]["date"] == results["date"]
    assert "previous" not in results
