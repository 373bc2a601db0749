"""Where a temporal rule can start: a lossless prefilter for the tagger.

Most rules open with a big word alternation (month names, weekdays, deictic phrases) that the regex
engine would try at every position of the text. Instead, each rule's possible openings are computed
from its compiled pattern: the set of strings (up to a few characters, case-folded, every decimal
digit written `0` and every space ` `) that any match must begin with. One pass over the text's word
starts then lists, per rule, the positions whose opening fits, and the rule's regex is only tried
there. A rule whose openings cannot be bounded (it may start with any word character, or with
nothing) keeps the plain scan, and so does a text holding a character whose case folding the
regex engine treats specially. The matches found are exactly those of `finditer`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

from newsgraph.resources.patterns import compile_patterns

# The regex engine's own parser, constants and extra case equivalences ("i" ~ "ı", "s" ~ "ſ").
sre_parse: Any = importlib.import_module("re._parser")
sre_c: Any = importlib.import_module("re._constants")
_EXTRA_CASES: dict[int, tuple[int, ...]] = getattr(
    importlib.import_module("re._casefix"), "_EXTRA_CASES", {}
)

# Longest opening computed per rule; shorter when the set of openings would grow too large.
_LONGEST = 4
_MAX_OPENINGS = 4000
_MAX_RANGE = 400
# Ends an opening early: whatever follows is not looked at.
_OPEN = "\x00"
_WORD = re.compile(r"\w")


class _TooMany(Exception):
    """The openings of a pattern do not fit the limit at this length."""


def fold(char: str) -> str:
    """The symbol a character stands for in an opening."""
    if char.isdecimal():
        return "0"
    if char.isspace():
        return " "
    return char.lower()


_irregular_cache: dict[str, bool] = {}


def _irregular(char: str) -> bool:
    """Whether a character's case folding may differ from the regex engine's."""
    known = _irregular_cache.get(char)
    if known is None:
        lower, upper = char.lower(), char.upper()
        known = (
            len(lower) != 1
            or len(upper) != 1
            or upper.lower() != lower
            or lower.upper() != upper
            or (not char.isascii() and char.casefold() != lower)
            or bool(_WORD.match(char)) != bool(_WORD.match(fold(char)))
            or char.isspace() != fold(char).isspace()
        )
        _irregular_cache[char] = known
    return known


def _char_symbols(code: int) -> set[str]:
    char = chr(code)
    symbols = {fold(char), fold(char.lower()), fold(char.upper())}
    for variant in (char, char.lower(), char.upper()):
        if len(variant) == 1:
            symbols |= {fold(chr(other)) for other in _EXTRA_CASES.get(ord(variant), ())}
    return symbols


def _class_symbols(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The symbols of a character class, or None when it is too wide to list."""
    symbols: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            symbols |= _char_symbols(av)
        elif op is sre_c.RANGE:
            low, high = av
            if high - low > _MAX_RANGE:
                return None
            for code in range(low, high + 1):
                symbols |= _char_symbols(code)
        elif op is sre_c.CATEGORY:
            if av is sre_c.CATEGORY_DIGIT:
                symbols.add("0")
            elif av is sre_c.CATEGORY_SPACE:
                symbols.add(" ")
            else:
                return None
        else:  # NEGATE and anything else: any character
            return None
    return symbols


def _concat(heads: set[str], tails: set[str], limit: int) -> set[str]:
    joined: set[str] = set()
    for head in heads:
        if head.endswith(_OPEN) or len(head) >= limit:
            joined.add(head)
            continue
        for tail in tails:
            combined = head + tail
            if len(combined.rstrip(_OPEN)) >= limit:
                combined = combined[:limit]
            joined.add(combined)
            if len(joined) > _MAX_OPENINGS * 4:
                raise _TooMany
    return joined


def _sequence(items: Any, limit: int) -> set[str]:
    """The openings (at most `limit` symbols, or ending in _OPEN) of a parsed sequence."""
    current = {""}
    for op, av in items:
        if all(item.endswith(_OPEN) or len(item) >= limit for item in current):
            break
        current = _concat(current, _item(op, av, limit), limit)
    return current


def _item(op: Any, av: Any, limit: int) -> set[str]:
    if op is sre_c.LITERAL:
        return _char_symbols(av)
    if op is sre_c.IN:
        symbols = _class_symbols(av)
        return {_OPEN} if symbols is None else symbols
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
        return {""}
    if op is sre_c.SUBPATTERN:
        return _sequence(av[-1], limit)
    if op is sre_c.ATOMIC_GROUP:
        return _sequence(av, limit)
    if op is sre_c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            found |= _sequence(branch, limit)
        return found
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        low, high, sub = av
        once = _sequence(sub, limit)
        current = {""}
        for _ in range(low):
            current = _concat(current, once, limit)
        found = set(current)
        extra = 0
        while extra < limit + 1 and (high is sre_c.MAXREPEAT or low + extra < high):
            current = _concat(
                {item for item in current if not item.endswith(_OPEN) and len(item) < limit},
                once,
                limit,
            )
            if current <= found:
                break
            found |= current
            extra += 1
        return found
    # ANY, NOT_LITERAL, GROUPREF, CATEGORY outside a class ...: any character
    return {_OPEN}


