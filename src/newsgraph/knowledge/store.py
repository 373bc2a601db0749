"""Actor knowledge at run time: who a person or organisation is, by name and date.

The resource resources/common/actors.json.gz (built by newsgraph.knowledge.build) is read once
per process. The matching policy keeps wrong answers rare:

- a full name resolves when it equals a known name or alias, when its words all appear in order
  in one ("Gahr Støre" in "Jonas Gahr Støre"), when a known name's words all appear in order in
  it ("Donald J. Trump" holds "Donald Trump"), or, for names whose words have 5+ letters, when
  it is a spelling variant (same transliteration skeleton, or one edit away: "Zelenskyj",
  "Selenskyj", "Zelenskyy");
- a bare surname resolves only to a head of state or government whose term covers the
  article's date (and only when one country's holder fits); surnames of people named in full
  are joined to them within the article before this is asked;
- a royal resolves by title and first name ("kong Harald");
- names shared by people of several countries resolve only when the article's date leaves one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar, overload

from newsgraph.errors import ConfigError
from newsgraph.knowledge.names import fold, skeleton_word, within_one_edit
from newsgraph.resources.compiled import compiled

T = TypeVar("T")
RESOURCE = ("common", "actors.json.gz")
# Shortest word a spelling-tolerant match may bend: words of 5+ letters match by their
# transliteration skeleton, words of 7+ letters also one edit away ("McFee" is not "McNee").
FUZZY_MIN_LETTERS = 5
EDIT_MIN_LETTERS = 7
# A word that opens the names of at least this many known persons is a given name ("Olav",
# "John"), not part of a surname ("Gahr", "Borten").
GIVEN_NAME_MIN = 3


@dataclass(frozen=True, slots=True)
class Role:
    """One office or affiliation of an actor, with ISO dates (None when open)."""

    title: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None

    def __reduce__(
        self,
    ) -> tuple[type[Role], tuple[str, str | None, str | None, str | None, str | None]]:
        """Pickle as a constructor call (the compiled knowledge loads a third faster)."""
        return (Role, (self.title, self.country, self.sector, self.start, self.end))


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or organisation the knowledge holds."""

    id: str
    name: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    top: tuple[tuple[str | None, str | None], ...] = ()

    def __reduce__(self) -> tuple[type[Actor], tuple[object, ...]]:
        """Pickle as a constructor call (the compiled knowledge loads a third faster)."""
        fields = (self.id, self.name, self.country, self.sector, self.aliases, self.roles, self.top)
        return (Actor, fields)

    def active(self, day: str | None) -> bool:
        """Whether one of the actor's roles covers the day (True when no day is known)."""
        if day is None:
            return True
        return any(covers(role.start, role.end, day) for role in self.roles if role.start)

    @property
    def prominent(self) -> bool:
        """Whether the actor was ever head of state or government: news abroad names such
        people without their country."""
        return bool(self.top)

    def holds_title(self, title: str) -> bool:
        """Whether one of the actor's roles bears a title ("Foreign Minister" fits "Minister
        of Foreign Affairs": every word of the title is in the role)."""
        words = set(title.casefold().replace("-", " ").split()) - {"of", "the"}
        if not words:
            return False
        return any(words <= set(r.title.casefold().replace("-", " ").split()) for r in self.roles)

    def in_top_office(self, day: str) -> bool:
        """Whether the actor was head of state or government on the day."""
        return any(covers(start, end, day) for start, end in self.top)


@dataclass(frozen=True, slots=True)
class Resolution:
    """An actor found for a name, and how it was found (exact, subset, partial, fuzzy, surname,
    royal). `partial`: the name is the end of a known name whose first given name it replaces by
    another given name ("Olav Johansen" in "Bengt Olav Johansen"), as often a namesake as not."""

    actor: Actor
    how: str


def _start(value: str | None) -> str | None:
    """A start date as a full ISO date (a bare year starts on 1 January)."""
    if not value:
        return None
    return value if len(value) >= 10 else value[:4] + "-01-01"


def _end(value: str | None) -> str | None:
    """An end date as a full ISO date (a bare year ends on 31 December)."""
    if not value:
        return None
    return value if len(value) >= 10 else value[:4] + "-12-31"


def covers(start: str | None, end: str | None, day: str) -> bool:
    """Whether [start, end] (ISO dates, None open) holds the day."""
    start, end = _start(start), _end(end)
    return (start is None or start <= day) and (end is None or day <= end)


class _Interned:
    """One object for each equal string, role or date pair, so the compiled knowledge holds
    (and its pickle stores) each once: titles, countries, sectors and dates repeat across
    thousands of records."""

    def __init__(self) -> None:
        self.objects: dict[object, Any] = {}

    def __call__(self, value: T) -> T:
        if value is None:
            return value
        found: T = self.objects.setdefault(value, value)
        return found


# An actor as plain values: (id, name, country, sector, aliases, roles, top), each role as
# (title, country, sector, start, end). Tuples unpickle without a constructor call each.
ActorRow = tuple[
    str,
    str,
    str | None,
    str | None,
    tuple[str, ...],
    tuple[tuple[str, str | None, str | None, str | None, str | None], ...],
    tuple[tuple[str | None, str | None], ...],
]


