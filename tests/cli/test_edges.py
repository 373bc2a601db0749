"""The commands at their edges: wrong --db, foreign or read-only archives, --config everywhere,
huge limits, and ingest listing what it skipped."""

from __future__ import annotations

import gzip
import sqlite3
import stat
from pathlib import Path

import pytest
from archive.builders import corpus
from typer.testing import CliRunner

from newsgraph.archive import open_archive
from newsgraph.cli import app, register_commands

register_commands()
runner = CliRunner()
READ_COMMANDS = [
    ["search", "hamn"],
    ["events"],
    ["quotes"],
    ["stats"],
    ["failures"],
    ["duplicates"],
    ["entity", "Ola"],
]
TEXT = "The council approved the new harbour plan on Tuesday evening after a long debate."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    with open_archive(path) as archive:
        archive.add_articles(corpus())
    return path


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_query_on_a_missing_file_is_an_error_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 1
    assert "no archive at" in result.stderr and str(missing) in result.stderr
    assert not missing.exists()


def test_unsupported_url_scheme_is_an_error_not_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["stats"], ["ingest", str(tmp_path)]):
        result = runner.invoke(app, [*command, "--db", "mysql://user@host/news"])
        assert result.exit_code == 1, result.output
        assert "unsupported archive address mysql://" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unrelated_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    before = other.read_bytes()
    query = runner.invoke(app, ["stats", "--db", str(other)])
    assert query.exit_code == 1 and "not a newsgraph archive" in query.stderr
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    ingest = runner.invoke(app, ["ingest", str(folder), "--db", str(other), "--workers", "1"])
    assert ingest.exit_code == 1 and "not a newsgraph archive" in ingest.stderr
    assert other.read_bytes() == before


def test_empty_sqlite_file_is_not_an_archive_for_queries(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["stats", "--db", str(empty)])
    assert result.exit_code == 1 and "not a newsgraph archive" in result.stderr


def test_read_only_archive_can_be_queried(db: Path) -> None:
    db.chmod(stat.S_IRUSR | stat.S_IRGRP)
    for sidecar in db.parent.glob(db.name + "-*"):
        sidecar.unlink()
    result = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert '"articles"' in result.stdout


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["schema"], ["settings"]], ids=str)
def test_every_command_accepts_config(tmp_path: Path, db: Path, command: list[str]) -> None:
    config = tmp_path / "newsgraph.toml"
    config.write_text(f'database = "{db}"\n', encoding="utf-8")
    result = runner.invoke(app, [*command, "--config", str(config)])
    assert "No such option" not in result.output
    assert result.exit_code in (0, 1), result.output


def test_config_names_the_archive_for_queries(tmp_path: Path, db: Path) -> None:
    config = tmp_path / "newsgraph.toml"
    config.write_text(f'database = "{db}"\n', encoding="utf-8")
    result = runner.invoke(app, ["stats", "--config", str(config), "--json"])
    assert result.exit_code == 0, result.output


def test_huge_limit_is_a_usage_error_not_a_traceback(db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--limit", "99999999999999999999"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_search_with_thousands_of_terms_is_refused_clearly(db: Path) -> None:
    query = " ".join(f"w{i}" for i in range(4_000))
    result = runner.invoke(app, ["search", query, "--db", str(db)])
    assert result.exit_code == 1
    assert "at most" in result.stderr


def test_search_repeating_one_term_is_one_term(db: Path) -> None:
    result = runner.invoke(app, ["search", " ".join(["harbour"] * 4_000), "--db", str(db)])
    assert result.exit_code == 0, result.output


def test_ingest_lists_compressed_pages_and_skipped_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    page = f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
    (folder / "a.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "b.pdf").write_bytes(b"%PDF-1.4")
    archive = str(tmp_path / "a.db")
    args = ["ingest", str(folder), "--db", archive, "--workers", "1", "--stages", "clean"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "stored 1" in result.stdout
    failures = runner.invoke(app, ["failures", "--db", archive, "--json"])
    assert "b.pdf" in failures.stdout and "not an input format" in failures.stdout


def test_one_unreadable_explicit_path_does_not_fail_the_command(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(TEXT, encoding="utf-8")
    args = [str(tmp_path / "missing.txt"), str(good), "--stages", "clean"]
    extract = runner.invoke(app, ["extract", *args, "--format", "jsonl"])
    assert extract.exit_code == 0
    assert "missing.txt: no such file" in extract.stderr
    ingest = runner.invoke(app, ["ingest", *args, "--db", str(tmp_path / "a.db"), "--workers", "1"])
    assert ingest.exit_code == 0, ingest.output
