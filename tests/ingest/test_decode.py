"""Bytes to text: the binary refusal counts control characters, not whitespace."""

from __future__ import annotations

from newsgraph.ingest.decode import looks_binary


def test_control_characters_over_one_percent_make_bytes_binary() -> None:
    text = b"a" * 990
    assert not looks_binary(b"\x00" * 10 + text)
    assert looks_binary(b"\x00" * 11 + text[:-1])
    assert looks_binary(b"\x01\x1f" * 6 + text[:-12])


def test_tabs_line_and_form_feeds_and_returns_are_not_control_characters() -> None:
    assert not looks_binary(b"\t\n\x0c\r" * 100 + b"news")
    assert not looks_binary(b"")
