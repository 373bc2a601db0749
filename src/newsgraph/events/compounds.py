"""Names inside hyphenated modifier compounds: "a German-born engineer", "the Oslo-based firm".

A country, place or nationality written as the first part of a compound adjective that describes
someone's origin, seat, training or make ("-born", "-based", "-trained", "-made"; `[cues]
.compound_modifiers` of resources/<lang>/events.toml) qualifies the noun after it and takes no part
in the sentence's event: "a Paris-based group protested" is no French protest. Compounds that name
who acts ("US-led coalition", "Saudi-backed forces") are not listed and keep their country.
"""

from __future__ import annotations

import re

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import Word

# A hyphen (or dash used as one) joining the name to the next part, with no space before it.
HYPHEN = re.compile(r"[-‐‑–]\s?(\w+)")
INNER_TAIL = re.compile(r"\w[-‐‑](\w+)$")
# Offsets a compound may reach past the name: the hyphen, an optional space and the second part.
REACH = 30


def modifier_compound(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the name at [start, end) of `text` is the first part of a modifier compound: the
    hyphen and modifier follow it ("Germany" in "Germany-based") or the name was read together
    with them ("German-born" taken as one name)."""
    inside = INNER_TAIL.search(text, start, end)
    found = inside or HYPHEN.match(text, end, min(len(text), end + REACH))
    if found is None:
        return False
    second = found.group(1)
    word = Word(index=0, start=0, end=len(second), text=second, lower=second.lower())
    return lexicon.cue("compound_modifiers").matches_word(word)