def _actor_row(record: dict[str, Any], interned: _Interned) -> ActorRow:
    roles = tuple(
        interned(
            (
                interned(str(r[0])),
                interned(r[1]),
                interned(r[2]),
                interned(_start(r[3])),
                interned(_end(r[4])),
            )
        )
        for r in record.get("roles", [])
    )
    return (
        str(record.get("id") or _organisation_key(record)),
        str(record["name"]),
        interned(record.get("country")),
        interned(record.get("sector")),
        tuple(record.get("aliases", [])),
        roles,
        tuple(
            interned((interned(_start(t[0])), interned(_end(t[1])))) for t in record.get("top", [])
        ),
    )


class Actors(Sequence[Actor]):
    """The known actors as rows of plain values, each made an `Actor` when first asked for.

    A lookup reads a handful of the ~35,000 persons an article names at most, and making them all
    when the compiled knowledge loads was most of its load time (a constructor call for every
    actor and role: ~0.2 of the ~0.35 s); the rows unpickle three times faster.
    """

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: list[ActorRow]) -> None:
        self._rows = rows
        self._made: dict[int, Actor] = {}

    def row(self, index: int) -> ActorRow:
        """The plain values of one actor."""
        return self._rows[index]

    @overload
    def __getitem__(self, index: int) -> Actor: ...

    @overload
    def __getitem__(self, index: slice) -> list[Actor]: ...

    def __getitem__(self, index: int | slice) -> Actor | list[Actor]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._rows)))]
        if index < 0:
            index += len(self._rows)
        found = self._made.get(index)
        if found is None:
            id_, name, country, sector, aliases, roles, top = self._rows[index]
            found = Actor(id_, name, country, sector, aliases, tuple(Role(*r) for r in roles), top)
            self._made[index] = found
        return found

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Actor]:
        return (self[index] for index in range(len(self._rows)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Actors):
            return self._rows == other._rows
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type[Actors], tuple[list[ActorRow]]]:
        """Pickle the rows only (the actors made so far are made again on demand)."""
        return (Actors, (self._rows,))


def _organisation_key(record: dict[str, Any]) -> str:
    """`kb:united-nations`; a name several countries use gets its country: `kb:labour@gbr`."""
    key = "kb:" + fold(str(record["name"])).replace(" ", "-")
    country = record.get("country")
    return f"{key}@{str(country).lower()}" if country else key


