"""Inputs cut into shards that remote readers handle on their own, in input order.

A shard is one file, or one byte range of a large plain JSON Lines file (cut at line starts,
carrying the number of its first line so `file:line` names stay those of the local reader) or
of a large WARC file (cut at record starts: a `.warc.gz` at the gzip member of a record; one
gzipped as a single stream cannot be cut and stays one shard).
Reading the shards one after the other yields exactly what `ingest.read_paths` yields: same
articles, same failures, same order. Planning reads only the directory tree and, for a large
JSON Lines file, its newlines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, iter_files, read_file
from newsgraph.ingest.containers import check_regular, display_path
from newsgraph.ingest.jsonl import parse_line, record_to_article
from newsgraph.ingest.manifest import Manifest, load_manifest
from newsgraph.model import Article

# Plain JSON Lines files are read in ranges of at most this size by several readers...
SHARD_BYTES = 64 * 1024 * 1024
# ...and cut into at least `min_ranges` ranges (so every worker has some), none under this size.
MIN_RANGE_BYTES = 16 * 1024
RANGE_SUFFIXES = (".jsonl", ".ndjson")
WARC_RANGE_SUFFIXES = (".warc", ".warc.gz")
SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class Shard:
    """A unit of reading: a failure known at planning, a whole file, or a JSONL byte range."""

    root: str
    file: str = ""
    start: int = 0
    end: int = -1
    first_line: int = 1
    failure_path: str = ""
    failure_reason: str = ""

    def to_row(self) -> dict[str, Any]:
        """The shard as a plain row (Ray Data items are rows)."""
        return asdict(self)


def plan_shards(
    paths: list[Path], shard_bytes: int = SHARD_BYTES, min_ranges: int = 1
) -> list[Shard]:
    """Shards covering `paths` in the order `read_paths` reads them.

    A plain JSON Lines file is cut into ranges of at most `shard_bytes`, and into `min_ranges`
    ranges when it is large enough for each to hold `MIN_RANGE_BYTES`.
    """
    shards: list[Shard] = []
    for path in paths:
        root = str(path)
        if root == "-":
            shards.append(
                Shard(
                    root,
                    failure_path="<stdin>",
                    failure_reason="the Ray runner reads files, not standard input",
                )
            )
            continue
        try:
            exists = path.exists() or path.is_symlink()
        except OSError as error:
            shards.append(
                Shard(
                    root,
                    failure_path=display_path(path),
                    failure_reason=f"cannot read ({error.strerror})",
                )
            )
            continue
        if not exists:
            shards.append(
                Shard(
                    root,
                    failure_path=display_path(path),
                    failure_reason="no such file or directory",
                )
            )
            continue
        for file in iter_files(path):
            if isinstance(file, InputFailure):
                shards.append(Shard(root, failure_path=file.path, failure_reason=file.reason))
            else:
                shards.extend(_file_shards(root, file, shard_bytes, min_ranges))
    return shards


def _file_shards(root: str, file: Path, shard_bytes: int, min_ranges: int) -> list[Shard]:
    """One shard per file, or record-aligned ranges of a large JSON Lines or WARC file."""
    name = file.name.lower()
    try:
        size = file.stat().st_size if name.endswith(RANGE_SUFFIXES + WARC_RANGE_SUFFIXES) else 0
    except OSError:
        size = 0
    if min_ranges > 1:
        shard_bytes = min(shard_bytes, max(MIN_RANGE_BYTES, -(-size // min_ranges)))
    if size <= shard_bytes:
        return [Shard(root, str(file))]
    if name.endswith(WARC_RANGE_SUFFIXES):
        return _warc_shards(root, file, size, shard_bytes)
    shards = []
    start, line = 0, 1
    with file.open("rb") as stream:
        while start < size:
            target = start + shard_bytes
            lines = 0
            position = start
            # Count the newlines up to the first line start at or after `target`.
            while position < min(target, size):
                chunk = stream.read(min(SCAN_CHUNK, target - position))
                if not chunk:
                    break
                lines += chunk.count(b"\n")
                position += len(chunk)
            if position < size:
                rest = stream.readline()
                position += len(rest)
                lines += rest.endswith(b"\n")
            end = min(position, size)
            shards.append(Shard(root, str(file), start, end, line))
            start, line = end, line + lines
    return shards


def _warc_shards(root: str, file: Path, size: int, shard_bytes: int) -> list[Shard]:
    """Ranges of whole records, each at least `shard_bytes` but the last; the whole file when
    its records cannot be found without reading it from the start."""
    from newsgraph.ingest.warc import record_offsets

    offsets = record_offsets(file)
    if not offsets or offsets[0] != 0:
        return [Shard(root, str(file))]
    shards = []
    start = 0
    for offset in offsets[1:]:
        if offset - start >= shard_bytes:
            shards.append(Shard(root, str(file), start, offset))
            start = offset
    shards.append(Shard(root, str(file), start, size))
    return shards


@lru_cache(maxsize=64)
def _manifest(root: str) -> Manifest:
    return load_manifest(Path(root))


def read_shard(shard: Shard, max_bytes: int) -> Iterator[Article | InputFailure]:
    """The articles and failures of one shard, as `read_paths` yields them."""
    if shard.failure_path:
        yield InputFailure(shard.failure_path, shard.failure_reason)
        return
    file = Path(shard.file)
    manifest = _manifest(shard.root)
    if shard.end < 0:
        items = read_file(file, max_bytes)
    elif file.name.lower().endswith(WARC_RANGE_SUFFIXES):
        from newsgraph.ingest.warc import read_warc_range

        items = read_warc_range(file, shard.start, shard.end, max_bytes)
    else:
        items = _read_range(shard, max_bytes)
    for item in items:
        if isinstance(item, Article):
            manifest.apply(file, item)
        yield item


def _read_range(shard: Shard, max_bytes: int) -> Iterator[Article | InputFailure]:
    """The JSON Lines records whose lines start inside the shard's byte range."""
    where = display_path(Path(shard.file))
    try:
        check_regular(Path(shard.file))
        with open(shard.file, "rb") as stream:
            stream.seek(shard.start)
            number = shard.first_line
            while stream.tell() < shard.end and (line := stream.readline()):
                at = f"{where}:{number}"
                number += 1
                if not line.strip():
                    continue
                if len(line) > max_bytes:
                    limit = f"{max_bytes / 1_000_000:.0f} MB"
                    yield InputFailure(at, f"line is larger than the {limit} limit")
                    continue
                try:
                    yield record_to_article(parse_line(line, at), at, max_bytes)
                except InputError as error:
                    yield InputFailure(error.path, error.reason)
    except InputError as error:
        yield InputFailure(error.path, error.reason)
    except OSError as error:
        yield InputFailure(where, f"cannot read ({error.strerror})")
