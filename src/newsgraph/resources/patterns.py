"""Regular expressions compiled once into the resource cache.

`re.compile` parses a pattern and generates its matching program in pure Python: for the time
rules and cleaning rules of a language (large alternations of month names, outlets, titles) that
is a few tenths of a second in every worker start. The program itself is a list of integers that
the regex engine (`_sre.compile`) turns into a pattern object in microseconds, so
`compile_patterns` stores the programs in the resource cache and rebuilds the patterns from them.

`_sre.compile` and the parser and code generator behind `re.compile` are CPython's internals, so
each stored program is checked when it is made: it must give a pattern equal to `re.compile`'s
(same pattern text, flags and program). A program that does not, or one that cannot be rebuilt
(another Python reads another cache entry: the Python version is part of the key), falls back to
`re.compile`, so the patterns are always exactly those `re.compile` gives.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import hashlib
import re
from collections.abc import Sequence
from re import _compiler, _parser  # type: ignore[attr-defined]

from newsgraph.resources.compiled import cache_dir, compiled

# (flags with the pattern's inline flags, code, groups, group index, group names by number)
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _program(pattern: str, flags: int) -> Program | None:
    """The engine program `re.compile(pattern, flags)` builds, or None when rebuilding a pattern
    from it does not give `re.compile`'s own (re.error when the pattern does not compile)."""
    expected = re.compile(pattern, flags)
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(value) for value in _compiler._code(parsed, flags)]
        groupindex: dict[str, int] = dict(parsed.state.groupdict)
        names: list[str | None] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            names[number] = name
        program: Program = (
            flags | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(names),
        )
        rebuilt = _rebuild(pattern, program)
    except Exception:  # internals of another shape: this pattern is compiled by re.compile
        return None
    if rebuilt != expected or rebuilt.groupindex != expected.groupindex:
        return None
    return program


def _rebuild(pattern: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, names = program
    built: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, names)
    return built


def compile_patterns(
    kind: str, lang: str, patterns: Sequence[tuple[str, int]]
) -> list[re.Pattern[str]]:
    """`[re.compile(pattern, flags) for pattern, flags in patterns]`, with the programs kept in
    the resource cache under `kind` and `lang` (keyed by the patterns themselves).

    Raises re.error as `re.compile` would when a pattern does not compile (nothing is stored)."""
    listed = [(str(pattern), int(flags)) for pattern, flags in patterns]
    if cache_dir() is None:  # no cache to keep programs in: working them out twice is waste
        return [re.compile(pattern, flags) for pattern, flags in listed]
    digest = hashlib.sha256(repr(listed).encode()).hexdigest()
    programs: list[Program | None] = compiled(
        f"{kind}-regex",
        lang,
        lambda: [_program(pattern, flags) for pattern, flags in listed],
        inputs=f"regex programs|{digest}",
    )
    if len(programs) != len(listed):  # pragma: no cover - a digest collision
        programs = [None] * len(listed)
    out: list[re.Pattern[str]] = []
    for (pattern, flags), program in zip(listed, programs, strict=True):
        if program is not None:
            try:
                out.append(_rebuild(pattern, program))
                continue
            except Exception:  # a program the engine refuses: compiled anew below
                pass
        out.append(re.compile(pattern, flags))
    return out
