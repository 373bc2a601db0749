"""WARC files: HTML responses become articles (warcio adapter)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, article_from_text
from newsgraph.ingest.containers import check_regular, display_path
from newsgraph.ingest.decode import decode_bytes
from newsgraph.model import Article, Meta

WARC_ERRORS = (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error)


def _record_article(record: Any, where: str, url: str | None, max_bytes: int) -> Article:
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(where, "record larger than the size limit")
    # The reader stops at the end of the file: bytes still owed means the record was cut short.
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise InputError(where, f"truncated record ({missing} bytes missing)")
    html, encoding = decode_bytes(data, where)
    article = article_from_text(html, Meta(source_url=url), where, "html")
    article.meta.encoding = encoding
    article.meta.input_format = "warc"
    return article


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    return "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def _responses(
    stream: Any, where_file: str, max_bytes: int, counted: list[int]
) -> Iterator[Article | InputFailure]:
    """The HTML responses of a stream of WARC records (`counted[0]` counts them)."""
    for record in ArchiveIterator(stream):
        if not _is_html_response(record):
            continue
        counted[0] += 1
        url = record.rec_headers.get_header("WARC-Target-URI")
        where = f"{where_file}#{url}"
        try:
            yield _record_article(record, where, url, max_bytes)
        except InputError as error:
            yield InputFailure(error.path, error.reason)


def record_offsets(path: Path) -> list[int] | None:
    """Where each record of a WARC file starts (for a .warc.gz, each gzip member), when the
    file can be cut there: None for a file that is unreadable, holds no HTML response, or is
    gzipped as one stream (records are then found only by reading from the start)."""
    offsets: list[int] = []
    responses = 0
    try:
        check_regular(path)
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                offsets.append(records.get_record_offset())
                responses += _is_html_response(record)
    except (InputError, *WARC_ERRORS):
        return None
    return offsets if responses else None


def read_warc_range(
    path: Path, start: int, end: int, max_bytes: int
) -> Iterator[Article | InputFailure]:
    """The HTML responses of the records that start in [start, end) of a WARC file (`start`
    being a record offset from `record_offsets`), as `read_warc` yields them."""
    from warcio.limitreader import LimitReader

    where_file = display_path(path)
    try:
        check_regular(path)
        with path.open("rb") as stream:
            stream.seek(start)
            yield from _responses(LimitReader(stream, end - start), where_file, max_bytes, [0])
    except InputError as error:
        yield InputFailure(error.path, error.reason)
    except WARC_ERRORS as error:
        yield InputFailure(
            where_file, f"not a readable WARC file ({type(error).__name__}: {error})"
        )


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Every HTML response record of a WARC file; a file without one is a failure."""
    where_file = display_path(path)
    counted = [0]
    try:
        check_regular(path)
        with path.open("rb") as stream:
            yield from _responses(stream, where_file, max_bytes, counted)
    except InputError as error:
        yield InputFailure(error.path, error.reason)
        return
    except WARC_ERRORS as error:
        yield InputFailure(
            where_file, f"not a readable WARC file ({type(error).__name__}: {error})"
        )
        return
    if counted[0] == 0:
        yield InputFailure(where_file, "WARC file holds no HTML response records")


def append_response(
    path: Path,
    url: str,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    http_version: str = "HTTP/1.1",
) -> None:
    """Append one HTTP response, raw, as a gzipped WARC record (each record its own gzip member,
    so a file cut short by a crash loses only its last record)."""
    from http import HTTPStatus
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    kept = [
        (k, v) for k, v in headers if k.lower() not in ("content-encoding", "transfer-encoding")
    ]
    http_headers = StatusAndHeaders(f"{status} {phrase}".strip(), kept, protocol=http_version)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as stream:
        writer = WARCWriter(stream, gzip=True)
        record = writer.create_warc_record(
            url, "response", payload=BytesIO(body), http_headers=http_headers
        )
        writer.write_record(record)
