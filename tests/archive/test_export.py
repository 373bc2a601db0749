"""Exports: articles, GDELT-like events and quotes as JSON Lines, CSV and Parquet."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.archive import Repository
from newsgraph.archive.export import COLUMNS, write_rows
from newsgraph.archive.gdelt import actor_code, cameo_table
from newsgraph.errors import ConfigError

from .builders import MEETING_EN_TRANSLATION, MEETING_NB, NORWAY_TALKS, build, corpus


@pytest.fixture
def filled(archive: Repository) -> Repository:
    archive.add_articles(corpus())
    return archive


def test_event_rows_have_gdelt_like_columns(filled: Repository) -> None:
    rows = list(filled.export_rows("events"))
    assert len(rows) == 5
    nb = next(r for r in rows if r["source_article_id"] == build(MEETING_NB).id)
    assert (nb["date"], nb["date_end"], nb["date_precision"]) == (
        date(2024, 10, 14),
        date(2024, 10, 14),
        "day",
    )
    assert (nb["actor1"], nb["actor1_country"], nb["actor1_code"]) == ("Dong Jun", "CHN", "CHN")
    assert (nb["actor2"], nb["actor2_country"]) == ("Andrej Belousov", "RUS")
    assert (nb["category"], nb["location_name"]) == ("CONSULT", "Beijing")
    assert (nb["cameo_code"], nb["cameo_root"], nb["quad_class"], nb["goldstein"]) == (
        "040",
        "04",
        1,
        1.0,
    )
    assert nb["countries"] == ["CHN", "RUS"]
    assert nb["source_url"] == MEETING_NB.url
    assert nb["evidence"].startswith("Kinas forsvarsminister Dong Jun tok mandag imot")
    assert set(rows[0]) == set(COLUMNS["events"])


def test_story_counts_reports_and_independent_sources(filled: Repository) -> None:
    rows = {r["source_article_id"]: r for r in filled.export_rows("events")}
    meeting = rows[build(MEETING_NB).id]
    # The English translation is a second report but not a second source.
    assert rows[build(MEETING_EN_TRANSLATION).id]["story_id"] == meeting["story_id"]
    assert (meeting["story_reports"], meeting["story_sources"]) == (2, 1)
    norway = rows[build(NORWAY_TALKS).id]
    assert (norway["story_reports"], norway["story_sources"]) == (1, 1)


def test_cameo_codes_follow_mode_then_category() -> None:
    table = cameo_table()
    visit = table.code("CONSULT", "visit")
    assert visit is not None and (visit.code, visit.root, visit.quad_class) == ("042", "04", 1)
    attack = table.code("ASSAULT", "firearms")
    assert attack is not None and (attack.root, attack.quad_class) == ("19", 4)
    assert attack.goldstein < 0 < table.goldstein["07"]
    protest = table.code("PROTEST", "no such mode")
    assert protest is not None and protest.code == "140"
    assert table.code("NOT A CATEGORY") is None


def test_actor_codes_are_country_then_sector() -> None:
    assert actor_code("NOR", "GOV") == "NORGOV"
    assert actor_code(None, "IGO") == "IGO"
    assert actor_code("RUS", None) == "RUS"
    assert actor_code(None, None) is None


def test_events_export_filters_by_date_country_of_the_report_and_type(
    filled: Repository,
) -> None:
    def ids(**filters: object) -> set[str]:
        rows = filled.export_rows("events", **filters)  # type: ignore[arg-type]
        return {row["source_article_id"] for row in rows}

    assert len(ids(since="2024-11-01")) == 1
    assert ids(countries=["nor"]) == {build(NORWAY_TALKS).id}
    assert ids(countries=["RUS", "NOR"]) == set()
    assert len(ids(types=["consult"], since="2024-10-15")) == 3
    assert all(
        row["published"] >= "2024-10-16"
        for row in filled.export_rows("articles", since="2024-10-16")
    )


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"since": "last week"}, "ISO date"),
        ({"since": "2024-02-30"}, "not a date"),
        ({"countries": ["XXX"]}, "countries in the archive: CHN, NOR, RUS"),
        ({"types": ["BATTLE"]}, "choose from AGREE"),
    ],
)
def test_a_filter_that_cannot_match_is_an_error_naming_the_choices(
    filled: Repository, filters: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        filled.export_rows("events", **filters)  # type: ignore[arg-type]


def test_event_filters_on_articles_are_an_error(filled: Repository) -> None:
    with pytest.raises(ConfigError, match="filter events only"):
        filled.export_rows("articles", countries=["NOR"])


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
    as_json = [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()} for row in expected
    ]
    assert [json.loads(line) for line in lines] == as_json
    with (tmp_path / f"{what}.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(expected)
    table = pq.read_table(tmp_path / f"{what}.parquet")
    assert table.column_names == list(COLUMNS[what])
    assert table.to_pylist() == expected


def test_event_columns_are_typed_in_every_format(filled: Repository, tmp_path: Path) -> None:
    rows = list(filled.export_rows("events"))
    write_rows(iter(rows), "events", "parquet", tmp_path / "e.parquet")
    write_rows(iter(rows), "events", "csv", tmp_path / "e.csv")
    write_rows(iter(rows), "events", "jsonl", tmp_path / "e.jsonl")
    schema = pq.read_schema(tmp_path / "e.parquet")
    assert schema.field("date").type == pa.date32()
    assert schema.field("countries").type == pa.list_(pa.string())
    assert schema.field("quad_class").type == pa.int64()
    assert schema.field("goldstein").type == pa.float64()
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert first["date"] == "2024-10-14" and first["countries"] == "CHN;RUS"
    record = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["countries"] == ["CHN", "RUS"] and record["story_reports"] == 2


def test_empty_export_still_writes_a_parquet_schema(tmp_path: Path) -> None:
    assert write_rows(iter([]), "quotes", "parquet", tmp_path / "q.parquet") == 0
    assert pq.read_table(tmp_path / "q.parquet").column_names == list(COLUMNS["quotes"])


def test_unknown_format_or_kind_is_a_config_error(filled: Repository, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        write_rows(iter([]), "quotes", "xlsx", tmp_path / "q.xlsx")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        list(filled.export_rows("people"))  # type: ignore[arg-type]
