"""Role patterns as data: "{country_gen} {title} {person}" parsed into elements.

A pattern is a sequence of slots ({person}, {title}, {title_def}, {country}, {country_gen},
{adj}, {org}, {org_gen}) and literal words ("den|det" alternatives, "top?" optional). Matching
lives in newsgraph.entities.roles; this module only parses, so a bad pattern fails at load time.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.errors import ConfigError

SLOTS = frozenset(
    {"person", "title", "title_def", "country", "country_gen", "adj", "org", "org_gen"}
)
TITLE_SLOTS = frozenset({"title", "title_def"})


@dataclass(frozen=True)
class Element:
    """One pattern element: a slot name, or literal words (lower case)."""

    slot: str | None
    words: frozenset[str]
    optional: bool


@dataclass(frozen=True)
class Pattern:
    """A parsed role pattern."""

    text: str
    elements: tuple[Element, ...]

    @property
    def person_index(self) -> int:
        """Position of the {person} slot."""
        for index, element in enumerate(self.elements):
            if element.slot == "person":
                return index
        raise ConfigError(f"role pattern {self.text!r} has no {{person}} slot")

    @property
    def titles_before_person(self) -> bool:
        """Whether every title slot comes before the {person} slot: a match then holds a title
        that starts between the pattern's first token and the person's."""
        return all(
            element.slot not in TITLE_SLOTS for element in self.elements[self.person_index :]
        )


def parse_pattern(text: str) -> Pattern:
    """Parse a pattern string; unknown slots raise ConfigError naming the pattern."""
    elements = []
    for part in text.split():
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        if part.startswith("{") and part.endswith("}"):
            slot = part[1:-1]
            if slot not in SLOTS:
                known = ", ".join(sorted(SLOTS))
                raise ConfigError(f"role pattern {text!r}: unknown slot {{{slot}}}; known: {known}")
            elements.append(Element(slot, frozenset(), optional))
        else:
            elements.append(Element(None, frozenset(part.lower().split("|")), optional))
    pattern = Pattern(text, tuple(elements))
    _ = pattern.person_index
    return pattern
