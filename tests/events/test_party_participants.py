"""Only parties to an act are its sides (newsgraph.events.arguments): a town a place noun
introduces is where the act happened, whoever reacts to an act did not do it, and a name of an
earlier clause does not fill a side whose subject the clause names without a name.

Sentences are written for these tests and run through the whole pipeline (the shipped models'
parse and names).
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article, Event


def names(article: Article, event: Event) -> set[str]:
    return {
        e.name for i in (*event.actors, *event.source, *event.target) if (e := article.entity(i))
    }


def named(article: Article, ids: list[str]) -> set[str]:
    return {e.name for i in ids if (e := article.entity(i))}


def all_names(article: Article) -> set[str]:
    return {name for event in article.events for name in names(article, event)}


# A town after a place noun ("i den tyske byen X", "in the capital of X") is the place.


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "Protesters marched in the Chilean capital of Santiago.", "Santiago"),
        ("en", "Demonstrators protested in the city Bristol.", "Bristol"),
        ("nb", "Demonstranter marsjerte i den tyske byen Dresden.", "Dresden"),
        ("nb", "Statsministeren møter presidenten i byen Bergen.", "Bergen"),
    ],
)
def test_a_town_after_a_place_noun_is_the_place_not_a_side(
    extractor: Extractor, lang: str, text: str, place: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert article.events
    assert place not in all_names(article)


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "target"),
    [
        ("en", "Russia launched an attack on the port city of Odessa.", "Odessa"),
        ("nb", "Russland angrep byen Kharkiv.", "Kharkiv"),
    ],
)
def test_a_town_the_act_is_aimed_at_stays_its_target(
    extractor: Extractor, lang: str, text: str, target: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert assaults
    assert all(target in named(article, e.target) for e in assaults)


# Who reacts to an act ("appalled by", "sjokkert over") did not do it.


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "reactor", "party"),
    [
        (
            "en",
            "Senator John Smith was shocked by the Russian attack on Ukraine.",
            "John Smith",
            "Ukraine",
        ),
        (
            "nb",
            "Statsminister Jonas Gahr Støre er sjokkert over angrepet på Ukraina.",
            "Jonas Gahr Støre",
            "Ukraina",
        ),
    ],
)
def test_who_reacts_to_an_act_is_no_side_of_it(
    extractor: Extractor, lang: str, text: str, reactor: str, party: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert assaults
    for event in assaults:
        assert reactor not in names(article, event)
        assert party in names(article, event)


@pytest.mark.models
def test_who_reacts_to_an_arrest_takes_no_part_nb(extractor: Extractor) -> None:
    text = "Utenriksminister Espen Barth Eide er opprørt over arrestasjonen av journalistene."
    assert "Espen Barth Eide" not in all_names(extractor.extract_text(text, lang="nb"))


# A side whose subject the clause names without a name borrows no name of another clause.


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "outsider"),
    [
        (
            "en",
            "The minister John Kerry spoke in Moscow, and the protesters were arrested.",
            "John Kerry",
        ),
        (
            "nb",
            "Til tross for at utenriksminister Espen Barth Eide engasjerte seg i saken, ble de to "
            "journalistene dømt til fengsel.",
            "Espen Barth Eide",
        ),
        (
            "nb",
            "Utenriksminister Espen Barth Eide var i Moskva, og demonstrantene ble arrestert.",
            "Espen Barth Eide",
        ),
        (
            "nb",
            "Fylkesmann Ola Hansen oppfordret til ro etter at politiet i USA arresterte "
            "statsministeren.",
            "Ola Hansen",
        ),
    ],
)
def test_a_name_of_another_clause_does_not_fill_an_unnamed_subject(
    extractor: Extractor, lang: str, text: str, outsider: str
) -> None:
    assert outsider not in all_names(extractor.extract_text(text, lang=lang))


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "doer", "category"),
    [
        ("en", "Russia, which attacked Ukraine, was condemned.", "Russia", "ASSAULT"),
        ("en", "Hamas militants attacked Israel.", "Hamas", "ASSAULT"),
        ("nb", "Hamas krevde at Israel trekker seg ut.", "Hamas", "REQUEST"),
    ],
)
def test_a_named_or_relative_subject_stays_the_doer(
    extractor: Extractor, lang: str, text: str, doer: str, category: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    events = [e for e in article.events if e.type == category]
    assert events
    assert all(doer in named(article, e.source) for e in events)


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "outsider"),
    [
        (
            "en",
            "Governor John Rankin called for calm after DEA officials arrested the premier.",
            "DEA",
        ),
        (
            "nb",
            "Utenriksminister Espen Barth Eide ba om ro fordi Russland hadde stengt grensen.",
            "Russland",
        ),
    ],
)
def test_an_adverbial_clause_names_no_addressee_of_a_speech_act(
    extractor: Extractor, lang: str, text: str, outsider: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert article.events
    requests = [e for e in article.events if e.type == "REQUEST"]
    assert all(outsider not in names(article, e) for e in requests)
