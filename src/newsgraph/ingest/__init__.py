"""Readers that turn files, directories, JSON Lines, WARC and stdin into Articles.

An Article from ingest carries the raw text (before cleaning) and the metadata the input gave.
`read_paths` never raises for one bad input: it yields an InputFailure naming the file and reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsgraph.errors import InputError
from newsgraph.ingest.containers import (
    DECOMPRESS_ERRORS,
    ZIP_SUFFIXES,
    Member,
    check_regular,
    display_path,
    inner_name,
    open_stream,
    read_bounded,
    zip_members,
)
from newsgraph.ingest.containers import read_member as read_member_bytes
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.feeds import (
    FEED_SUFFIXES,
    feed_kind,
    parse_feed,
    parse_sitemap,
    plain_text,
)
from newsgraph.ingest.html import extract_html, prepare_reader
from newsgraph.ingest.jsonl import articles_from_lines, record_to_article
from newsgraph.ingest.manifest import MANIFEST_NAMES, load_manifest
from newsgraph.model import Article, Meta

DEFAULT_MAX_BYTES = 20_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SKIPPED_NAMES = ("readme", "license", "licence")
TEXT_SUFFIXES = (".txt", ".text")
DIRECTORY_SUFFIXES = (
    TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + ZIP_SUFFIXES + FEED_SUFFIXES
)
# Fewer words than this left after boilerplate removal is navigation, not an article.
MIN_ARTICLE_WORDS = 5


@dataclass(frozen=True)
class InputFailure:
    """An input that yielded no article, with the reason."""

    path: str
    reason: str

    def __post_init__(self) -> None:
        # One line, whatever a library's message holds (warcio's span several lines).
        object.__setattr__(self, "reason", " ".join(self.reason.split()))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def looks_like_html(text: str) -> bool:
    """True when a text starts like an HTML document."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def article_from_text(text: str, meta: Meta, path: str, input_format: str) -> Article:
    """An Article holding raw text; HTML is reduced to its main text first."""
    meta.input_path = path
    # PostgreSQL refuses NUL in text; dropping it here stores the same text on every backend.
    text = text.replace("\x00", "")
    if input_format == "html" or (input_format == "text" and looks_like_html(text)):
        body, page_meta = extract_html(text, meta.source_url, where=path)
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
    for name in ("title", "source_url", "published", "external_id"):
        value = getattr(meta, name)
        if isinstance(value, str) and "\x00" in value:
            setattr(meta, name, value.replace("\x00", ""))
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
    input_format = "html" if inner_name(path).lower().endswith(HTML_SUFFIXES) else "text"
    article = article_from_text(text, Meta(encoding=encoding), path, input_format)
    article.meta.encoding = encoding
    return article


def _failure(error: InputError) -> InputFailure:
    return InputFailure(error.path, error.reason)


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes]:
    """Lines of a stream; a line over the limit is cut short (and refused by the JSONL reader)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Articles from a (possibly compressed) JSON Lines file; a bad line fails alone."""
    where = display_path(path)
    try:
        check_regular(path)
        with open_stream(path) as stream:
            for item in articles_from_lines(_bounded_lines(stream, max_bytes), where, max_bytes):
                yield item if isinstance(item, Article) else _failure(item)
    except InputError as error:
        yield _failure(error)
    except DECOMPRESS_ERRORS as error:
        yield InputFailure(where, f"cannot read JSON Lines ({type(error).__name__}: {error})")


