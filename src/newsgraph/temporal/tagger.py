"""Find temporal expressions in text and normalise them against an anchor date.

The tagger runs every rule of the language's grammar, keeps the longest non-overlapping matches that
form a valid value, joins a date with an adjacent clock time ("i morgen klokken 17"), and resolves
each against the anchor in the direction the tense of its verb points to (`tense_at`: the
governing verb where a parse exists, else the nearest one; see `newsgraph.temporal.tense`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsgraph.temporal import normalise as n
from newsgraph.temporal.grammar import Grammar, Rule, SlotError, build_spec, load_grammar
from newsgraph.temporal.prefilter import finditer_at
from newsgraph.temporal.resolve import Resolved, resolve
from newsgraph.temporal.spec import TimeSpec
from newsgraph.temporal.tense import Tense

TenseAt = Callable[[int, int], Tense | None]
STRONG_SLOTS = ("day", "year", "ordinal", "hour")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”–—\n]\s*|\(\s*)$")


@dataclass(frozen=True)
class Match:
    """A temporal expression found in text: its span, what it states, and the rule that found it."""

    start: int
    end: int
    text: str
    spec: TimeSpec
    rule: str
    priority: int
    match_length: int
    only_joined: bool = False


@dataclass(frozen=True)
class Tagged:
    """A found expression with its normalised TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchored: bool
    rule: str


def _at_sentence_start(text: str, offset: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, offset - 4) : offset]))


def _case_ok(grammar: Grammar, rule: Rule, match: re.Match[str], text: str) -> bool:
    """Apply the language's capitalisation rules to the named words of a match."""
    lowercase_tables = set(grammar.setting("lowercase_tables", []))
    capital_only = {str(word).lower() for word in grammar.setting("capital_only", [])}
    # Next to a number, an ordinal or a year a month name is a month whatever its case.
    strong = any(ch.isdigit() for ch in match.group()) or any(
        match.group(group) for group in STRONG_SLOTS if group in rule.classes
    )
    if strong:
        return True
    for group, names in rule.classes.items():
        value = match.group(group)
        if not value:
            continue
        key = value.lower().rstrip(".")
        lowercase = any(
            key in grammar.words.get(name, {}) for name in lowercase_tables & set(names)
        )
        capitalised = value[:1].isupper() and not value.isupper()
        if lowercase and capitalised and not _at_sentence_start(text, match.start(group)):
            return False
        if key in capital_only and not value[:1].isupper():
            return False
    return True


def _ends_in_abbreviation(grammar: Grammar, rule: Rule, match: re.Match[str], end: int) -> bool:
    """Whether the full stop ending a match belongs to an abbreviation ("feb.", "14.")."""
    abbreviations = set(grammar.setting("abbreviation_tables", []))
    for group, names in rule.classes.items():
        value = match.group(group)
        if value is None or match.end(group) not in (end, end - 1):
            continue
        if value.endswith("."):
            return True
        key = value.lower()
        return any(key in grammar.words.get(name, {}) for name in abbreviations & set(names))
    return True


def find_matches(
    grammar: Grammar, text: str, start: int = 0, end: int | None = None
) -> list[Match]:
    """Every rule match in text[start:end] whose words fill their slots (overlaps included)."""
    stop = len(text) if end is None else end
    found: list[Match] = []
    index = grammar.index
    positions = index.candidates(text, start, stop) if index is not None else None
    everywhere = set(index.everywhere) if index is not None else set()
    for number, rule in enumerate(grammar.rules):
        if positions is None or number in everywhere:
            matches: Iterable[re.Match[str]] = rule.regex.finditer(text, start, stop)
        else:
            matches = finditer_at(rule.regex, text, positions.get(number, []), stop)
        for match in matches:
            found.extend(_to_match(grammar, rule, match, text))
    return found


def _crosses_a_new_line(found: str) -> bool:
    """Whether a match runs from one line into another that opens with a capital or a digit: a
    new heading, list item or paragraph ("Day 22\nDay 64" is no "22 days"). A line continued in
    lower case is a hard-wrapped sentence and may carry an expression on ("for 22\ndays")."""
    for line in found.split("\n")[1:]:
        first = line.lstrip()[:1]
        if first.isupper() or first.isdigit():
            return True
    return False


