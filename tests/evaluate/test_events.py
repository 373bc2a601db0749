from typing import Any

from newsgraph.evaluate.events import same_date, score_events

from .builders import BERG, HOLM, OSLO, article, event

GOLD: dict[str, Any] = {
    "entities": [
        {"name": "Kari Holm", "aliases": ["Holm"], "type": "PER", "country": "NOR"},
        {"name": "Jonas Berg", "aliases": ["Berg"], "type": "PER", "country": "SWE"},
        {"name": "Oslo", "aliases": ["Christiania"], "type": "GPE", "country": "NOR"},
    ],
    "events": [
        {
            "type": "CONSULT",
            "countries": ["NOR", "SWE"],
            "actors": ["Kari Holm", "Jonas Berg"],
            "date": "2024-03-04",
            "location": "Oslo",
        },
    ],
    "optional_events": [{"countries": ["SWE"], "note": "talks to continue"}],
}
ENTITIES = [HOLM, BERG, OSLO]


def test_event_matches_on_type_countries_of_actors_and_date() -> None:
    predicted = [event("v1", "CONSULT", ["e1", "e2"], date="2024-03-04", location="Oslo")]
    result = score_events(article(entities=ENTITIES, events=predicted), GOLD)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 0, 0)
    assert result.attributes["event_actors"].accuracy == 1.0
    assert result.attributes["event_location"].accuracy == 1.0
    assert result.attributes["event_date"].accuracy == 1.0


def test_event_with_a_wrong_date_misses_but_counts_for_date_accuracy() -> None:
    predicted = [event("v1", "CONSULT", ["e1", "e2"], date="2024-03-05")]
    result = score_events(article(entities=ENTITIES, events=predicted), GOLD)
    assert (result.counts.tp, result.counts.fn) == (0, 1)
    assert (result.attributes["event_date"].correct, result.attributes["event_date"].total) == (
        0,
        1,
    )


def test_event_missing_a_gold_country_does_not_match() -> None:
    predicted = [event("v1", "CONSULT", ["e1"], date="2024-03-04")]
    result = score_events(article(entities=ENTITIES, events=predicted), GOLD)
    assert result.counts.tp == 0


def test_event_location_resolves_through_the_location_entity_and_actor_gaps_count() -> None:
    predicted = [event("v1", "CONSULT", ["e1"], ["NOR", "SWE"], "2024-03-04", "Christiania", "e3")]
    result = score_events(article(entities=ENTITIES, events=predicted), GOLD)
    assert result.counts.tp == 1
    assert result.attributes["event_location"].accuracy == 1.0
    assert result.attributes["event_actors"].accuracy == 0.0


def test_event_matching_an_optional_event_is_excused() -> None:
    predicted = [
        event("v1", "CONSULT", ["e1", "e2"], date="2024-03-04"),
        event("v2", "COOPERATE", ["e2"]),
        event("v3", "ASSAULT", ["e1"]),
    ]
    result = score_events(article(entities=ENTITIES, events=predicted), GOLD)
    assert (result.counts.tp, result.counts.fp, result.counts.optional) == (1, 1, 1)


def test_same_date_accepts_a_datetime_on_the_gold_day() -> None:
    assert same_date("2024-03-04", "2024-03-04T10:00")
    assert not same_date("2024-03", "2024-03-04")
    assert not same_date("2024-03-04", None)
