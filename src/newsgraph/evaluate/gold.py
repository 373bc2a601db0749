"""Gold files and the articles they describe: finding them and reading each `doc`.

A `doc` is a path relative to the gold folder's parent (shared/), or `path#id` naming one record
of a JSON Lines corpus whose records carry `id`, `url`, `published` and `text`.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class GoldDoc:
    """A gold file with the text of its article and the metadata its source gives."""

    gold_file: Path
    gold: dict[str, Any]
    text: str
    path: Path
    source_url: str | None = None
    published: str | None = None
    external_id: str | None = None

    @property
    def doc(self) -> str:
        """The gold's `doc` reference."""
        return str(self.gold.get("doc", ""))

    @property
    def lang(self) -> str:
        """The gold language, `?` when the gold gives none."""
        return str(self.gold.get("lang") or "?")


def find_gold_files(gold_dir: Path) -> list[Path]:
    """Every `*.gold.json` under `gold_dir`, sorted."""
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "no such gold folder")
    return sorted(gold_dir.rglob(f"*{GOLD_SUFFIX}"))


def read_gold(gold_file: Path) -> dict[str, Any]:
    """Parse one gold file."""
    try:
        data = json.loads(gold_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(gold_file), f"cannot read gold file ({error})") from error
    if not isinstance(data, dict) or not data.get("doc"):
        raise InputError(str(gold_file), "a gold file is a JSON object with a `doc` field")
    return data


class DocResolver:
    """Reads the articles gold files point at, loading each JSON Lines corpus once."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._records: dict[Path, dict[str, dict[str, Any]]] = {}

    def resolve(self, gold_file: Path, gold: dict[str, Any]) -> GoldDoc:
        """The GoldDoc of a parsed gold file."""
        doc = str(gold["doc"])
        relative, _, record_id = doc.partition("#")
        path = self.base / relative
        if not record_id:
            return GoldDoc(gold_file, gold, read_text_file(path), path)
        record = self._record(path, record_id)
        return GoldDoc(
            gold_file,
            gold,
            str(record.get("text") or ""),
            path,
            source_url=record.get("url") or None,
            published=record.get("published") or None,
            external_id=str(record["id"]),
        )

    def _record(self, path: Path, record_id: str) -> dict[str, Any]:
        if path not in self._records:
            self._records[path] = read_jsonl_records(path)
        try:
            return self._records[path][record_id]
        except KeyError:
            raise InputError(f"{path}#{record_id}", "no record with this id") from None


def read_text_file(path: Path) -> str:
    """The raw text of an article file, decoded by the ingest reader when it is installed."""
    try:
        ingest = importlib.import_module("newsgraph.ingest")
        articles = ingest.read_path(path)
    except (ImportError, AttributeError):
        articles = None
    if articles:
        first = articles[0]
        return str(first.raw or first.text)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read article ({error})") from error


def read_jsonl_records(path: Path) -> dict[str, dict[str, Any]]:
    """The records of a JSON Lines corpus by id."""
    records: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read corpus ({error})") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}", f"not a JSON record ({error})") from error
        if isinstance(record, dict) and "id" in record:
            records[str(record["id"])] = record
    return records
