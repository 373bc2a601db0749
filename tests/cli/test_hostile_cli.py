"""The reliability campaign's failures at the command line, one regression test each where no
other test holds it: filter values that cannot match, dates that are not dates, an empty WARC,
an unreadable explicit path, and the JSON Lines fields the docs must list."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from archive.builders import corpus
from typer.testing import CliRunner

from newsgraph.archive import open_archive
from newsgraph.cli import app, register_commands
from newsgraph.ingest import jsonl

register_commands()
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
TEXT = "The council approved the new harbour plan on Tuesday evening after a long debate."


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "archive.db")
    with open_archive(path) as archive:
        archive.add_articles(corpus())
    return path


def stories(db: str, *args: str) -> list[str]:
    result = runner.invoke(app, ["events", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["story_id"] for line in result.stdout.splitlines() if line.strip()]


def test_country_by_english_name_matches_its_code(db: str) -> None:
    assert stories(db, "--country", "Russia") == stories(db, "--country", "RUS") != []


def test_event_type_that_is_not_a_category_lists_the_choices(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--type", "ATTACK"])
    assert result.exit_code == 2
    assert "PLOVER" in result.stderr and "ASSAULT" in result.stderr


@pytest.mark.parametrize("since", ["yesterday", "7d", "2019-11-01", "2019-11", "2019"])
def test_relative_and_iso_dates_are_accepted(db: str, since: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--since", since])
    assert result.exit_code == 0, result.output


def test_a_date_with_slashes_is_an_error_not_a_string_comparison(db: str) -> None:
    assert stories(db, "--since", "2019-11-01") != []
    result = runner.invoke(app, ["events", "--db", db, "--since", "2019/11/01"])
    assert result.exit_code == 2 and "ISO date" in result.stderr


def test_empty_warc_is_listed_with_a_reason_by_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.warc").write_bytes(b"")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    archive = str(tmp_path / "a.db")
    args = ["ingest", str(folder), "--db", archive, "--workers", "1", "--stages", "clean"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    failures = runner.invoke(app, ["failures", "--db", archive, "--json"])
    [failure] = [json.loads(line) for line in failures.stdout.splitlines() if line.strip()]
    assert failure["input_path"].endswith("empty.warc")
    assert "no HTML response records" in failure["reason"]


def test_an_unreadable_explicit_path_is_listed_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked, good = tmp_path / "locked.txt", tmp_path / "good.txt"
    locked.write_text(TEXT, encoding="utf-8")
    good.write_text(TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    original = Path.open

    def refuse(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    args = [str(locked), str(good), "--stages", "clean", "--format", "jsonl"]
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    assert f"{locked}: cannot read file (Permission denied)" in result.stderr
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == 1


def test_every_jsonl_field_the_reader_takes_is_documented() -> None:
    docs = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", docs, flags=re.MULTILINE))
    assert {"id", *jsonl.STRING_FIELDS} <= documented
