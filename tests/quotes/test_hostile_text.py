"""Quotes on hostile text: work grows linearly with the number of quotations.

Instead of timing, the tests count the words the engine looks at (every scan goes through
`QuoteText.words_in`) and the containment checks of nested marks: doubling the input may at most
roughly double them.
"""

from __future__ import annotations

import pytest

from newsgraph.quotes import document, marks
from newsgraph.quotes.document import QuoteText

from .quote_builder import Person, quotes_of

HANSEN = Person("p1", "Ola Hansen", ["Ola Hansen", "Hansen"])


def words_looked_at(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    seen = [0]
    original = QuoteText.words_in

    def counting(self: QuoteText, start: int, end: int) -> list[document.Word]:
        words = original(self, start, end)
        seen[0] += len(words)
        return words

    monkeypatch.setattr(QuoteText, "words_in", counting)
    quotes_of(text, "nb", HANSEN)
    monkeypatch.setattr(QuoteText, "words_in", original)
    return seen[0]


def short_quotations(count: int) -> str:
    return "Ola Hansen sa dette: " + "«ja» " * count + "sa Hansen."


def test_many_short_quotations_in_one_sentence_cost_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = words_looked_at(monkeypatch, short_quotations(1_000))
    large = words_looked_at(monkeypatch, short_quotations(2_000))
    assert small > 0
    assert large <= 2.5 * small


def adjacent_spans(count: int) -> list[marks.MarkedSpan]:
    return [marks.MarkedSpan(5 * i, 5 * i + 1, 5 * i + 3, 5 * i + 4, True) for i in range(count)]


def test_nesting_depth_checks_stay_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    checks = [0]
    original = marks.MarkedSpan.contains

    def counting(self: marks.MarkedSpan, other: marks.MarkedSpan) -> bool:
        checks[0] += 1
        return original(self, other)

    monkeypatch.setattr(marks.MarkedSpan, "contains", counting)
    marks._with_depths(adjacent_spans(4_000))
    small = checks[0]
    checks[0] = 0
    marks._with_depths(adjacent_spans(8_000))
    assert checks[0] <= 2.5 * max(small, 1)


def test_nested_quotations_still_get_their_depth() -> None:
    outer = marks.MarkedSpan(0, 1, 30, 31, True)
    inner = marks.MarkedSpan(5, 6, 10, 11, True)
    inner_most = marks.MarkedSpan(6, 7, 9, 10, True)
    after = marks.MarkedSpan(40, 41, 45, 46, True)
    found = marks._with_depths([after, inner_most, outer, inner])
    assert [span.depth for span in found] == [0, 1, 2, 0]


class CountingText(str):
    """A text that counts the characters the engine reads one by one."""

    reads = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        CountingText.reads += 1
        return super().__getitem__(key)


def characters_read(text: str) -> int:
    from newsgraph.model import Article
    from newsgraph.quotes.lexicon import load_quote_lexicon

    article = Article(id="t", lang="nb", text=text)
    article.text = CountingText(text)
    CountingText.reads = 0
    QuoteText(article, load_quote_lexicon("nb"))
    return CountingText.reads


@pytest.mark.parametrize("run", [".", "!?", "..)", "x."])
def test_sentence_splitting_reads_runs_of_end_marks_linearly(run: str) -> None:
    small = characters_read("Hansen sa ja " + run * 1_500 + " og så videre.")
    large = characters_read("Hansen sa ja " + run * 3_000 + " og så videre.")
    assert small > 0
    assert large <= 2.5 * small


def test_stretches_answer_like_a_scan_over_every_span() -> None:
    spans = [(0, 5), (3, 20), (8, 10), (30, 31), (30, 40)]
    stretches = document.Stretches(spans)
    for offset in range(-2, 45):
        assert stretches.holds(offset) == any(s <= offset < e for s, e in spans), offset


def closer_checks(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """How many open marks closers look at while one paragraph is scanned."""
    looked = [0]

    class CountingOpen(marks._Open):
        def __getattribute__(self, name: str):  # type: ignore[no-untyped-def]
            if name == "closers":
                looked[0] += 1
            return super().__getattribute__(name)

    monkeypatch.setattr(marks, "_Open", CountingOpen)
    scanner = marks.MarkScanner([("«", "»"), ("»", "«"), ("“", "”"), ('"', '"')])
    scanner.scan(text, 0, len(text))
    return looked[0]


@pytest.mark.parametrize("run", ["-»x", "–»x", "(»x", "«“»"])
def test_runs_of_marks_that_never_close_cost_each_closer_a_bounded_look(
    monkeypatch: pytest.MonkeyPatch, run: str
) -> None:
    small = closer_checks(monkeypatch, "Hansen sa " + run * 1_000)
    large = closer_checks(monkeypatch, "Hansen sa " + run * 2_000)
    assert small > 0
    assert large <= 2.5 * small
