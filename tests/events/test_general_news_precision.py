"""Rules written against the wrong events of general news pages (issue #10, round ev19): a
trip for a private purpose is no visit, a dateline's place written as a name before a dash is no
party, and when the roles name the participants and none is political, a political name
elsewhere in the sentence does not ground the act.

Sentences are written for these tests and run through the whole pipeline (the shipped models'
parse and names).
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article

from .builders import coded


def participants(article: Article) -> set[str]:
    return {
        entity.name
        for event in article.events
        for i in (*event.actors, *event.source, *event.target)
        if (entity := article.entity(i))
    }


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Smith made a trip to France for medical treatment on Saturday."),
        ("nb", "Statsminister Jonas Gahr Støre reiste til Frankrike for en legeundersøkelse."),
        ("nb", "Forsvarsminister Bjørn Arild Gram reiste til Spania på ferie med familien."),
    ],
)
def test_a_trip_for_a_private_purpose_is_no_visit(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert coded(extractor.extract_text(text, lang=lang), "CONSULT") == []


@pytest.mark.models
def test_a_trip_for_talks_is_still_a_visit(extractor: Extractor) -> None:
    text = "President Smith made a trip to France for talks with Macron on Saturday."
    assert coded(extractor.extract_text(text, lang="en"), "CONSULT") == ["trip to"]


@pytest.mark.models
def test_a_place_before_a_dash_opening_the_sentence_is_a_dateline(extractor: Extractor) -> None:
    article = extractor.extract_text(
        "Berlin - The German government agreed to the deal with France on Monday.", lang="en"
    )
    assert coded(article, "AGREE") == ["agreed"]
    assert "Berlin" not in participants(article)
    assert "France" in participants(article)


@pytest.mark.models
def test_named_participants_none_political_are_not_grounded_by_a_name_elsewhere(
    extractor: Extractor,
) -> None:
    # The arrest's only participant is a broadcaster; the congresswoman who comments on it
    # stands in another part of the sentence.
    article = extractor.extract_text(
        "Rep. Jane Doe (D-N.Y.) shortly after the arrest linked the attack to Fox News host "
        "John Smith's remarks.",
        lang="en",
    )
    assert coded(article, "COERCE") == []


# Seeking is a request only for what another party can give.


@pytest.mark.models
def test_seeking_what_one_builds_is_no_request(extractor: Extractor) -> None:
    text = "Russia also announced that it was seeking and building the best missiles in the world."
    assert coded(extractor.extract_text(text, lang="en"), "REQUEST") == []


@pytest.mark.models
@pytest.mark.parametrize(
    "text",
    [
        "Iran is seeking talks with the European Union on its nuclear programme.",
        "Jamaica sought her independence, which was achieved in 1962.",
    ],
)
def test_seeking_what_another_party_gives_is_a_request(extractor: Extractor, text: str) -> None:
    assert len(coded(extractor.extract_text(text, lang="en"), "REQUEST")) == 1


# A threat to something names a danger; a threat to do something is a threat.


@pytest.mark.models
def test_a_threat_to_a_noun_is_a_danger(extractor: Extractor) -> None:
    text = "General Smith insisted that the American presence poses no threat to Iran."
    assert coded(extractor.extract_text(text, lang="en"), "THREATEN") == []


@pytest.mark.models
def test_a_generic_determiner_before_a_name_makes_the_act_generic(extractor: Extractor) -> None:
    text = "Any US attack on Iran could be seen by China as a danger to its economy."
    assert coded(extractor.extract_text(text, lang="en"), "ASSAULT") == []


# Deaths in an accident are no attack; markets rally and candidates appeal without any protest or
# request.


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Two United States service members have been killed in a helicopter crash in "
            "Afghanistan, the US military said.",
        ),
        (
            "nb",
            "To norske soldater ble drept i en helikopterulykke i Afghanistan, opplyser Forsvaret.",
        ),
    ],
)
def test_deaths_in_an_accident_are_no_attack(extractor: Extractor, lang: str, text: str) -> None:
    assert coded(extractor.extract_text(text, lang=lang), "ASSAULT") == []


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Two United States soldiers were killed in an attack on their base in Afghanistan, "
            "the US military said.",
        ),
        ("nb", "To norske soldater ble drept i et angrep i Afghanistan, opplyser Forsvaret."),
    ],
)
def test_deaths_in_an_attack_are_still_an_attack(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert coded(extractor.extract_text(text, lang=lang), "ASSAULT")


@pytest.mark.models
def test_a_rally_in_stocks_is_no_protest(extractor: Extractor) -> None:
    text = "Analysts attributed the rally in bank stocks to the Supreme Court's ruling."
    assert coded(extractor.extract_text(text, lang="en"), "PROTEST") == []


@pytest.mark.models
def test_appeal_to_voters_is_no_request(extractor: Extractor) -> None:
    text = "The tough stance holds appeal to voters in key states like Ohio and Michigan."
    assert coded(extractor.extract_text(text, lang="en"), "REQUEST") == []


@pytest.mark.models
def test_an_appeal_to_a_body_is_still_a_request(extractor: Extractor) -> None:
    text = "Iran filed an appeal with the United Nations against the sanctions."
    assert coded(extractor.extract_text(text, lang="en"), "REQUEST") == ["appeal"]
