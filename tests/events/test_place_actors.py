"""Places coded as actors: a town that only says where or whence another word than the trigger
is takes no part in the act (newsgraph.events.arguments.other_words_place).

Sentences are written for these tests and run through the whole pipeline with the shipped
models, whose parse decides what the town hangs from.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor

from .builders import actor_names


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "town"),
    [
        ("en", "The Senate demanded a new report from the hospital in Leeds.", "Leeds"),
        ("en", "The prime minister met students on a flight from Leeds to Beijing.", "Leeds"),
        (
            "nb",
            "Statsministeren la fredag fram en erklæring med krav om et bedre resultat fra Durban.",
            "Durban",
        ),
        ("nn", "Politiet i Florø fekk bistand av ein sivil patruljebil frå Førde.", "Førde"),
    ],
)
def test_a_town_placing_another_word_than_the_trigger_is_no_actor(
    extractor: Extractor, lang: str, text: str, town: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert any(e.name == town for e in article.entities)
    assert town not in actor_names(article)


@pytest.mark.models
def test_the_senate_stays_the_requester_when_the_town_goes_en(extractor: Extractor) -> None:
    article = extractor.extract_text(
        "The Senate demanded a new report from the hospital in Leeds.", lang="en"
    )
    requests = [e for e in article.events if e.type == "REQUEST"]
    assert requests
    assert actor_names(article) == {"Senate"}


@pytest.mark.models
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A national capital may speak for its state.
        ("The leaders agreed to postpone the demonstration in Baku.", "Baku"),
        # The place of what the act is done to stays its target.
        ("Israel will evacuate the settlements in the Gaza Strip.", "Gaza Strip"),
    ],
)
def test_a_capital_or_the_place_of_the_acts_object_keeps_its_part_en(
    extractor: Extractor, text: str, place: str
) -> None:
    assert place in actor_names(extractor.extract_text(text, lang="en"))


@pytest.mark.models
def test_a_later_town_of_a_conjunction_shares_the_first_ones_place_nb(
    extractor: Extractor,
) -> None:
    """In "fra Durban og Bergen" Bergen hangs from Durban and shares its preposition."""
    article = extractor.extract_text(
        "Statsministeren la fram en erklæring med krav om et bedre resultat fra Durban og Bergen.",
        lang="nb",
    )
    assert any(e.name == "Bergen" for e in article.entities)
    assert "Bergen" not in actor_names(article)


@pytest.mark.models
def test_a_town_qualifying_another_noun_than_the_trigger_is_no_actor_en(
    extractor: Extractor,
) -> None:
    """The Fallujah campaign is a campaign in Fallujah: the town did not demonstrate."""
    article = extractor.extract_text(
        "Hundreds of persons mounted demonstrations against the Fallujah campaign in Tikrit,"
        " according to az-Zaman.",
        lang="en",
    )
    assert any(e.name == "Fallujah" for e in article.entities)
    assert "Fallujah" not in actor_names(article)


@pytest.mark.models
def test_a_town_qualifying_a_body_keeps_its_part_en(extractor: Extractor) -> None:
    """The Kabul government is the town standing for a body: it condemned the attack."""
    article = extractor.extract_text("The Kabul government condemned the attack.", lang="en")
    assert "Kabul" in actor_names(article)


@pytest.mark.models
def test_the_place_of_what_the_act_is_done_to_keeps_its_part_en(extractor: Extractor) -> None:
    """The settlements annexed are the West Bank's: the compound stays with the act."""
    article = extractor.extract_text(
        "The US policy change paved the way for the annexation of West Bank settlements into"
        " Israel.",
        lang="en",
    )
    assert "West Bank" in actor_names(article)
