"""Infer an article's date from its own text: datelines ("Publisert 14.10.2024 kl. 10:15"),
bylines and dated captions near the top of the page.

The clean stage calls `find_document_date` when metadata gives no date and records that the date came
from the text. Only full dates (day, month and year) count; a date far into the body with nothing
marking it as a dateline is taken for news content, not the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.temporal.grammar import load_grammar
from newsgraph.temporal.tagger import Tagged, tag

_FULL_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)")
TOP_OF_PAGE = 500
SHORT_LINE = 80
MIN_SCORE = 2


@dataclass(frozen=True)
class DocumentDate:
    """A publication date read from the text, with where it was found and why it was chosen."""

    value: str
    start: int
    end: int
    text: str
    reason: str


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _has_cue(line: str, cues: list[str]) -> bool:
    lowered = line.lower()
    return any(re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", lowered) for cue in cues)


def _score(
    text: str, found: Tagged, cues: list[str], caption_cues: list[str]
) -> tuple[int, list[str]]:
    """How much a full date looks like the page's own date, with the reasons."""
    line_start, line_end = _line_bounds(text, found.start, found.end)
    line = text[line_start:line_end]
    reasons = []
    score = 0
    if _has_cue(line, cues):
        score += 3
        reasons.append("dateline cue")
    elif _has_cue(line, caption_cues):
        score += 2
        reasons.append("dated caption")
    if "T" in found.value or _CLOCK.search(line.replace(found.text, " ")):
        score += 2
        reasons.append("clock time on the line")
    if len(line.strip()) <= SHORT_LINE:
        score += 1
        reasons.append("short line")
    if found.start < TOP_OF_PAGE:
        score += 2
        reasons.append("top of page")
    elif found.start > len(text) - TOP_OF_PAGE and len(line.strip()) <= SHORT_LINE:
        score += 1
        reasons.append("foot of page")
    return score, reasons


def locate_document_date(text: str, lang: str | None) -> DocumentDate | None:
    """The most dateline-like full date in the text, with its span and the reasons for choosing it."""
    grammar = load_grammar(lang)
    cues = [str(cue).lower() for cue in grammar.document_date.get("cues", [])]
    caption_cues = [str(cue).lower() for cue in grammar.document_date.get("caption_cues", [])]
    best: tuple[int, int, DocumentDate] | None = None
    for found in tag(text, lang, None):
        full = _FULL_DATE.match(found.value)
        if full is None:
            continue
        score, reasons = _score(text, found, cues, caption_cues)
        candidate = DocumentDate(
            full.group(1), found.start, found.end, found.text, ", ".join(reasons)
        )
        if score >= MIN_SCORE and (best is None or (score, -found.start) > best[:2]):
            best = (score, -found.start, candidate)
    return None if best is None else best[2]


def find_document_date(text: str, lang: str | None) -> str | None:
    """The publication date (YYYY-MM-DD) a page states in its text, or None when it states none."""
    found = locate_document_date(text, lang)
    return None if found is None else found.value
