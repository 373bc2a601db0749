"""The archive commands: ingest, queries, failures, duplicates and export, on a SQLite archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive.builders import MEETING_NB, build, corpus
from typer.testing import CliRunner

from newsgraph.archive import open_archive
from newsgraph.cli import app, register_commands

register_commands()
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "archive.db")
    with open_archive(path) as archive:
        archive.add_articles(corpus())
    return path


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_ingest_then_rerun_skips_everything(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The council approved the new harbour plan on Tuesday evening after a long debate.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("", encoding="utf-8")
    args = ["ingest", str(folder), "--db", str(tmp_path / "a.db"), "--workers", "1"]
    first = runner.invoke(app, [*args, "--stages", "clean,language"])
    assert first.exit_code == 0, first.output
    assert "stored 1" in first.stdout and "failures 1" in first.stdout
    again = runner.invoke(app, [*args, "--stages", "clean,language"])
    assert "already archived 1" in again.stdout and "stored 0" in again.stdout
    failures = runner.invoke(app, ["failures", "--db", str(tmp_path / "a.db"), "--json"])
    [failure] = lines(failures.stdout)
    assert failure["stage"] == "input" and str(failure["input_path"]).endswith("b.txt")


def test_ingest_of_nothing_fails(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "ingest",
            str(tmp_path / "missing"),
            "--db",
            str(tmp_path / "a.db"),
            "--workers",
            "1",
            "--stages",
            "clean",
        ],
    )
    assert result.exit_code == 1
    assert "no input held an article" in result.stderr


def test_search_prints_matching_titles(db: str) -> None:
    result = runner.invoke(app, ["search", "militært samarbeid", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Kina og Russland" in result.stdout


def test_events_filters_by_country_type_and_date(db: str) -> None:
    result = runner.invoke(
        app,
        [
            "events",
            "--country",
            "RUS",
            "--country",
            "CHN",
            "--type",
            "consult",
            "--since",
            "2024-10-01",
            "--until",
            "2024-10-31",
            "--db",
            db,
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    # The Norwegian report and its translation are one story; the independent English report
    # shares nothing beyond the two ministers and stays a story of its own.
    stories = lines(result.stdout)
    assert [s["report_count"] for s in stories] == [1, 2]
    assert stories[1]["languages"] == ["en", "nb"]
    table = runner.invoke(app, ["events", "--country", "NOR", "--db", db])
    assert "CONSULT" in table.stdout and "NOR" in table.stdout


def test_quotes_by_speaker(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "Dong Jun", "--db", db, "--json"])
    assert {q["lang"] for q in lines(result.stdout)} == {"nb", "en"}


def test_entity_profile_and_unknown_entity(db: str) -> None:
    result = runner.invoke(app, ["entity", "Andrey Belousov", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Andrej Belousov" in result.stdout and "defence minister" in result.stdout
    missing = runner.invoke(app, ["entity", "Nobody Atall", "--db", db])
    assert missing.exit_code == 1


def test_stats_and_duplicates(db: str) -> None:
    [stats] = lines(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["counts"]["articles"] == 5  # type: ignore[index]
    [link] = lines(runner.invoke(app, ["duplicates", "--db", db, "--json"]).stdout)
    assert link["relation"] == "translation"
    assert link["original_id"] == build(MEETING_NB).id


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_the_file(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(
        app, ["export", "--what", "events", "--format", fmt, "--out", str(out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert "wrote 5 events" in result.stderr


def test_export_filters_select_events(db: str, tmp_path: Path) -> None:
    out = tmp_path / "norway.jsonl"
    args = ["export", "--format", "jsonl", "--out", str(out), "--db", db]
    result = runner.invoke(app, [*args, "--country", "NOR", "--type", "CONSULT"])
    assert result.exit_code == 0, result.output
    [row] = lines(out.read_text(encoding="utf-8"))
    assert row["countries"] == ["CHN", "NOR"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--since", "last week", "ISO date"),
        ("--country", "ATL", "countries in the archive: CHN, NOR, RUS"),
        ("--type", "BATTLE", "unknown PLOVER category"),
    ],
)
def test_export_filter_that_cannot_match_fails_naming_the_choices(
    db: str, tmp_path: Path, option: str, value: str, message: str
) -> None:
    out = tmp_path / "none.csv"
    result = runner.invoke(app, ["export", "--out", str(out), "--db", db, option, value])
    assert result.exit_code == 1
    assert message in result.stderr
    assert not out.exists()


def test_events_show_why_reports_were_merged(db: str) -> None:
    stories = lines(runner.invoke(app, ["events", "--db", db, "--json"]).stdout)
    merged = [s for s in stories if s["report_count"] == 2]
    assert len(merged) == 1
    reasons = [r["reason"] for r in merged[0]["reports"]]  # type: ignore[index]
    assert reasons[0] == "first report" and "dyad" in reasons[1]


def test_unreachable_database_is_one_line_and_exit_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert "cannot connect" in result.stderr


def test_events_provenance_flags_filter_stories(db: str) -> None:
    every = lines(runner.invoke(app, ["events", "--db", db, "--json"]).stdout)
    untranslated = runner.invoke(app, ["events", "--exclude-translations", "--db", db, "--json"])
    independent = runner.invoke(app, ["events", "--independent-sources", "--db", db, "--json"])
    assert untranslated.exit_code == 0 and independent.exit_code == 0
    # No article of the little corpus is marked a translation; its only two-publisher story is
    # a report and its translated copy, one independent source.
    assert len(lines(untranslated.stdout)) == len(every) > 0
    assert lines(independent.stdout) == []