def _skeletons(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(skeleton_word(word) for word in words)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _similar_words(first: str, second: str) -> bool:
    """Two folded words that spell one name: same skeleton, or one edit apart for long words."""
    if first == second:
        return True
    if min(len(first), len(second)) < FUZZY_MIN_LETTERS:
        return False
    a, b = skeleton_word(first), skeleton_word(second)
    if a == b:
        return True
    return min(len(first), len(second)) >= EDIT_MIN_LETTERS and within_one_edit(a, b)


class ActorKnowledge:
    """Indexes over the known persons and organisations."""

    def __init__(self, content: dict[str, Any]) -> None:
        self._interned = _Interned()
        interned = self._interned
        self.persons = Actors(
            [_actor_row(record, interned) for record in content.get("persons", [])]
        )
        self.organisations = Actors(
            [_actor_row(record, interned) for record in content.get("organisations", [])]
        )
        self.names: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.by_last: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.by_skeleton: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.top_surnames: dict[str, list[int]] = {}
        self.first_words: dict[str, int] = {}
        self.royals: dict[tuple[str, str], list[int]] = {}
        self.org_names: dict[str, list[int]] = {}
        for index, record in enumerate(content.get("persons", [])):
            self._index_person(index, record)
        for index in range(len(self.organisations)):
            _, full_name, _, _, aliases, _, _ = self.organisations.row(index)
            for name in (full_name, *aliases):
                self.org_names.setdefault(fold(name), []).append(index)
        self.given_names = frozenset(
            word for word, count in self.first_words.items() if count >= GIVEN_NAME_MIN
        )
        del self.first_words
        del self._interned

    def _index_person(self, index: int, record: dict[str, Any]) -> None:
        _, full_name, _, _, aliases, _, top = self.persons.row(index)
        interned = self._interned
        for name in (full_name, *aliases):
            words = interned(tuple(interned(word) for word in fold(name).split()))
            if not words:
                continue
            entry = (index, words)
            if len(words) > 1:
                self.first_words[words[0]] = self.first_words.get(words[0], 0) + 1
            self.names.setdefault(" ".join(words), []).append(entry)
            self.by_last.setdefault(words[-1], []).append(entry)
            for key in {_skeletons(words[-1:])[0], _skeletons(words[:1])[0]}:
                self.by_skeleton.setdefault(interned(key), []).append(entry)
            if top and len(words) > 1:
                self.top_surnames.setdefault(interned(skeleton_word(words[-1])), []).append(index)
        for title, first in record.get("royal", []):
            self.royals.setdefault((str(title).casefold(), str(first)), []).append(index)

    def person(self, name: str, day: str | None) -> Resolution | None:
        """The person a name of two or more words names (exact, subset, then fuzzy)."""
        words = tuple(fold(name).split())
        if len(words) < 2:
            return None
        exact = [i for i, _ in self.names.get(" ".join(words), [])]
        found = self._choose(exact, day)
        if found is not None:
            return Resolution(found, "exact")
        subset: list[int] = []
        partial: list[int] = []
        for i, known in self.by_last.get(words[-1], []):
            if _subsequence(words, known):
                # "Gahr Støre" names Jonas Gahr Støre; "Olav Johansen" need not be Bengt Olav
                # Johansen: it opens with a given name of its own.
                dropped = words[0] != known[0] and words[0] in self.given_names
                (partial if dropped else subset).append(i)
            elif len(known) > 1 and known[0] == words[0] and _subsequence(known, words):
                subset.append(i)
        found = self._choose(subset, day)
        if found is not None:
            return Resolution(found, "subset")
        found = self._choose(partial, day)
        if found is not None:
            return Resolution(found, "partial")
        fuzzy = self._fuzzy(words)
        found = self._choose(fuzzy, day)
        return Resolution(found, "fuzzy") if found is not None else None

    def _fuzzy(self, words: tuple[str, ...]) -> list[int]:
        if sum(len(word) for word in words) < FUZZY_MIN_LETTERS:
            return []
        keys = {skeleton_word(words[-1]), skeleton_word(words[0])}
        candidates = {entry for key in keys for entry in self.by_skeleton.get(key, [])}
        return sorted(
            index
            for index, known in candidates
            if len(known) == len(words) and all(map(_similar_words, words, known))
        )

    def surname(self, name: str, day: str | None) -> Resolution | None:
        """A head of state or government in office on the day, named by surname alone."""
        words = fold(name).split()
        if len(words) != 1 or day is None:
            return None
        # Spelling variants of a surname share a skeleton ("Selenskyj", "Zelensky").
        holders = [
            i
            for i in self.top_surnames.get(skeleton_word(words[0]), [])
            if self.persons[i].in_top_office(day)
        ]
        found = self._choose(holders, None)
        return Resolution(found, "surname") if found is not None else None

    def titled_surname(self, name: str, titles: list[str]) -> Resolution | None:
        """A head of state or government named by surname alone under a title one of the office
        holders of that surname held ("President Bush", "Prime Minister Rutte"), whatever the
        day: only when every such holder is of one country (the title, not the date, tells which
        office holder the text means)."""
        words = fold(name).split()
        if len(words) != 1 or not titles:
            return None
        holders = [
            i
            for i in self.top_surnames.get(skeleton_word(words[0]), [])
            if any(self.persons[i].holds_title(title) for title in titles)
        ]
        found = self._choose(holders, None)
        return Resolution(found, "surname") if found is not None else None

    def royal(self, title: str, first_name: str) -> Resolution | None:
        """A royal by canonical title ("King") and first name ("Harald")."""
        indices = self.royals.get((title.casefold(), fold(first_name)), [])
        found = self._choose(indices, None)
        return Resolution(found, "royal") if found is not None else None

    def organisation(self, name: str) -> Actor | None:
        """An organisation by its exact name or alias (several countries: none)."""
        indices = self.org_names.get(fold(name), [])
        actors = {self.organisations[i].id: self.organisations[i] for i in indices}
        if len({a.country for a in actors.values()}) != 1:
            return None
        return min(actors.values(), key=lambda a: a.id)

    def _choose(self, indices: list[int], day: str | None) -> Actor | None:
        """One actor when the candidates agree on a country (after the date narrows them)."""
        actors = {self.persons[i].id: self.persons[i] for i in indices}
        if not actors:
            return None
        if len({a.country for a in actors.values()}) > 1 and day is not None:
            actors = {k: a for k, a in actors.items() if a.active(day)}
        countries = {a.country for a in actors.values()}
        if len(countries) != 1:
            return None
        # one country: the actor with the most roles stands for the others (same person, mostly)
        return max(actors.values(), key=lambda a: (len(a.roles), a.id.startswith("Q"), a.id))


@lru_cache(maxsize=1)
def knowledge_version() -> str:
    """Short content hash of the shipped knowledge, recorded in provenance."""
    path = resources.files("newsgraph.resources").joinpath(*RESOURCE)
    if not path.is_file():
        return "absent"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


@lru_cache(maxsize=1)
def load_knowledge() -> ActorKnowledge:
    """The shipped actor knowledge, read once per process."""
    path = resources.files("newsgraph.resources").joinpath(*RESOURCE)
    if not path.is_file():
        raise ConfigError(
            "resources/common/actors.json.gz is missing: run `make knowledge` to build it"
        )
    data = path.read_bytes()

    def build() -> ActorKnowledge:
        try:
            content = json.loads(gzip.decompress(data))
        except (OSError, ValueError) as error:
            raise ConfigError(f"resources/common/actors.json.gz: unreadable ({error})") from error
        return ActorKnowledge(content)

    # Building the indexes takes seconds; the compiled copy loads in a fraction of that.
    return compiled("knowledge", "common", build)
