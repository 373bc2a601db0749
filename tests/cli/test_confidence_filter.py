"""`newsgraph events --min-confidence` and `newsgraph export --min-confidence`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive.builders import levelled_corpus
from typer.testing import CliRunner

from newsgraph.archive import open_archive
from newsgraph.cli import app, register_commands

register_commands()
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "archive.db")
    with open_archive(path) as archive:
        archive.add_articles(levelled_corpus())
    return path


def _stories(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["events", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_default_lists_every_story_and_min_confidence_narrows(db: str) -> None:
    everything = _stories(db)
    high = _stories(db, "--min-confidence", "high")
    assert 0 < len(high) < len(everything)
    for story in high:
        reports = story["reports"]
        assert isinstance(reports, list)
        assert any(report["confidence_level"] == "high" for report in reports)


def test_events_with_an_unknown_level_is_one_error_line(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--min-confidence", "sure"])
    assert result.exit_code == 2
    [line] = [text for text in result.stderr.splitlines() if text.strip()]
    assert "min_confidence" in line and "low, medium, high" in line


def test_export_min_confidence_writes_only_those_events(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    args = ["export", "--format", "jsonl", "--out", str(out), "--db", db]
    assert runner.invoke(app, args).exit_code == 0
    every = [json.loads(line) for line in out.read_text().splitlines()]
    result = runner.invoke(app, [*args, "--min-confidence", "medium"])
    assert result.exit_code == 0, result.output
    kept = [json.loads(line) for line in out.read_text().splitlines()]
    assert {row["confidence_level"] for row in every} == {"low", "medium", "high"}
    assert 0 < len(kept) < len(every)
    assert {row["confidence_level"] for row in kept} <= {"medium", "high"}


def test_export_with_an_unknown_level_fails_naming_the_levels(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--out", str(out), "--db", db, "--min-confidence", "x"])
    assert result.exit_code != 0
    assert "low, medium, high" in result.stderr
