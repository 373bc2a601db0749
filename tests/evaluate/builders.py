"""Hand-built Articles for the evaluation tests (texts written for these tests)."""

from __future__ import annotations

from newsgraph.model import Article, Entity, Event, Location, Quote, Span, TimeExpr, Title

TEXT = (
    "Finance minister Kari Holm met Jonas Berg in Oslo on Monday. "
    '"We agreed on the budget," Holm told reporters. '
    "Berg said talks would continue in March."
)


def mention(text: str, phrase: str, occurrence: int = 0) -> Span:
    """The span of the n-th occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase), text=phrase)


def entity(
    entity_id: str,
    name: str,
    type_: str = "PER",
    country: str | None = None,
    titles: tuple[str, ...] = (),
    mentions: tuple[str, ...] = (),
) -> Entity:
    """An entity whose mentions are found in TEXT."""
    return Entity(
        id=entity_id,
        name=name,
        type=type_,  # type: ignore[arg-type]
        country=country,
        titles=[Title(text=title) for title in titles],
        mentions=[mention(TEXT, m) for m in mentions],
    )


def quote(
    phrase: str, speaker: str | None, kind: str = "direct", addressee: str | None = None
) -> Quote:
    """A quote over `phrase` in TEXT."""
    span = mention(TEXT, phrase)
    return Quote(
        text=span.text,
        start=span.start,
        end=span.end,
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        addressee=addressee,
    )


def time(phrase: str, value: str) -> TimeExpr:
    """A DATE expression over `phrase` in TEXT."""
    span = mention(TEXT, phrase)
    return TimeExpr(text=span.text, start=span.start, end=span.end, type="DATE", value=value)


def event(
    event_id: str,
    type_: str,
    actors: list[str],
    countries: list[str] | None = None,
    date: str | None = None,
    location: str | None = None,
    location_entity: str | None = None,
) -> Event:
    """An event over the first sentence of TEXT."""
    place = Location(name=location, entity=location_entity) if location else None
    return Event(
        id=event_id,
        type=type_,
        actors=actors,
        countries=countries or [],
        date=date,
        location=place,
        start=0,
        end=60,
    )


def article(**layers: object) -> Article:
    """An Article over TEXT with the given layers."""
    return Article(text=TEXT, lang="en", **layers)  # type: ignore[arg-type]


HOLM = entity(
    "e1", "Kari Holm", country="NOR", titles=("Finance minister",), mentions=("Kari Holm", "Holm")
)
BERG = entity("e2", "Jonas Berg", country="SWE", mentions=("Jonas Berg", "Berg"))
OSLO = entity("e3", "Oslo", "GPE", country="NOR", mentions=("Oslo",))
