"""Ingest under bad bytes, wrong types, special files and containers: one bad input never costs
the good ones, and every input that gives no article is listed with a one-line reason."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import InputFailure, read_paths
from newsgraph.model import Article

NB_TEXT = "Ordføreren åpnet den nye brua i Tromsø på mandag.\n\nHun sa at brua var etterlengtet.\n"
HTML_PAGE = (
    "<html><head><title>Bridge</title></head><body><article>"
    "<p>The mayor opened the new bridge on Monday after three years of building work.</p>"
    "<p>She said the bridge would cut the drive to the airport by twenty minutes.</p>"
    "</article></body></html>"
)


def split(items: list[Article | InputFailure]) -> tuple[list[Article], list[InputFailure]]:
    articles = [item for item in items if isinstance(item, Article)]
    failures = [item for item in items if isinstance(item, InputFailure)]
    return articles, failures


def record(**fields: object) -> str:
    return json.dumps(fields)


def test_jsonl_wrong_typed_field_fails_alone_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        record(id="a", text=NB_TEXT),
        record(id="b", url=5, text=NB_TEXT),
        record(text=NB_TEXT),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    articles, failures = split(list(read_paths([path])))
    assert [a.meta.external_id for a in articles] == ["a", None]
    [failure] = failures
    assert failure.path == f"{path}:2"
    assert "'url' must be a string" in failure.reason


def test_jsonl_numeric_id_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(record(id=17, text=NB_TEXT), encoding="utf-8")
    [article], _ = split(list(read_paths([path])))
    assert article.meta.external_id == "17"


def test_jsonl_deeply_nested_record_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    nested = "[" * 100_000 + "]" * 100_000
    path.write_text(nested + "\n" + record(id="ok", text=NB_TEXT), encoding="utf-8")
    articles, [failure] = split(list(read_paths([path])))
    assert [a.meta.external_id for a in articles] == ["ok"]
    assert failure.path == f"{path}:1"
    assert "invalid JSON" in failure.reason


def test_jsonl_one_invalid_byte_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    bad = record(id="bad", text=NB_TEXT).encode().replace(b"Ordf", b"Or\xffdf")
    path.write_bytes(bad + b"\n" + record(id="good", text=NB_TEXT).encode())
    articles, failures = split(list(read_paths([path])))
    assert [a.meta.external_id for a in articles] == ["bad", "good"]
    assert failures == []
    assert "\ufffd" in articles[0].raw


def test_jsonl_byte_order_mark_does_not_lose_the_first_record(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + record(id="first", text=NB_TEXT).encode() + b"\n")
    [article], failures = split(list(read_paths([path])))
    assert article.meta.external_id == "first"
    assert failures == []


def test_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path: Path) -> None:
    name = os.fsdecode(b"nyhet-\xe6\xf8.txt")
    (tmp_path / name).write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NB_TEXT, encoding="utf-8")
    articles, failures = split(list(read_paths([tmp_path])))
    assert len(articles) == 2 and failures == []
    paths = [a.meta.input_path or "" for a in articles]
    assert any("\\xe6\\xf8" in p for p in paths)
    for path in paths:
        path.encode("utf-8")


def test_utf8_with_one_stray_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((NB_TEXT * 3).encode("utf-8") + b"\xff slutt.\n")
    [article], _ = split(list(read_paths([path])))
    assert "Tromsø" in article.raw and "åpnet" in article.raw
    assert article.meta.encoding is not None and article.meta.encoding.startswith("utf-8")


def test_utf16_text_is_read_not_refused_as_binary(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-le"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(NB_TEXT.encode(encoding))
        [article], _ = split(list(read_paths([path])))
        assert article.raw == NB_TEXT


def test_nul_bytes_are_dropped_so_every_backend_stores_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((NB_TEXT * 3).replace("brua", "br\x00ua", 1).encode())
    [article], _ = split(list(read_paths([path])))
    assert "\x00" not in article.raw and "brua" in article.raw


def _warc_bytes(body: bytes) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.com/a", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    return buffer.getvalue()


def test_truncated_warc_record_is_a_failure_not_a_short_article(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    path.write_bytes(_warc_bytes(HTML_PAGE.encode() * 3)[:-200])
    articles, [failure] = split(list(read_paths([path])))
    assert articles == []
    assert "truncated record" in failure.reason


def test_empty_warc_is_a_failure_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    articles, [failure] = split(list(read_paths([path])))
    assert articles == [] and failure.path == str(path)
    assert "no HTML response records" in failure.reason


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    articles, [failure] = split(list(read_paths([tmp_path])))
    assert len(articles) == 1
    assert failure.path == str(fifo) and "not a regular file" in failure.reason


def test_endless_device_is_refused_not_read_into_memory() -> None:
    articles, [failure] = split(list(read_paths([Path("/dev/zero")], max_bytes=1000)))
    assert articles == [] and "not a regular file" in failure.reason


def test_file_that_lies_about_its_size_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"ord " * 100_000))
    _, [failure] = split(list(read_paths([path], max_bytes=10_000)))
    assert "limit" in failure.reason


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
)
def test_compressed_files_of_every_kind_are_read(tmp_path: Path, suffix: str, compress) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / f"a.txt{suffix}").write_bytes(compress(NB_TEXT.encode()))
    (tmp_path / f"b.html{suffix}").write_bytes(compress(HTML_PAGE.encode()))
    (tmp_path / f"c.jsonl{suffix}").write_bytes(compress(record(id="j", text=NB_TEXT).encode()))
    articles, failures = split(list(read_paths([tmp_path])))
    assert failures == []
    assert [a.meta.input_format for a in articles] == ["text", "html", "text"]
    assert articles[2].meta.external_id == "j"


def test_corrupt_compressed_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(HTML_PAGE.encode())[:30])
    _, [failure] = split(list(read_paths([path])))
    assert failure.path == str(path) and "cannot read" in failure.reason


def test_zip_archive_members_are_read_and_named(tmp_path: Path) -> None:
    path = tmp_path / "drop.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("news/a.txt", NB_TEXT)
        archive.writestr("news/b.html", HTML_PAGE)
        archive.writestr("news/empty.txt", "")
    articles, [failure] = split(list(read_paths([path])))
    assert [a.meta.input_path for a in articles] == [f"{path}!news/a.txt", f"{path}!news/b.html"]
    assert failure.path == f"{path}!news/empty.txt"


def test_directory_walk_lists_every_skipped_file_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "README.md").write_text("docs", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(NB_TEXT, encoding="utf-8")
    articles, failures = split(list(read_paths([tmp_path])))
    assert len(articles) == 1
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert "not an input format (.jpg)" in reasons["photo.jpg"]
    assert "documentation" in reasons["README.md"]
    assert "hidden" in reasons[".hidden.txt"]


def test_unreadable_sub_directory_is_listed_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    original = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    articles, [failure] = split(list(read_paths([tmp_path])))
    assert len(articles) == 1
    assert failure.path == str(locked) and "cannot read directory" in failure.reason


def test_one_missing_explicit_path_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    articles, [failure] = split(list(read_paths([tmp_path / "gone.txt", tmp_path / "a.txt"])))
    assert len(articles) == 1 and "no such file" in failure.reason


def test_manifest_gives_files_their_url_and_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,published\na.txt,https://example.no/a,2024-03-01\n", encoding="utf-8"
    )
    [article], [skipped] = split(list(read_paths([tmp_path])))
    assert article.meta.source_url == "https://example.no/a"
    assert article.meta.published == "2024-03-01"
    assert "manifest" in skipped.reason


def test_html_extraction_errors_are_surfaced_with_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("parser exploded")

    monkeypatch.setattr("trafilatura.bare_extraction", explode)
    path = tmp_path / "a.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    _, [failure] = split(list(read_paths([path])))
    assert failure.path == str(path)
    assert "ValueError: parser exploded" in failure.reason


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lokalavisa</title>
<item><title>Brua er åpnet</title><link>https://example.no/brua</link>
<pubDate>Tue, 02 Apr 2024 10:00:00 +0200</pubDate>
<content:encoded><![CDATA[<p>Ordføreren åpnet den nye brua i Tromsø på mandag.</p>
<p>Hun sa at brua var etterlengtet.</p>]]></content:encoded></item>
<item><title>Bare lenke</title><link>https://example.no/lenke</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Port talks</title><link href="https://example.com/port"/>
<published>2024-04-02T08:00:00Z</published>
<content type="html">&lt;p&gt;The minister said the port talks went well on Tuesday.&lt;/p&gt;</content>
</entry></feed>"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.no/a</loc></url><url><loc>https://example.no/b</loc></url></urlset>"""


