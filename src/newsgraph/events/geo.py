"""Places and nationalities for the event coder, behind a small interface.

The coder asks two questions: which country a nationality word or country form names ("russiske",
"North Korean", "Russlands"), and where a place name lies. `GazetteerGeo` answers them with the
project gazetteer; tests pass a `Geo` of their own.
"""

from __future__ import annotations

from typing import Protocol

from newsgraph.gazetteer import load_gazetteer
from newsgraph.gazetteer.geonames import capitals_by_alpha3
from newsgraph.model import Location

# Words whose answers `GazetteerGeo` remembers before the memory is cleared.
MEMO_SIZE = 20_000


class Geo(Protocol):
    """What the event coder needs to know about places."""

    def adjective(self, text: str) -> str | None:
        """ISO alpha-3 of the country a nationality adjective names ("russiske", "North Korean")."""

    def country(self, text: str) -> str | None:
        """ISO alpha-3 of the country a country name or its genitive names ("Kinas")."""

    def place(self, name: str) -> Location | None:
        """The place a name refers to, geocoded, or None."""

    def capital(self, text: str) -> str | None:
        """ISO alpha-3 of the country whose capital a city name names ("Moskva", "Washington")."""


class GazetteerGeo:
    """`Geo` backed by newsgraph.gazetteer for one language."""

    def __init__(self, lang: str | None) -> None:
        self.gazetteer = load_gazetteer(lang)
        # The coder asks about every word and phrase of every sentence, mostly the same few
        # thousand: each is looked up in the (unchanging) gazetteer once.
        self._adjectives: dict[str, str | None] = {}
        self._countries: dict[str, str | None] = {}

    def adjective(self, text: str) -> str | None:
        """Country of a nationality adjective ("kinesiske", "Chinese")."""
        memo = self._adjectives
        if text in memo:
            return memo[text]
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        found = memo[text] = self.gazetteer.adjective_country(text)
        return found

    def country(self, text: str) -> str | None:
        """Country of a country's name or genitive ("Kina", "Kinas")."""
        memo = self._countries
        if text in memo:
            return memo[text]
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        match = self.gazetteer.best(text, ("name", "genitive"))
        found = None
        if match is not None and match.place.kind == "country":
            found = match.place.country
        memo[text] = found
        return found

    def place(self, name: str) -> Location | None:
        """Geocode a place name (its name or genitive form)."""
        match = self.gazetteer.best(name, ("name", "genitive"))
        if match is None:
            return None
        place = match.place
        return Location(name=name, country=place.country, lat=place.lat, lon=place.lon)

    def capital(self, text: str) -> str | None:
        """Country of a national capital's name in any of its forms ("Moskva", "Pékin")."""
        match = self.gazetteer.best(text, ("name",))
        if match is None or match.place.kind != "city" or match.place.country is None:
            return None
        country = match.place.country
        return country if capitals_by_alpha3().get(country) == match.place.canonical else None


class NoGeo:
    """`Geo` that knows nothing: actors keep only the countries their entities carry."""

    def adjective(self, text: str) -> str | None:
        """Always None."""
        return None

    def country(self, text: str) -> str | None:
        """Always None."""
        return None

    def place(self, name: str) -> Location | None:
        """Always None."""
        return None

    def capital(self, text: str) -> str | None:
        """Always None."""
        return None
