"""Words a regular expression cannot match without: a cheap test before the regex itself.

Many cleaning rules are tried on every line of every page and match almost none, and Python's
regex engine has no fast scan for a case-insensitive pattern: it tries the whole pattern at every
position. Most such patterns still name words that every match holds ("photo|picture|image|video"
in a caption rule). `required_words` reads them from the parsed pattern; a text whose lower-cased
form holds none of them cannot match, and the regex need not run.

Exactness: the words are lower-cased ASCII, and a text is compared lower-cased (`fold`). Under
IGNORECASE, re takes an ASCII letter for itself in either case and for four other characters
(`CASELESS_ASCII_LOOKALIKES`: "İ", "ı", "ſ" and the Kelvin sign); a text holding one of them is not
folded, so its regex always runs. Non-ASCII literals of a pattern are left out of its words (only
the ASCII stretches of a literal run count), so no other case rule matters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

# Characters that re's IGNORECASE matches to an ASCII letter although they are not ASCII
# (every code point checked against (?i)[a-z]; tests/text/test_needles.py checks it again).
CASELESS_ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"
# A set of more words than this costs more to look for than the regex it would spare.
MAX_WORDS = 24
# Words shorter than this say little: a set whose shortest word is shorter is used only when no
# set of longer words is known.
GOOD_LENGTH = 3

Words = tuple[str, ...]


def required_words(pattern: str, flags: int = 0) -> Words | None:
    """Lower-case ASCII strings, one of which every match of the regex contains; None when the
    pattern names no such set (or one too large to be worth testing)."""
    try:
        parsed = sre_parser.parse(pattern, flags)
    except re.error:
        return None
    words = _sequence_words(list(parsed))
    if words is None or len(words) > MAX_WORDS:
        return None
    return words


def fold(text: str) -> str | None:
    """The text lower-cased for `may_hold`, or None when it holds a character that IGNORECASE
    takes for an ASCII letter (then every regex has to run)."""
    if any(char in text for char in CASELESS_ASCII_LOOKALIKES):
        return None
    return text.lower()


def may_hold(words: Words | None, folded: str | None) -> bool:
    """Whether a text (`fold`ed) may match a regex with these required words."""
    return words is None or folded is None or any(word in folded for word in words)


class NeedleIndex:
    """Which of many regexes (given by their required words, None for none) a text may match,
    each distinct word looked for once: `may_hold` for each regex in turn looks for the words
    that several share again and again, and costs a Python call per regex."""

    def __init__(self, required: Sequence[Words | None]) -> None:
        self.size = len(required)
        self.unfiltered = frozenset(i for i, words in enumerate(required) if words is None)
        holders: dict[str, list[int]] = {}
        for number, words in enumerate(required):
            for word in words or ():
                holders.setdefault(word, []).append(number)
        self.holders = tuple((word, tuple(numbers)) for word, numbers in holders.items())

    def candidates(self, folded: str | None) -> list[int]:
        """In increasing order, the numbers of the regexes a text (`fold`ed) may match: exactly
        those for which `may_hold` is true."""
        if folded is None:
            return list(range(self.size))
        found = set(self.unfiltered)
        for numbers in [numbers for word, numbers in self.holders if word in folded]:
            found.update(numbers)
        return sorted(found)


def _sequence_words(items: list[tuple[Any, Any]]) -> Words | None:
    """The best required set of a sequence: one of its mandatory parts must match."""
    candidates: list[Words] = []
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(value))
            continue
        if run:
            stretch = _longest_ascii("".join(run))
            if stretch:
                candidates.append((stretch.lower(),))
            run = []
        found = _item_words(op, value)
        if found:
            candidates.append(found)
    if not candidates:
        return None
    return max(candidates, key=_goodness)


def _item_words(op: Any, value: Any) -> Words | None:
    """The required set of one part of a sequence, if it has one."""
    if op is sre_constants.SUBPATTERN:
        return _sequence_words(list(value[-1]))
    if op is sre_constants.BRANCH:
        alternatives = [_sequence_words(list(branch)) for branch in value[1]]
        if any(words is None for words in alternatives):
            return None
        return tuple(sorted({word for words in alternatives if words for word in words}))
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1:
        return _sequence_words(list(value[2]))
    return None


def _longest_ascii(text: str) -> str:
    stretches = re.findall(r"[\x00-\x7f]+", text)
    return max(stretches, key=len) if stretches else ""


def _goodness(words: Words) -> tuple[bool, int, int]:
    shortest = min(len(word) for word in words)
    return shortest >= GOOD_LENGTH, -len(words), shortest
