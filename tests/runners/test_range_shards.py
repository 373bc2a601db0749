"""Byte-range shards of large JSON Lines and WARC files: every record read once, in order."""

from __future__ import annotations

import gzip
import itertools
import json
from io import BytesIO
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import read_paths
from newsgraph.runners.shards import plan_shards, read_shard

from .test_sharing import described

TOPICS = ["harbour fees", "rail freight", "school meals", "wind permits", "fishing quotas"]


def page(number: int) -> bytes:
    topic = TOPICS[number % len(TOPICS)]
    words = " ".join(f"{topic} detail {k}." for k in range(number % 7 + 3))
    return (
        f"<html><head><title>Report {number}</title></head><body><article><h1>Report {number}"
        f"</h1><p>The council in town {number} voted on {topic} after a long debate. {words}"
        f"</p><p>Members said the decision on {topic} would be reviewed next year.</p>"
        "</article></body></html>"
    ).encode()


def write_warc(path: Path, count: int, gzipped: bool) -> Path:
    """`count` records: HTML responses, and now and then a request or a non-HTML response."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for number in range(count):
            url = f"https://news.example/{number}"
            if number % 5 == 3:
                record = writer.create_warc_record(url, "request", payload=BytesIO(b"GET /"))
            else:
                kind = "text/plain" if number % 7 == 6 else "text/html; charset=utf-8"
                headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], "HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=BytesIO(page(number)), http_headers=headers
                )
            writer.write_record(record)
    return path


def write_jsonl(path: Path, count: int) -> Path:
    lines = [json.dumps({"id": f"n{k}", "text": page(k).decode()}) for k in range(count)]
    lines.insert(count // 2, "{not json")
    lines.insert(1, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_in_shards(path: Path, shard_bytes: int) -> tuple[int, list[tuple[str, str]]]:
    shards = plan_shards([path], shard_bytes=shard_bytes)
    return len(shards), described([item for s in shards for item in read_shard(s, 1_000_000)])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shard_bytes=st.integers(min_value=1, max_value=20_000), gzipped=st.booleans())
def test_warc_ranges_read_every_record_once_whatever_the_cut(
    tmp_path: Path, shard_bytes: int, gzipped: bool
) -> None:
    path = tmp_path / ("big.warc.gz" if gzipped else "big.warc")
    if not path.exists():
        write_warc(path, 24, gzipped)
    count, from_shards = read_in_shards(path, shard_bytes)
    assert from_shards == described(list(read_paths([path], 1_000_000)))
    # 24 records, 5 of them requests and 2 plain-text responses.
    assert len(from_shards) == 24 - 5 - 2
    if shard_bytes < path.stat().st_size // 4:
        assert count > 1, "the WARC file was not cut into ranges"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shard_bytes=st.integers(min_value=1, max_value=20_000))
def test_jsonl_ranges_read_every_record_once_whatever_the_cut(
    tmp_path: Path, shard_bytes: int
) -> None:
    path = tmp_path / "big.jsonl"
    if not path.exists():
        write_jsonl(path, 30)
    count, from_shards = read_in_shards(path, shard_bytes)
    assert from_shards == described(list(read_paths([path], 1_000_000)))
    assert len(from_shards) == 31
    if shard_bytes < path.stat().st_size // 4:
        assert count > 1


def test_a_warc_gzipped_as_one_stream_stays_one_shard(tmp_path: Path) -> None:
    chunked = write_warc(tmp_path / "records.warc.gz", 12, gzipped=True)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(gzip.decompress(chunked.read_bytes())))
    shards = plan_shards([whole], shard_bytes=100)
    assert len(shards) == 1 and shards[0].end < 0
    assert described([i for s in shards for i in read_shard(s, 1_000_000)]) == described(
        list(read_paths([whole], 1_000_000))
    )


def test_warc_ranges_start_at_records_and_cover_the_file(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "big.warc.gz", 30, gzipped=True)
    shards = plan_shards([path], shard_bytes=2_000)
    assert len(shards) > 3
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    data = path.read_bytes()
    for before, after in itertools.pairwise(shards):
        assert before.end == after.start
        assert data[after.start : after.start + 2] == b"\x1f\x8b"
