"""Grounding and participant choice: who takes part in an act, and whether a trip is a visit.

Sentences are written for these tests; entities and parses are built by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article, parsed_article


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def _parsed(
    text: str, lang: str, entities: list[Ent], parse: list[tuple[str, str, str, int]]
) -> Article:
    return parsed_article(
        text, lang, entities, [(word, "", pos, dep, head) for word, pos, dep, head in parse]
    )


def test_a_trip_to_a_country_with_no_political_traveller_is_no_visit() -> None:
    canada = Ent("Canada", "GPE", "CAN")
    assert [
        e.type for e in code(make_article("It is expensive to visit Canada.", "en", [canada]))
    ] == []
    official = Ent("Kari Nordmann", "PER", "NOR", titles=("Foreign Minister",))
    text = "Foreign Minister Kari Nordmann visited Canada."
    assert "CONSULT" in [e.type for e in code(make_article(text, "en", [official, canada]))]


def test_norwegian_trip_with_only_the_country_named_is_no_visit() -> None:
    spain = Ent("Spania", "GPE", "ESP")
    text = "Det er dyrt å besøke Spania om sommeren."
    assert [e.type for e in code(make_article(text, "nb", [spain]))] == []


def test_who_comments_on_an_attack_is_not_its_doer() -> None:
    text = "Hansen mener angrepet var planlagt."
    parse = [
        ("Hansen", "PROPN", "nsubj", 1),
        ("mener", "VERB", "ROOT", 1),
        ("angrepet", "NOUN", "nsubj", 4),
        ("var", "AUX", "aux", 4),
        ("planlagt", "VERB", "ccomp", 1),
        (".", "PUNCT", "punct", 1),
    ]
    hansen = Ent("Hansen", "PER", "NOR", titles=("statsminister",))
    article = _parsed(text, "nb", [hansen], parse)
    assert all("e1" not in event.source for event in code(article))


def test_an_attack_noun_keeps_the_state_of_its_own_phrase() -> None:
    text = "Russlands angrep rammet Kyiv."
    parse = [
        ("Russlands", "PROPN", "nmod:poss", 1),
        ("angrep", "NOUN", "nsubj", 2),
        ("rammet", "VERB", "ROOT", 2),
        ("Kyiv", "PROPN", "obj", 2),
        (".", "PUNCT", "punct", 2),
    ]
    entities = [Ent("Russland", "GPE", "RUS", aliases=("Russlands",)), Ent("Kyiv", "GPE", "UKR")]
    events = [e for e in code(_parsed(text, "nb", entities, parse)) if e.type == "ASSAULT"]
    assert events and "e1" in events[0].source


def test_a_name_inside_a_relative_clause_takes_no_part_in_the_act() -> None:
    text = "Syria shelled the villages that Turkey had taken."
    parse = [
        ("Syria", "PROPN", "nsubj", 1),
        ("shelled", "VERB", "ROOT", 1),
        ("the", "DET", "det", 3),
        ("villages", "NOUN", "obj", 1),
        ("that", "PRON", "obj", 7),
        ("Turkey", "PROPN", "nsubj", 7),
        ("had", "AUX", "aux", 7),
        ("taken", "VERB", "acl:relcl", 3),
        (".", "PUNCT", "punct", 1),
    ]
    entities = [Ent("Syria", "GPE", "SYR"), Ent("Turkey", "GPE", "TUR")]
    events = [e for e in code(_parsed(text, "en", entities, parse)) if e.type == "ASSAULT"]
    assert events
    assert "e1" in events[0].actors and "e2" not in events[0].actors


def test_countries_on_a_sport_page_are_teams_not_states() -> None:
    text = (
        "Keeperen reddet to straffespark i første omgang. "
        "Spissen scoret to ganger etter pause. "
        "Midtbanen styrte kampen fra start. "
        "Fredag møter Norge Danmark."
    )
    entities = [Ent("Norge", "GPE", "NOR"), Ent("Danmark", "GPE", "DNK")]
    assert [e.type for e in code(make_article(text, "nb", entities))] == []
    # The same sentence on a page of public affairs is a meeting between the two states.
    plain = make_article("Fredag møter Norge Danmark.", "nb", entities)
    assert [e.type for e in code(plain)] == ["CONSULT"]
