"""newsgraph.text.records: frozen records filled without their __init__."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.events.words import Word as EventWord
from newsgraph.quotes.document import Word as QuoteWord
from newsgraph.text.records import filled


@dataclasses.dataclass(frozen=True)
class Pair:
    name: str
    count: int = 0


def test_a_filled_record_equals_the_constructed_one() -> None:
    record = filled(Pair, name="Oslo", count=2)
    assert record == Pair("Oslo", 2)
    assert hash(record) == hash(Pair("Oslo", 2))
    assert repr(record) == "Pair(name='Oslo', count=2)"


def test_a_filled_record_stays_frozen() -> None:
    record = filled(Pair, name="Oslo", count=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.count = 3  # type: ignore[misc]


def test_the_words_of_both_engines_are_filled_records() -> None:
    event_word = EventWord.of_token(3, 10, 15, "Sa", "si", "VERB", "ROOT", None)
    assert event_word == EventWord(3, 10, 15, "Sa", "sa", "si", "VERB", "ROOT", None)
    quote_word = QuoteWord.of_token(3, 10, 15, "Sa", "VERB", "ROOT", None)
    assert quote_word == QuoteWord(3, 10, 15, "Sa", "VERB", "ROOT", None)
