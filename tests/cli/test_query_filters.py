"""The CLI query commands go through the service: names and CAMEO roots resolve, pages turn,
and a filter value that cannot match is one error line listing the choices (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive.builders import corpus
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


def ids(output: str, key: str) -> list[str]:
    return [json.loads(line)[key] for line in output.splitlines() if line.strip()]


def test_events_by_country_names_and_cameo_root_match_codes(db: str) -> None:
    by_codes = runner.invoke(
        app,
        [
            "events",
            "--db",
            db,
            "--country",
            "CHN",
            "--country",
            "RUS",
            "--type",
            "CONSULT",
            "--json",
        ],
    )
    by_names = runner.invoke(
        app, ["events", "--db", db, "--dyad", "Kina-Russland", "--type", "04", "--json"]
    )
    assert by_codes.exit_code == 0 and by_names.exit_code == 0, by_names.output
    assert ids(by_codes.stdout, "story_id") == ids(by_names.stdout, "story_id") != []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["events", "--country", "Atlantis"], "ISO 3166"),
        (["events", "--type", "MEETING"], "CONSULT"),
        (["events", "--since", "last week"], "yesterday, 7d"),
        (["quotes", "--lang", "xx"], "languages: nb"),
        (["duplicates", "--relation", "clone"], "translation"),
        (["quotes", "--speaker", "Nobody Atall"], "no entity in the archive"),
        (["events", "--entity", "Nobody Atall"], "no entity in the archive"),
    ],
)
def test_unmatchable_filter_is_one_error_line(db: str, args: list[str], says: str) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2
    [line] = [text for text in result.stderr.splitlines() if text.strip()]
    assert line.startswith("newsgraph: error:") and says in line


def test_offset_turns_the_page(db: str) -> None:
    first = runner.invoke(app, ["quotes", "--db", db, "--limit", "1", "--json"])
    second = runner.invoke(app, ["quotes", "--db", db, "--limit", "1", "--offset", "1", "--json"])
    assert len(ids(first.stdout, "text")) == 1 and len(ids(second.stdout, "text")) == 1
    assert ids(first.stdout, "text") != ids(second.stdout, "text")


def test_unknown_entity_is_an_error(db: str) -> None:
    result = runner.invoke(app, ["entity", "Nobody Atall", "--db", db])
    assert result.exit_code == 1 and "no entity called" in result.stderr


def test_export_takes_a_relative_since_like_the_query_commands(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(
        app, ["export", "--db", db, "--format", "jsonl", "--out", str(out), "--since", "7d"]
    )
    assert result.exit_code == 0, result.output
    bad = runner.invoke(app, ["export", "--db", db, "--out", str(out), "--since", "last week"])
    assert bad.exit_code == 1 and "yesterday, 7d" in bad.stderr
