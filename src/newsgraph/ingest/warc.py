"""WARC files: HTML responses become articles (warcio adapter)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, article_from_text
from newsgraph.ingest.decode import decode_bytes
from newsgraph.model import Article, Meta


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Every HTML response record of a WARC file."""
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url}"
                data = record.content_stream().read()
                try:
                    if len(data) > max_bytes:
                        raise InputError(where, "record larger than the size limit")
                    html, encoding = decode_bytes(data, where)
                    article = article_from_text(html, Meta(source_url=url), where, "html")
                    article.meta.encoding = encoding
                    article.meta.input_format = "warc"
                    yield article
                except InputError as error:
                    yield InputFailure(error.path, error.reason)
    except (ArchiveLoadFailed, OSError, ValueError) as error:
        yield InputFailure(str(path), f"not a readable WARC file ({error})")
