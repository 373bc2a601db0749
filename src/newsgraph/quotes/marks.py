"""Quote marks and dialogue dashes found by scanning text: no NLP, only characters.

A stack pairs opening and closing marks within one paragraph, so nested quotes (« … ‘ … ’ … »)
close in order. Marks that can both open and close (", ', ’, and » where »…« is also used) are told
apart by what flanks them. A quote never runs past its paragraph: an opener left unclosed at the end
of a paragraph is kept only where the news convention allows it (a quote that opens the paragraph
and goes on in the next), and dropped as a stray mark otherwise.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Characters after which a flanking mark opens rather than closes.
OPENING_CONTEXT = frozenset("([{/–—-:;")
APOSTROPHES = frozenset("'’")
SINGLE_MARKS = frozenset("'‘’‚‹›")
# Quotes nest two or three deep in real text; a closer looks this far down the stack for its
# opener, so a run of thousands of unclosed openers costs each closer a constant, not the run.
MAX_NESTING = 8
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class MarkedSpan:
    """A stretch of text between quote marks (offsets into the whole text)."""

    open_start: int
    inner_start: int
    inner_end: int
    close_end: int
    closed: bool
    depth: int = 0

    def contains(self, other: MarkedSpan) -> bool:
        """Whether `other` lies inside this span's marks."""
        return self.inner_start <= other.open_start and other.close_end <= self.inner_end


@dataclass
class _Open:
    mark: str
    position: int
    closers: tuple[str, ...]


class MarkScanner:
    """Pairs quote marks of one language's conventions."""

    def __init__(
        self, pairs: Sequence[tuple[str, str]], speech_verbs: frozenset[str] = frozenset()
    ) -> None:
        self.speech_verbs = speech_verbs
        self.closers_of: dict[str, tuple[str, ...]] = {}
        for opener, closer in pairs:
            known = self.closers_of.get(opener, ())
            if closer not in known:
                self.closers_of[opener] = (*known, closer)
        self.closing = frozenset(closer for _, closer in pairs)
        self.flanking = frozenset(
            mark for mark in self.closers_of if mark in self.closing
        ) | frozenset(opener for opener, closer in pairs if opener == closer)

    def scan(self, text: str, start: int, end: int) -> list[MarkedSpan]:
        """Every quoted span of text[start:end] (one paragraph), outermost first by position."""
        stack: list[_Open] = []
        spans: list[MarkedSpan] = []
        for i in range(start, end):
            char = text[i]
            if char not in self.closers_of and char not in self.closing:
                continue
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if char in self.flanking and before.isspace() and self._verb_follows(text, i + 1, end):
                # '…, jeg ikke ved, "sagde Ove Andersen': a mark glued to a speech verb closes
                # (an opening mark before it may stand in an earlier sentence), it never opens.
                if stack:
                    opened = stack.pop()
                    spans.append(MarkedSpan(opened.position, opened.position + 1, i, i + 1, True))
                continue
            if self._try_close(text, char, i, before, after, stack, spans):
                continue
            if char in self.closers_of and self._may_open(char, before, after):
                stack.append(_Open(char, i, self.closers_of[char]))
        spans.extend(self._unclosed(text, start, end, stack))
        return _with_depths(spans)

    def _try_close(
        self,
        text: str,
        char: str,
        i: int,
        before: str,
        after: str,
        stack: list[_Open],
        spans: list[MarkedSpan],
    ) -> bool:
        if char not in self.closing or not stack:
            return False
        if char in APOSTROPHES and before.isalnum() and after.isalnum():
            return True  # an apostrophe inside a word ("don't", "Vietnam’s")
        if char in self.flanking and before.isspace():
            return False  # a flanking mark after a space opens
        doubled = char in APOSTROPHES and after == char and not before.isspace()
        if doubled and stack[-1].mark not in SINGLE_MARKS:
            # Two apostrophes typed for a closing double mark ("“It failed,’’ she said").
            opened = stack.pop()
            spans.append(MarkedSpan(opened.position, opened.position + 1, i, i + 2, True))
            return True
        for depth in range(len(stack) - 1, max(len(stack) - 1 - MAX_NESTING, -1), -1):
            if char in stack[depth].closers:
                opened = stack[depth]
                del stack[depth:]
                spans.append(MarkedSpan(opened.position, opened.position + 1, i, i + 1, True))
                return True
        top = stack[-1]
        strong = char not in self.flanking and top.mark not in self.flanking
        reads_closing = char in self.flanking and (after.isspace() or not after.isalnum())
        same_style = (char in SINGLE_MARKS) == (top.mark in SINGLE_MARKS)
        if (strong and char not in APOSTROPHES) or (reads_closing and same_style):
            # A mismatched pair («…”, “…") still closes: the writer meant one quote.
            stack.pop()
            spans.append(MarkedSpan(top.position, top.position + 1, i, i + 1, True))
            return True
        return False

    def _verb_follows(self, text: str, i: int, end: int) -> bool:
        match = WORD.match(text, i, end)
        return match is not None and match.group().islower() and match.group() in self.speech_verbs

    def _may_open(self, char: str, before: str, after: str) -> bool:
        if char not in self.flanking:
            return True
        if after.isspace():
            return False
        if char in APOSTROPHES and not after.isalnum():
            return False
        return before.isspace() or before in OPENING_CONTEXT or before in self.closers_of

    def _unclosed(self, text: str, start: int, end: int, stack: list[_Open]) -> list[MarkedSpan]:
        """Keep an unclosed quote only where it opens the paragraph (it goes on in the next) or
        follows a colon; it then ends with the paragraph."""
        if not stack:
            return []
        first = stack[0]
        lead = text[start : first.position].strip()
        opens_paragraph = all(char in OPENING_CONTEXT for char in lead)
        if not opens_paragraph and not lead.endswith(":"):
            return []
        inner_end = end
        while inner_end > first.position + 1 and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end <= first.position + 1:
            return []
        return [MarkedSpan(first.position, first.position + 1, inner_end, inner_end, False)]


def _with_depths(spans: list[MarkedSpan]) -> list[MarkedSpan]:
    ordered = sorted(spans, key=lambda s: (s.open_start, -s.close_end))
    result: list[MarkedSpan] = []
    # Spans whose inside ends before the current opener contain no later span either: dropping
    # them keeps this linear on a text of thousands of short quotations.
    open_spans: list[tuple[int, int]] = []
    for span in ordered:
        while open_spans and open_spans[0][0] < span.open_start:
            heapq.heappop(open_spans)
        depth = sum(1 for _, index in open_spans if result[index].contains(span))
        heapq.heappush(open_spans, (span.inner_end, len(result)))
        result.append(
            MarkedSpan(
                span.open_start,
                span.inner_start,
                span.inner_end,
                span.close_end,
                span.closed,
                depth,
            )
        )
    return result


def dialogue_dash_start(
    text: str, start: int, end: int, dashes: frozenset[str], weak: frozenset[str]
) -> tuple[int, bool] | None:
    """Where the speech of a dash-led paragraph begins, and whether the dash is a weak one.

    "– Vi er fornøyde, sier hun." gives the offset of "Vi"; a paragraph not led by a dialogue dash
    followed by a space gives None.
    """
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i + 1 >= end or not text[i + 1].isspace():
        return None
    if text[i] not in dashes and text[i] not in weak:
        return None
    j = i + 1
    while j < end and text[j].isspace():
        j += 1
    if j >= end:
        return None
    return j, text[i] in weak