def _to_match(grammar: Grammar, rule: Rule, match: re.Match[str], text: str) -> list[Match]:
    if not _case_ok(grammar, rule, match, text):
        return []
    try:
        spec = build_spec(grammar, rule, match)
    except (SlotError, TypeError, ValueError):
        return []
    span_start, span_end = match.span("t") if "t" in match.re.groupindex else match.span()
    if _crosses_a_new_line(text[span_start:span_end]):
        return []
    if text[span_start:span_end].endswith(".") and not _ends_in_abbreviation(
        grammar, rule, match, span_end
    ):
        span_end -= 1
    return [
        Match(
            start=span_start,
            end=span_end,
            text=text[span_start:span_end],
            spec=spec,
            rule=rule.name,
            priority=rule.priority,
            match_length=match.end() - match.start(),
            only_joined=rule.only_joined,
        )
    ]


def select(matches: Sequence[Match]) -> list[Match]:
    """Longest expressions first (then higher priority), never two overlapping; in text order."""
    ranked = sorted(
        matches, key=lambda m: (-(m.end - m.start), -m.priority, -m.match_length, m.start)
    )
    chosen: list[Match] = []
    for candidate in ranked:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda m: m.start)


def merge_clock_times(grammar: Grammar, text: str, matches: Sequence[Match]) -> list[Match]:
    """Join a date and an adjacent clock time into one expression ("i morgen kl. 17")."""
    merged: list[Match] = []
    for match in matches:
        if merged:
            previous = merged[-1]
            gap = text[previous.end : match.start]
            joined = _join(previous, match)
            if joined is not None and grammar.merge_gap.match(gap):
                merged[-1] = Match(
                    start=previous.start,
                    end=match.end,
                    text=text[previous.start : match.end],
                    spec=joined,
                    rule=f"{previous.rule} + {match.rule}",
                    priority=max(previous.priority, match.priority),
                    match_length=match.end - previous.start,
                )
                continue
        merged.append(match)
    return merged


def _join(first: Match, second: Match) -> TimeSpec | None:
    if first.spec.has_date and second.spec.is_clock and first.spec.hour is None:
        return first.spec.with_clock(second.spec)
    if first.spec.is_clock and second.spec.has_date and second.spec.hour is None:
        return second.spec.with_clock(first.spec)
    # a clock time and a bare part of day: "at 7:30 in the evening"
    both_clocks = first.spec.is_clock and second.spec.is_clock
    if both_clocks and first.spec.hour is not None and second.spec.hour is None:
        return None if first.spec.part else first.spec.with_clock(second.spec)
    return None


def tag(
    text: str,
    lang: str | None,
    anchor: n.Anchor | None,
    tense_at: TenseAt | None = None,
    default: n.Direction = "nearest",
    start: int = 0,
    end: int | None = None,
) -> list[Tagged]:
    """Find and normalise the temporal expressions of text[start:end]."""
    grammar = load_grammar(lang)
    candidates = find_matches(grammar, text, start, end)
    valid = [m for m in candidates if _resolve(m, anchor, tense_at, default) is not None]
    results = []
    for match in merge_clock_times(grammar, text, select(valid)):
        if match.only_joined:
            continue
        resolved = _resolve(match, anchor, tense_at, default)
        if resolved is None:
            continue
        results.append(
            Tagged(
                start=match.start,
                end=match.end,
                text=match.text,
                type=resolved.type,
                value=resolved.value,
                anchored=resolved.anchored,
                rule=match.rule,
            )
        )
    return results


def _resolve(
    match: Match, anchor: n.Anchor | None, tense_at: TenseAt | None, default: n.Direction
) -> Resolved | None:
    tense = tense_at(match.start, match.end) if tense_at is not None else None
    return resolve(match.spec, anchor, n.direction_for_tense(tense, default))


def normalise_phrase(
    phrase: str,
    lang: str | None,
    anchor: str | n.Anchor | None,
    tense: Tense | None = None,
    default: n.Direction = "nearest",
) -> Tagged | None:
    """Normalise one phrase on its own: the longest expression found in it, if any."""
    point = n.Anchor.parse(anchor) if isinstance(anchor, str) else anchor
    found = tag(phrase, lang, point, (lambda _s, _e: tense) if tense else None, default)
    if not found:
        return None
    return max(found, key=lambda item: item.end - item.start)