def _starts_at_word(parsed: Any) -> bool:
    """Whether the pattern opens with the whole-word guard `(?<![\\w])` at its top level."""
    items = list(parsed)
    if not items:
        return False
    op, av = items[0]
    if op is not sre_c.ASSERT_NOT or av[0] != -1:
        return False
    inner = list(av[1])
    return inner == [(sre_c.IN, [(sre_c.CATEGORY, sre_c.CATEGORY_WORD)])]


def openings(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The strings of folded symbols one of which opens every match of a whole-word rule.

    None when the rule must be scanned everywhere (an opening may be empty or any character).
    """
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # any trouble parsing: keep the plain scan
        return None
    if not _starts_at_word(parsed):
        return None
    for limit in range(_LONGEST, 0, -1):
        try:
            found = _sequence(parsed, limit)
        except _TooMany:
            continue
        if len(found) > _MAX_OPENINGS:
            continue
        result = frozenset(item.rstrip(_OPEN) for item in found)
        if "" in result or any(item.startswith(" ") for item in result):
            return None
        return result
    return None


class OpeningIndex:
    """Openings of several rules looked up together.

    One regex over the folded text finds, at each word start, the longest opening there (a trie
    of all openings, longest alternative first); every shorter opening found at that position is
    a prefix of it, so the rules to try there are known from that one string.
    """

    def __init__(self, rule_openings: list[frozenset[str] | None]) -> None:
        self.everywhere = [i for i, found in enumerate(rule_openings) if found is None]
        own: dict[str, set[int]] = {}
        for number, found in enumerate(rule_openings):
            for item in found or ():
                own.setdefault(item, set()).add(number)
        # Opening -> the rules of it and of every opening that is a prefix of it.
        self.table: dict[str, tuple[int, ...]] = {
            item: tuple(
                sorted({n for size in range(1, len(item) + 1) for n in own.get(item[:size], ())})
            )
            for item in own
        }
        self.scanner = re.compile(r"(?<!\w)(?=(" + _trie(sorted(own)) + "))") if own else None

    def __getstate__(self) -> dict[str, Any]:
        # Unpickling a pattern compiles it anew (a tenth of a second for a language's trie):
        # the resource cache keeps its compiled program instead.
        state = dict(self.__dict__)
        state["scanner"] = None if self.scanner is None else self.scanner.pattern
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        scanner = state.get("scanner")
        if isinstance(scanner, str):
            state["scanner"] = compile_patterns("time-scanner", "any", [(scanner, 0)])[0]
        self.__dict__.update(state)

    def candidates(self, text: str, start: int, stop: int) -> dict[int, list[int]] | None:
        """Rule number -> ascending positions where it may match; None when the text needs
        the plain scan (a character the engine folds specially)."""
        if not text.isascii() and any(_irregular(char) for char in set(text)):
            return None
        positions: dict[int, list[int]] = {}
        if self.scanner is None:
            return positions
        folded = text.translate(_FOLD_TABLE)
        table = self.table
        for match in self.scanner.finditer(folded, start, stop):
            at = match.start()
            for number in table[match.group(1)]:
                found = positions.get(number)
                if found is None:
                    positions[number] = [at]
                else:
                    found.append(at)
        return positions


def _trie(words: list[str]) -> str:
    """A regex matching the longest of `words` that opens the text (they are sorted)."""
    children: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            children.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    branches = [re.escape(char) + _trie(rest) for char, rest in children.items()]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if ends_here else body


class _TranslateTable(dict[int, str]):
    """str.translate table folding each character as `fold` does (filled lazily)."""

    def __missing__(self, code: int) -> str:
        symbol = fold(chr(code))
        self[code] = symbol
        return symbol


def finditer_at(
    regex: re.Pattern[str], text: str, positions: list[int], stop: int
) -> Iterator[re.Match[str]]:
    """The matches `regex.finditer(text, start, stop)` yields, given every position where one
    may start (ascending, each >= start)."""
    resume = -1
    for at in positions:
        if at < resume:
            continue
        match = regex.match(text, at, stop)
        if match is not None:
            yield match
            resume = match.end() if match.end() > at else at + 1


_FOLD_TABLE = _TranslateTable()
