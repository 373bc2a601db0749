"""Exports: articles, GDELT-like events and quotes as JSON Lines, CSV and Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.archive import Repository
from newsgraph.archive.export import COLUMNS, write_rows
from newsgraph.errors import ConfigError

from .builders import MEETING_NB, build, corpus


@pytest.fixture
def filled(archive: Repository) -> Repository:
    archive.add_articles(corpus())
    return archive


def test_event_rows_have_gdelt_like_columns(filled: Repository) -> None:
    rows = list(filled.export_rows("events"))
    assert len(rows) == 5
    nb = next(r for r in rows if r["source_article_id"] == build(MEETING_NB).id)
    assert nb["date"] == "2024-10-14"
    assert (nb["actor1"], nb["actor1_country"]) == ("Dong Jun", "CHN")
    assert (nb["actor2"], nb["actor2_country"]) == ("Andrej Belousov", "RUS")
    assert (nb["category"], nb["location_name"]) == ("CONSULT", "Beijing")
    assert nb["source_url"] == MEETING_NB.url
    assert nb["evidence"].startswith("Kinas forsvarsminister Dong Jun tok mandag imot")
    assert set(rows[0]) == set(COLUMNS["events"])


def test_article_and_quote_rows(filled: Repository) -> None:
    articles = list(filled.export_rows("articles"))
    assert [a["article_id"] for a in articles] == [a.id for a in corpus()]
    assert articles[0]["entities"] == 5 and articles[0]["events"] == 1
    quotes = list(filled.export_rows("quotes"))
    assert {(q["speaker"], q["speaker_country"], q["lang"]) for q in quotes} == {
        ("Dong Jun", "CHN", "nb"),
        ("Dong Jun", "CHN", "en"),
    }


@pytest.mark.parametrize("what", ["articles", "events", "quotes"])
def test_every_format_writes_every_row(filled: Repository, tmp_path: Path, what: str) -> None:
    expected = list(filled.export_rows(what))  # type: ignore[arg-type]
    counts = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"{what}.{fmt}"
        counts[fmt] = write_rows(iter(expected), what, fmt, out)  # type: ignore[arg-type]
    assert set(counts.values()) == {len(expected)}
    lines = (tmp_path / f"{what}.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    with (tmp_path / f"{what}.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(expected)
    table = pq.read_table(tmp_path / f"{what}.parquet")
    assert table.column_names == list(COLUMNS[what])
    assert table.to_pylist() == expected


def test_empty_export_still_writes_a_parquet_schema(tmp_path: Path) -> None:
    assert write_rows(iter([]), "quotes", "parquet", tmp_path / "q.parquet") == 0
    assert pq.read_table(tmp_path / "q.parquet").column_names == list(COLUMNS["quotes"])


def test_unknown_format_or_kind_is_a_config_error(filled: Repository, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        write_rows(iter([]), "quotes", "xlsx", tmp_path / "q.xlsx")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        list(filled.export_rows("people"))  # type: ignore[arg-type]