def read_member(member: Member, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Articles from the bytes of one input (a file's content or a zip member)."""
    name = member.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        lines = member.data.splitlines(keepends=True)
        for item in articles_from_lines(lines, member.where, max_bytes):
            yield item if isinstance(item, Article) else _failure(item)
        return
    kind = feed_kind(member.data)
    if kind is not None or name.endswith(FEED_SUFFIXES):
        yield from read_feed(member, kind or "rss")
        return
    try:
        yield read_bytes(member.data, member.where, max_bytes)
    except InputError as error:
        yield _failure(error)


def read_feed(member: Member, kind: str) -> Iterator[Article | InputFailure]:
    """Articles from the items of an RSS/Atom feed; a sitemap only lists addresses."""
    try:
        if kind == "sitemap":
            count = len(parse_sitemap(member.data, member.where))
            raise InputError(
                member.where,
                f"sitemap lists {count:,} pages but holds no text; fetch them with "
                "`newsgraph follow`",
            )
        entries = parse_feed(member.data, member.where)
    except InputError as error:
        yield _failure(error)
        return
    if not entries:
        yield InputFailure(member.where, "feed holds no items")
    for number, entry in enumerate(entries, start=1):
        where = f"{member.where}#{entry.url or number}"
        if not entry.body:
            yield InputFailure(where, "feed item carries no article text (only a link)")
            continue
        meta = Meta(
            source_url=entry.url,
            title=entry.title,
            published=entry.published,
            published_from="metadata" if entry.published else None,
        )
        try:
            article = article_from_text(plain_text(entry.body), meta, where, "text")
        except InputError as error:
            yield _failure(error)
            continue
        article.meta.input_format = "feed"
        yield article


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputFailure]:
    """Articles from one file of any supported format."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        from newsgraph.ingest.warc import read_warc

        yield from read_warc(path, max_bytes)
        return
    if inner_name(name).endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, max_bytes)
        return
    if name.endswith(ZIP_SUFFIXES):
        for member in zip_members(path, max_bytes):
            if isinstance(member, InputError):
                yield _failure(member)
            else:
                yield from read_member(member, max_bytes)
        return
    try:
        member = read_member_bytes(path, max_bytes)
    except InputError as error:
        yield _failure(error)
        return
    yield from read_member(member, max_bytes)


def skip_reason(path: Path) -> str | None:
    """Why a directory walk leaves a file out, or None when it is read."""
    name = path.name.lower()
    if name.startswith("."):
        return "skipped: hidden file"
    if name in SKIPPED_NAMES or inner_name(name).split(".")[0] in SKIPPED_NAMES:
        return "skipped: documentation file (README/LICENSE)"
    if name.endswith(MANIFEST_NAMES):
        return "skipped: manifest (read for the metadata of its files)"
    base = inner_name(name)
    if not Path(base).suffix or base.endswith(DIRECTORY_SUFFIXES) or name.endswith(ZIP_SUFFIXES):
        return None
    return f"skipped: not an input format ({Path(name).suffix or 'no suffix'})"


def walk(path: Path) -> Iterator[Path | InputFailure]:
    """Every file below a directory in a stable order; unreadable folders and skips as failures."""
    try:
        children = sorted(path.iterdir(), key=lambda child: os.fsencode(child.name))
    except OSError as error:
        yield InputFailure(display_path(path), f"cannot read directory ({error.strerror})")
        return
    for child in children:
        try:
            is_dir = child.is_dir() and not child.is_symlink()
        except OSError as error:
            yield InputFailure(display_path(child), f"cannot read ({error.strerror})")
            continue
        if is_dir and child.name.startswith("."):
            yield InputFailure(display_path(child), "skipped: hidden directory")
        elif is_dir:
            yield from walk(child)
        elif (reason := skip_reason(child)) is not None:
            yield InputFailure(display_path(child), reason)
        else:
            yield child


def iter_files(path: Path) -> Iterator[Path | InputFailure]:
    """The file itself (any name), or every article file below a directory."""
    if path.is_dir():
        yield from walk(path)
    else:
        yield path


def read_paths(
    paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputFailure]:
    """Articles (or failures) from files, directories and `-` for stdin."""
    import sys

    for path in paths:
        if str(path) == "-":
            try:
                data = read_bounded(sys.stdin.buffer, max_bytes, "<stdin>")
                yield read_bytes(data, "<stdin>", max_bytes)
            except InputError as error:
                yield _failure(error)
            continue
        try:
            exists = path.exists() or path.is_symlink()
        except OSError as error:
            yield InputFailure(display_path(path), f"cannot read ({error.strerror})")
            continue
        if not exists:
            yield InputFailure(display_path(path), "no such file or directory")
            continue
        manifest = load_manifest(path)
        for file in iter_files(path):
            if isinstance(file, InputFailure):
                yield file
                continue
            for item in read_file(file, max_bytes):
                if isinstance(item, Article):
                    manifest.apply(file, item)
                yield item


def count_inputs(paths: list[Path]) -> int:
    """How many inputs `read_paths` will yield, counted without parsing: one per file, one per
    non-blank line of a JSON Lines file, one per WARC file (its records are not counted)."""
    total = 0
    for path in paths:
        if str(path) == "-" or not path.exists():
            total += 1
            continue
        for file in iter_files(path):
            if isinstance(file, InputFailure):
                total += 1
            elif inner_name(file.name).lower().endswith(JSONL_SUFFIXES):
                # Opened as the readers open it: regular files only, decompressed by suffix.
                try:
                    check_regular(file)
                    with open_stream(file) as handle:
                        total += sum(1 for line in handle if line.strip())
                except (InputError, *DECOMPRESS_ERRORS):
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
    "prepare_reader",
    "read_bytes",
    "read_path",
    "read_paths",
    "record_to_article",
]
