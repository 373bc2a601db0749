"""Sidecar manifests: a `manifest.csv` or `manifest.jsonl` next to the files gives each file's
original URL and publication date (a scrape usually saves pages under names that lose both).

CSV columns (header row required): `file`, `url`, `published`; JSON Lines records have the same
keys. `file` is relative to the manifest's folder. Values from the manifest fill only what the
file itself does not say.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.model import Article

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
MAX_MANIFEST_BYTES = 50_000_000


@dataclass(frozen=True)
class Entry:
    """What a manifest says about one file."""

    url: str | None = None
    published: str | None = None


@dataclass
class Manifest:
    """Entries by absolute file path; empty when there is no manifest."""

    entries: dict[Path, Entry] = field(default_factory=dict)

    def apply(self, file: Path, article: Article) -> None:
        """Fill an article's missing URL and publication date from the manifest."""
        entry = self.entries.get(file.absolute())
        if entry is None:
            return
        if entry.url and not article.meta.source_url:
            article.meta.source_url = entry.url
        if entry.published and not article.meta.published:
            article.meta.published = entry.published
            article.meta.published_from = "metadata"


def _rows(path: Path) -> list[dict[str, object]]:
    data = path.read_bytes()[:MAX_MANIFEST_BYTES].decode("utf-8-sig", errors="replace")
    if path.name.endswith(".csv"):
        return [dict(row) for row in csv.DictReader(io.StringIO(data))]
    rows = []
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            try:
                value = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                raise InputError(f"{path}:{number}", "invalid JSON in manifest") from error
            if isinstance(value, dict):
                rows.append(value)
    return rows


def read_manifest(path: Path) -> Manifest:
    """The entries of one manifest file; raises InputError when it cannot be read."""
    try:
        rows = _rows(path)
    except OSError as error:
        raise InputError(str(path), f"cannot read manifest ({error.strerror})") from error
    entries: dict[Path, Entry] = {}
    for row in rows:
        name = row.get("file")
        if not isinstance(name, str) or not name:
            continue
        url, published = row.get("url"), row.get("published")
        entries[(path.parent / name).absolute()] = Entry(
            url=url if isinstance(url, str) and url else None,
            published=published if isinstance(published, str) and published else None,
        )
    return Manifest(entries)


def load_manifest(path: Path) -> Manifest:
    """The manifest that applies under `path` (a folder's own, or the one beside a file)."""
    folder = path if path.is_dir() else path.parent
    manifest = Manifest()
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            try:
                manifest.entries.update(read_manifest(candidate).entries)
            except InputError:
                continue
    return manifest
