"""Ingest: every input format, encodings, and every bad-input case."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, count_inputs, read_path, read_paths
from newsgraph.model import Article

NB_TEXT = "Ordføreren åpnet den nye brua i Tromsø på mandag.\n\nHun sa at brua var etterlengtet.\n"
HTML_PAGE = """<!DOCTYPE html><html><head><title>Bridge opens</title>
<meta property="article:published_time" content="2024-05-02"></head><body>
<nav>Home | World | Sport</nav><article><h1>Bridge opens in the north</h1>
<p>The mayor opened the new bridge on Monday after three years of building work in the harbour.</p>
<p>She said the bridge would cut the drive to the airport by twenty minutes for most families.</p>
<p>Local shops expect more visitors from the islands now that the crossing is open all year.</p>
</article><footer>Contact us</footer></body></html>"""


def only_articles(items: list[Article | InputFailure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def test_text_file_is_read_with_raw_text_and_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NB_TEXT, encoding="utf-8")
    [article] = read_path(path)
    assert article.raw == NB_TEXT
    assert article.meta.input_path == str(path)
    assert article.meta.input_format == "text"


def test_latin1_file_is_detected_not_assumed(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes((NB_TEXT * 3).encode("latin-1"))
    [article] = read_path(path)
    assert "Tromsø" in article.raw
    assert article.meta.encoding and article.meta.encoding.lower() != "utf-8"


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = read_path(path)
    assert "opened the new bridge" in article.raw
    assert "Contact us" not in article.raw
    assert article.meta.published == "2024-05-02"
    assert article.meta.input_format == "html"


def test_jsonl_records_keep_given_metadata_and_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {"id": "r1", "url": "https://example.no/a", "published": "2024-01-02", "text": NB_TEXT}
        ),
        "{not json",
        json.dumps({"id": "r3", "url": "https://example.com/b", "html": HTML_PAGE}),
        json.dumps({"id": "r4"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path]))
    articles = only_articles(items)
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert [a.meta.external_id for a in articles] == ["r1", "r3"]
    assert articles[0].meta.published == "2024-01-02"
    assert articles[0].meta.published_from == "metadata"
    assert articles[1].meta.source_url == "https://example.com/b"
    assert {f.path for f in failures} == {f"{path}:2", f"{path}:4"}
    assert "invalid JSON" in failures[0].reason


def test_warc_response_records_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        record = writer.create_warc_record(
            "https://example.com/bridge",
            "response",
            payload=io.BytesIO(HTML_PAGE.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    [article] = only_articles(list(read_paths([path])))
    assert article.meta.source_url == "https://example.com/bridge"
    assert "opened the new bridge" in article.raw


def test_a_library_error_over_several_lines_is_a_one_line_reason(tmp_path: Path) -> None:
    # Two records in one gzip stream: warcio reads the first, then refuses the rest with a
    # message of several lines.
    raw = io.BytesIO()
    writer = WARCWriter(raw, gzip=False)
    for number in range(2):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        record = writer.create_warc_record(
            f"https://example.com/{number}",
            "response",
            payload=io.BytesIO(HTML_PAGE.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    path = tmp_path / "one-stream.warc.gz"
    path.write_bytes(gzip.compress(raw.getvalue()))
    [failure] = [item for item in read_paths([path]) if isinstance(item, InputFailure)]
    assert failure.reason.startswith("not a readable WARC file (ArchiveLoadFailed: ")
    assert "non-chunked gzip" in failure.reason and "\n" not in failure.reason
    assert "\n" not in str(failure)


def test_directory_is_read_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    paths = [a.meta.input_path for a in only_articles(list(read_paths([tmp_path])))]
    assert paths == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(NB_TEXT.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    [article] = only_articles(list(read_paths([Path("-")])))
    assert article.meta.input_path == "<stdin>"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"  \n\n", "empty file"),
        ("binary.bin", bytes(range(256)) * 10, "binary file"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article"),
        ("broken.txt", b"\xff\xfe\x00\x00\x00\x01\x02garbage", "binary file"),
    ],
)
def test_bad_input_gives_one_line_reason_naming_the_file(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_path(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert reason in message
    assert "\n" not in message


def test_invalid_utf8_text_is_decoded_by_detection_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Næringsministeren «lover» mer støtte til fiskerne i år.".encode("cp1252") * 4)
    [article] = read_path(path)
    assert "«lover»" in article.raw


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    with pytest.raises(InputError, match="larger than"):
        read_path(path)


def test_missing_path_is_a_failure_and_batch_continues(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(NB_TEXT, encoding="utf-8")
    items = list(read_paths([tmp_path / "missing.txt", good]))
    assert isinstance(items[0], InputFailure)
    assert "no such file" in items[0].reason
    assert isinstance(items[1], Article)


def test_gzip_file_that_is_not_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"hello"))
    items = list(read_paths([path]))
    assert all(isinstance(item, InputFailure) for item in items)


def test_page_with_a_few_stray_nul_bytes_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(("Ministeren kom til byen i går kveld. " * 40).encode() + b"\x00\x00")
    [article] = read_path(path)
    assert article.raw.startswith("Ministeren")


def test_directory_walk_skips_docs_and_hidden_files_but_named_files_are_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "story.txt").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "README.md").write_text("# corpus notes", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(NB_TEXT, encoding="utf-8")
    walked = [a.meta.input_path for a in only_articles(list(read_paths([tmp_path])))]
    assert walked == [str(tmp_path / "story.txt")]
    named = only_articles(list(read_paths([tmp_path / "README.md"])))
    assert len(named) == 1


def test_input_count_of_compressed_json_lines_matches_reading(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Artikkel nummer {n} om fiskeri."}) for n in range(3)]
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    assert count_inputs([tmp_path]) == 3
    assert len(list(read_paths([tmp_path]))) == 3


def test_input_count_matches_what_reading_yields(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Første artikkel.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Andre.</p></body></html>")
    lines = [json.dumps({"text": f"Artikkel {n}."}) for n in range(3)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skjult", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    # a.txt, b.html, three records, the skipped hidden file and the missing path: each is one
    # input, read or reported as a failure.
    assert count_inputs([tmp_path, missing]) == 7
    assert len(list(read_paths([tmp_path, missing]))) == 7
