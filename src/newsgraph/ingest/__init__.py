"""Readers that turn files, directories, JSON Lines, WARC and stdin into Articles.

An Article from ingest carries the raw text (before cleaning) and the metadata the input gave.
`read_paths` never raises for one bad input: it yields an InputFailure naming the file and reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html import extract_html
from newsgraph.model import Article, Meta

DEFAULT_MAX_BYTES = 20_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SKIPPED_NAMES = ("readme", "license", "licence")
TEXT_SUFFIXES = (".txt", ".text")
DIRECTORY_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
# Fewer words than this left after boilerplate removal is navigation, not an article.
MIN_ARTICLE_WORDS = 5


@dataclass(frozen=True)
class InputFailure:
    """An input that yielded no article, with the reason."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def looks_like_html(text: str) -> bool:
    """True when a text starts like an HTML document."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def article_from_text(text: str, meta: Meta, path: str, input_format: str) -> Article:
    """An Article holding raw text; HTML is reduced to its main text first."""
    meta.input_path = path
    if input_format == "html" or (input_format == "text" and looks_like_html(text)):
        body, page_meta = extract_html(text, meta.source_url)
        if len(body.split()) < MIN_ARTICLE_WORDS:
            raise InputError(path, "HTML page with no article text")
        merged = page_meta.model_dump()
        merged.update({k: v for k, v in meta.model_dump().items() if v not in (None, [], "")})
        meta = Meta(**merged)
        meta.input_format = "html"
        text = body
    else:
        meta.input_format = input_format
    if not text.strip():
        raise InputError(path, "empty file: no text to process")
    return Article(raw=text, meta=meta)


def read_bytes(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One article from the bytes of a text or HTML file."""
    if not data.strip():
        raise InputError(path, "empty file: no text to process")
    if len(data) > max_bytes:
        size = len(data) / 1_000_000
        raise InputError(
            path, f"{size:.1f} MB is larger than the {max_bytes / 1_000_000:.0f} MB limit"
        )
    text, encoding = decode_bytes(data, path)
    suffix = Path(path).suffix.lower()
    input_format = "html" if suffix in HTML_SUFFIXES else "text"
    article = article_from_text(text, Meta(encoding=encoding), path, input_format)
    article.meta.encoding = encoding
    return article


def record_to_article(record: Any, where: str, max_bytes: int) -> Article:
    """One JSON Lines record {id?, url, html|text, published?, title?} to an Article."""
    if not isinstance(record, dict):
        raise InputError(where, "record is not a JSON object")
    body = record.get("html") or record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "record has no 'text' or 'html'")
    if len(body.encode("utf-8")) > max_bytes:
        raise InputError(where, f"record is larger than the {max_bytes / 1_000_000:.0f} MB limit")
    published = record.get("published")
    meta = Meta(
        external_id=str(record["id"]) if record.get("id") is not None else None,
        source_url=record.get("url") or None,
        published=str(published) if published else None,
        published_from="metadata" if published else None,
        title=record.get("title") or None,
    )
    input_format = "html" if record.get("html") else "text"
    return article_from_text(body, meta, where, input_format)


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Articles from a JSON Lines file; a bad line is a failure, the rest goes on."""
    try:
        handle = path.open(encoding="utf-8", errors="strict")
        lines = list(handle)
        handle.close()
    except (OSError, UnicodeDecodeError) as error:
        yield InputFailure(str(path), f"cannot read JSON Lines ({error})")
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield record_to_article(json.loads(line), where, max_bytes)
        except json.JSONDecodeError as error:
            yield InputFailure(where, f"invalid JSON ({error.msg})")
        except InputError as error:
            yield InputFailure(error.path, error.reason)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputFailure]:
    """Articles from one file of any supported format."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, max_bytes)
        return
    if name.endswith(WARC_SUFFIXES):
        from newsgraph.ingest.warc import read_warc

        yield from read_warc(path, max_bytes)
        return
    try:
        if path.stat().st_size > max_bytes:
            size = path.stat().st_size / 1_000_000
            limit = max_bytes / 1_000_000
            raise InputError(str(path), f"{size:.1f} MB is larger than the {limit:.0f} MB limit")
        yield read_bytes(path.read_bytes(), str(path), max_bytes)
    except InputError as error:
        yield InputFailure(error.path, error.reason)
    except OSError as error:
        yield InputFailure(str(path), f"cannot read file ({error.strerror or error})")


def is_article_file(path: Path) -> bool:
    """In a directory walk: files of an input format (or without suffix), not hidden, not docs."""
    name = path.name.lower()
    if name.startswith(".") or name in SKIPPED_NAMES:
        return False
    return not path.suffix or name.endswith(DIRECTORY_SUFFIXES)


def iter_files(path: Path) -> Iterator[Path]:
    """The file itself (any name), or every article file below a directory in a stable order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and is_article_file(child):
                yield child
    else:
        yield path


def read_paths(
    paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputFailure]:
    """Articles (or failures) from files, directories and `-` for stdin."""
    import sys

    for path in paths:
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            try:
                yield read_bytes(data, "<stdin>", max_bytes)
            except InputError as error:
                yield InputFailure(error.path, error.reason)
            continue
        if not path.exists():
            yield InputFailure(str(path), "no such file or directory")
            continue
        for file in iter_files(path):
            yield from read_file(file, max_bytes)


def count_inputs(paths: list[Path]) -> int:
    """How many inputs `read_paths` will yield, counted without parsing: one per file, one per
    non-blank line of a JSON Lines file, one per WARC file (its records are not counted)."""
    total = 0
    for path in paths:
        if str(path) == "-" or not path.exists():
            total += 1
            continue
        for file in iter_files(path):
            if file.name.lower().endswith(JSONL_SUFFIXES):
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Articles from one path; raises InputError when it yields none."""
    articles: list[Article] = []
    failures: list[InputFailure] = []
    for item in read_paths([path], max_bytes):
        (articles if isinstance(item, Article) else failures).append(item)  # type: ignore[arg-type]
    if not articles and failures:
        raise InputError(failures[0].path, failures[0].reason)
    return articles


__all__ = [
    "InputFailure",
    "count_inputs",
    "read_bytes",
    "read_path",
    "read_paths",
    "record_to_article",
]
