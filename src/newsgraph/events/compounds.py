"""Names inside hyphenated modifier compounds: "a German-born engineer", "the Oslo-based firm".

A country, place or nationality written as the first part of a compound adjective that describes
someone's origin, seat, training or make ("-born", "-based", "-trained", "-made"; `[cues]
.compound_modifiers` of resources/<lang>/events.toml) qualifies the noun after it and takes no part
in the sentence's event: "a Paris-based group protested" is no French protest. Compounds that name
who acts ("US-led coalition", "Saudi-backed forces") are not listed and keep their country. A
name after a prefix of taking sides ("pro-Russian separatists", `[cues].compound_prefixes`) names
the side, not who acts.
"""

from __future__ import annotations

import re

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import Word

# A hyphen (or dash used as one) joining the name to the next part, with no space before it.
HYPHEN = re.compile(r"[-‐‑–]\s?(\w+)")
INNER_TAIL = re.compile(r"\w[-‐‑](\w+)$")
# A prefix glued to the name by a hyphen: "pro-Russian", "pro-Kremlin".
PREFIX = re.compile(r"(?:^|\W)(\w+)[-‐‑]$")
INNER_PREFIX = re.compile(r"(\w+)[-‐‑]\w")
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
    return _listed(second, "compound_modifiers", lexicon)


def sided_compound(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the name at [start, end) follows a prefix that makes it the side someone takes, not
    a participant ("pro-Russian separatists" are no Russians; `[cues].compound_prefixes`)."""
    inside = INNER_PREFIX.match(text, start, end)
    found = inside or PREFIX.search(text, max(0, start - REACH), start)
    return found is not None and _listed(found.group(1), "compound_prefixes", lexicon)


def _listed(part: str, cue: str, lexicon: Lexicon) -> bool:
    word = Word(index=0, start=0, end=len(part), text=part, lower=part.lower())
    return lexicon.cue(cue).matches_word(word)