def test_rss_items_with_text_become_articles_with_link_date_and_title(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    [article], [failure] = split(list(read_paths([path])))
    assert article.meta.source_url == "https://example.no/brua"
    assert article.meta.title == "Brua er åpnet"
    assert article.meta.published == "2024-04-02T10:00:00+02:00"
    assert "Tromsø" in article.raw and "<p>" not in article.raw
    assert "only a link" in failure.reason and "lenke" in failure.path


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article], failures = split(list(read_paths([path])))
    assert failures == []
    assert article.meta.source_url == "https://example.com/port"
    assert article.raw.startswith("The minister said")


def test_sitemap_file_says_it_holds_no_text(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text(SITEMAP, encoding="utf-8")
    _, [failure] = split(list(read_paths([path])))
    assert "lists 2 pages" in failure.reason and "follow" in failure.reason


def test_feed_with_an_external_entity_is_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "evil.rss"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><link>https://e.no/</link><description>&x; ord ord ord ord ord"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    articles, failures = split(list(read_paths([path])))
    assert all("root:" not in a.raw for a in articles)
    assert articles or failures


def test_one_stray_byte_anywhere_in_a_paragraph_keeps_it_utf8() -> None:
    from newsgraph.ingest.decode import decode_bytes

    data = NB_TEXT.encode("utf-8")
    for position in range(len(data) + 1):
        for stray in (0x80, 0x92, 0xC3, 0xE6, 0xF8, 0xFF):
            damaged = data[:position] + bytes([stray]) + data[position:]
            text, encoding = decode_bytes(damaged, "a.txt")
            assert encoding.startswith("utf-8"), (position, hex(stray))
            assert "Tromsø" in text or "åpnet" in text


def test_text_in_a_code_page_is_still_detected() -> None:
    from newsgraph.ingest.decode import decode_bytes

    text, encoding = decode_bytes((NB_TEXT * 3).encode("cp1252"), "a.txt")
    assert not encoding.startswith("utf-8") and "Tromsø" in text
