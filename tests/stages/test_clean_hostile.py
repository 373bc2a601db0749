"""Cleaning on hostile text: superlinear patterns only ever see short lines.

Python's regex engine backtracks; the metadata patterns (source, byline, caption, dateline) are
quadratic on long runs of spaces or dots, so the cleaner must never hand them a long line. These
tests watch what each pattern is given instead of timing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from newsgraph.stages import clean
from newsgraph.stages.clean import MAX_CAPTION, MAX_LIFTED_LINE, Rule, clean_text, load_rules

HOSTILE_LINES = [
    "a" + " " * 30_000 + "b",
    ". " * 15_000 + "foto: x",
    "By " + "John Smith " * 3_000 + "(via Reuters)",
    '"' * 20_000,
    "«»-–—ABC " * 4_000,
    "1" * 30_000,
]


class SpyPattern:
    """A compiled pattern that records the length of every string it is run on."""

    def __init__(self, pattern: re.Pattern[str], seen: list[tuple[str, int]], kind: str) -> None:
        self.pattern = pattern
        self.seen = seen
        self.kind = kind

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        self.seen.append((self.kind, len(text)))
        return self.pattern.match(text, *args)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        self.seen.append((self.kind, len(text)))
        return self.pattern.search(text, *args)

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        self.seen.append((self.kind, len(text)))
        return self.pattern.finditer(text, *args)


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    lengths: list[tuple[str, int]] = []
    spied = tuple(
        replace(rule, pattern=SpyPattern(rule.pattern, lengths, rule.kind))  # type: ignore[arg-type]
        for rule in load_rules()
    )

    def rules(kind: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in spied if rule.kind == kind)

    monkeypatch.setattr(clean, "_rules", rules)
    return lengths


@pytest.mark.parametrize("line", HOSTILE_LINES, ids=lambda line: repr(line[:12]))
def test_metadata_patterns_never_see_a_long_line(seen: list[tuple[str, int]], line: str) -> None:
    clean_text(f"Første linje i saken.\n{line}\nSiste linje i saken.")
    assert seen, "the spy saw no pattern run"
    limits = {"caption": MAX_CAPTION}
    for kind, length in seen:
        if kind in ("source", "byline", "caption", "dateline", "dateline_prefix", "url_date"):
            assert length <= limits.get(kind, MAX_LIFTED_LINE), (kind, length)


def test_url_date_patterns_see_a_bounded_url(seen: list[tuple[str, int]]) -> None:
    clean.url_date("https://example.com/" + "2024/" * 10_000)
    assert max(length for kind, length in seen if kind == "url_date") <= MAX_LIFTED_LINE


def test_inline_patterns_do_not_open_with_a_quantified_run() -> None:
    # `search` retries a leading `\s*` at every position of a run of spaces: quadratic.
    for rule in load_rules():
        if rule.kind == "inline":
            assert not re.match(r"\\[sW]\*|\.\*|\s\*", rule.pattern.pattern), rule.name


def test_hostile_caption_line_is_kept_as_body_text() -> None:
    line = "x" + " " * (MAX_CAPTION + 10) + "photo: y"
    result = clean_text(f"Første linje.\n{line}")
    assert result.captions == []
    assert "photo: y" in result.text
