"""Scoring of the event layer: type, actor countries and date decide a match (gold/README.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsgraph.evaluate.layers import gold_items, gold_names
from newsgraph.evaluate.matching import match_items
from newsgraph.evaluate.names import GoldNames, entities_names, normalise_all
from newsgraph.evaluate.result import LayerResult
from newsgraph.model import Article, Event

Gold = Mapping[str, Any]


def event_countries(article: Article, event: Event) -> set[str]:
    """The event's countries together with the countries of its actor entities."""
    countries = set(event.countries)
    for entity_id in (*event.actors, *event.source, *event.target):
        entity = article.entity(entity_id)
        if entity is not None and entity.country:
            countries.add(entity.country)
    return countries


def same_date(wanted: str, got: str | None) -> bool:
    """Dates are equal; a predicted datetime counts for a gold date of the same day."""
    if got is None:
        return False
    return got == wanted or ("T" not in wanted and got.split("T")[0] == wanted)


def _kind_and_countries_match(article: Article, gold: Gold, event: Event) -> bool:
    if gold.get("type") and event.type != gold["type"]:
        return False
    return set(gold.get("countries", [])) <= event_countries(article, event)


def _location_correct(article: Article, names: GoldNames, wanted: str, event: Event) -> bool:
    if event.location is None:
        return False
    candidates = [normalise_all([event.location.name])]
    candidates += entities_names(article, [event.location.entity])
    return names.matches(wanted, candidates)


def _actors_correct(article: Article, names: GoldNames, wanted: list[str], event: Event) -> bool:
    actors = entities_names(article, [*event.actors, *event.source, *event.target])
    return all(names.matches(name, actors) for name in wanted)


def _describe_gold(gold: Gold) -> str:
    countries = ",".join(gold.get("countries", []))
    return f"{gold.get('type')} [{countries}] {gold.get('date')} {str(gold.get('note', ''))[:60]}"


def _describe_event(article: Article, event: Event) -> str:
    countries = ",".join(sorted(event_countries(article, event)))
    return f"{event.type} [{countries}] {event.date} {article.text[event.start : event.end][:60]!r}"


def score_events(article: Article, gold: Gold) -> LayerResult:
    """Events match on type, a superset of the gold countries and the gold date where given."""
    result = LayerResult()
    names = gold_names(gold)
    wanted = gold_items(gold, "events")
    predicted = article.events

    def quality(g: int, p: int) -> float | None:
        item, event = wanted[g], predicted[p]
        if not _kind_and_countries_match(article, item, event):
            return None
        if item.get("date") and not same_date(item["date"], event.date):
            return None
        location = bool(item.get("location")) and _location_correct(
            article, names, item["location"], event
        )
        actors = _actors_correct(article, names, item.get("actors", []), event)
        extra = len(event_countries(article, event) - set(item.get("countries", [])))
        return int(location) + int(actors) - 0.01 * extra

    matched = match_items(len(wanted), len(predicted), quality)
    optional = gold_items(gold, "optional_events")
    # Gold lists facts; planned events and events only mentioned inside a quote are optional by
    # the coding conventions (gold/README.md), and a negated report states that nothing happened:
    # such predictions may match a gold event but are never false positives.
    excused = {
        p
        for p, event in enumerate(predicted)
        if event.factuality != "asserted"
        or any(_kind_and_countries_match(article, item, event) for item in optional)
    }
    result.tally(
        len(wanted),
        matched,
        excused,
        [_describe_gold(item) for item in wanted],
        [_describe_event(article, event) for event in predicted],
    )
    for g, p in matched.items():
        _score_event_attributes(result, article, names, wanted[g], predicted[p])
    _score_event_dates(result, article, wanted, predicted)
    return result


def _score_event_attributes(
    result: LayerResult, article: Article, names: GoldNames, gold: Gold, event: Event
) -> None:
    label = _describe_gold(gold)
    if gold.get("location"):
        right = _location_correct(article, names, gold["location"], event)
        result.attribute("event_location").record(right)
        if not right:
            got = event.location.name if event.location else None
            result.wrong.append(f"{label}: location {gold['location']}, got {got}")
    if gold.get("actors"):
        right = _actors_correct(article, names, gold["actors"], event)
        result.attribute("event_actors").record(right)
        if not right:
            actors = [e.name for e in map(article.entity, event.actors) if e is not None]
            result.wrong.append(f"{label}: actors {gold['actors']}, got {actors}")


def _score_event_dates(
    result: LayerResult, article: Article, wanted: list[Any], predicted: list[Event]
) -> None:
    """Date accuracy: gold events with a date, paired on type and countries alone."""
    dated = [item for item in wanted if item.get("date")]

    def quality(g: int, p: int) -> float | None:
        if not _kind_and_countries_match(article, dated[g], predicted[p]):
            return None
        return int(same_date(dated[g]["date"], predicted[p].date))

    matched = match_items(len(dated), len(predicted), quality)
    score = result.attribute("event_date")
    for g, p in matched.items():
        right = same_date(dated[g]["date"], predicted[p].date)
        score.record(right)
        if not right:
            label = _describe_gold(dated[g])
            result.wrong.append(f"{label}: date {dated[g]['date']}, got {predicted[p].date}")
