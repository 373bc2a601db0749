"""Regexes compiled from programs kept in the resource cache: the same patterns as re.compile's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.resources import patterns
from newsgraph.resources.compiled import CACHE_ENV, cache_path
from newsgraph.resources.patterns import compile_patterns

SOURCES = [
    (r"(?P<day>\d{1,2})\.\s*(?P<month>januar|februar|mars)", re.IGNORECASE),
    (r"(?<![\w])i\s+(?:går|morgen)(?![\w])", 0),
    (r"(?i)kl\.?\s+(\d\d)[:.](\d\d)", 0),
    (r"^Foto:\s*(.+)$", re.MULTILINE),
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_patterns_equal_those_of_re_compile_when_built_and_when_read_back(cache: Path) -> None:
    expected = [re.compile(pattern, flags) for pattern, flags in SOURCES]
    built = compile_patterns("test", "nb", SOURCES)
    assert list(cache.glob("test-regex-nb-*.pickle"))
    read_back = compile_patterns("test", "nb", SOURCES)
    for pattern in (*built, *read_back):
        assert pattern in expected
    for mine, theirs in zip(read_back, expected, strict=True):
        assert mine == theirs
        assert mine.groupindex == theirs.groupindex
        assert mine.flags == theirs.flags
    text = "Møtet 3. Februar kl. 14.30 i morgen\nFoto: NTB"
    assert [m.groupdict() for m in read_back[0].finditer(text)] == [
        {"day": "3", "month": "Februar"}
    ]
    assert read_back[2].search(text) is not None
    assert read_back[2].search(text).groups() == ("14", "30")  # type: ignore[union-attr]
    assert read_back[3].findall(text) == ["NTB"]


def test_read_back_does_not_parse_the_patterns_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_patterns("test", "nb", SOURCES)
    re.purge()

    def refuse(*args: object) -> None:
        raise AssertionError("re.compile called although the programs are cached")

    monkeypatch.setattr(patterns.re, "compile", refuse)
    assert len(compile_patterns("test", "nb", SOURCES)) == len(SOURCES)


def test_other_patterns_are_another_cache_entry(cache: Path) -> None:
    first = compile_patterns("test", "nb", SOURCES[:2])
    second = compile_patterns("test", "nb", SOURCES[1:])
    assert first[1] == second[0]
    assert len(list(cache.glob("test-regex-nb-*.pickle"))) == 2


def test_a_program_the_engine_refuses_falls_back_to_re_compile(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_patterns("test", "nb", SOURCES)

    def broken(pattern: str, program: object) -> re.Pattern[str]:
        raise RuntimeError("another Python")

    monkeypatch.setattr(patterns, "_rebuild", broken)
    assert compile_patterns("test", "nb", SOURCES) == [re.compile(p, f) for p, f in SOURCES]


def test_a_pattern_that_does_not_compile_raises_re_error_and_stores_nothing(cache: Path) -> None:
    with pytest.raises(re.error):
        compile_patterns("test", "nb", [(r"(unclosed", 0)])
    path = cache_path("test-regex", "nb", "anything")
    assert path is not None
    assert not list(cache.glob("test-regex-nb-*.pickle"))


def test_without_a_cache_the_patterns_are_compiled_directly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    assert compile_patterns("test", "nb", SOURCES) == [re.compile(p, f) for p, f in SOURCES]
