"""Factuality cues of general news (issue #10, round evb20): an announced speech act ("will
accuse", "vil kritisere") is planned, not said yet; an act someone is unwilling or reluctant to
carry out, risks or is awaiting has not happened.

Sentences are written for these tests and run through the whole pipeline (the shipped models'
parse and names).
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article


def factualities(article: Article, category: str) -> list[str]:
    """The factuality of each of the article's events of one category."""
    return [e.factuality for e in article.events if e.type == category]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("en", "The Kremlin said Russia will accuse Ukraine of war crimes at the UN.", "ACCUSE"),
        ("nb", "Regjeringen vil kritisere Russland i FN neste uke.", "ACCUSE"),
        ("en", "Lower tariffs are the least the Chinese government will accept.", "AGREE"),
    ],
)
def test_an_announced_speech_act_keeps_its_category_and_is_planned(
    extractor: Extractor, lang: str, text: str, category: str
) -> None:
    assert factualities(extractor.extract_text(text, lang=lang), category) == ["planned"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("en", "The Kremlin said Russia accused Ukraine of war crimes at the UN.", "ACCUSE"),
        ("nb", "Regjeringen kritiserte Russland i FN forrige uke.", "ACCUSE"),
    ],
)
def test_a_speech_act_in_the_past_stays_asserted(
    extractor: Extractor, lang: str, text: str, category: str
) -> None:
    assert factualities(extractor.extract_text(text, lang=lang), category) == ["asserted"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("en", "Germany is reluctant to impose sanctions on Russia.", "SANCTION"),
        (
            "en",
            "Two suspects are in custody in Thailand awaiting extradition to Denmark.",
            "COOPERATE",
        ),
        ("nb", "Flere Nato-land er uvillige til å sende fly til Libya.", "MOBILIZE"),
        ("nb", "Han sitter i varetekt i Spania i påvente av utlevering til Norge.", "COOPERATE"),
        ("da", "De sidder fængslet i Thailand i afventen på udlevering til Danmark.", "COOPERATE"),
    ],
)
def test_an_act_someone_is_unwilling_to_do_or_awaits_is_no_fact(
    extractor: Extractor, lang: str, text: str, category: str
) -> None:
    assert "asserted" not in factualities(extractor.extract_text(text, lang=lang), category)


@pytest.mark.models
def test_an_extradition_that_took_place_stays_asserted(extractor: Extractor) -> None:
    text = "Thailand extradited the two suspects to Denmark on Monday."
    assert factualities(extractor.extract_text(text, lang="en"), "COOPERATE") == ["asserted"]


@pytest.mark.models
def test_a_reportative_modal_with_a_perfect_is_no_announcement(extractor: Extractor) -> None:
    # "skal ha gitt": hearsay about what the prime minister did, not a plan of his.
    text = "Statsminister Jonas Gahr Støre skal ha gitt etterforskningen høyeste prioritet etter drapet."
    assert factualities(extractor.extract_text(text, lang="nb"), "ACCUSE") == ["asserted"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        (
            "da",
            "En dansk anerkendelse af Palæstina skal dog drøftes med de andre EU-lande.",
            "SUPPORT",
        ),
        (
            "nb",
            "Et angrep på Norge vil bli møtt med full styrke, sa forsvarsministeren.",
            "ASSAULT",
        ),
        ("de", "Ein Angriff auf den Iran könnte die ganze Region destabilisieren.", "ASSAULT"),
    ],
)
def test_an_indefinite_act_whose_verb_is_a_modal_is_conditional(
    extractor: Extractor, lang: str, text: str, category: str
) -> None:
    assert factualities(extractor.extract_text(text, lang=lang), category) == ["conditional"]


@pytest.mark.models
def test_an_indefinite_act_with_a_plain_verb_stays_asserted(extractor: Extractor) -> None:
    text = "En demonstrasjon mot regjeringen samlet 5000 mennesker i Oslo."
    assert factualities(extractor.extract_text(text, lang="nb"), "PROTEST") == ["asserted"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Regjeringen skal droppe granskingen av Forsvaret."),
        ("en", "The government will end the investigation into the Russian embassy."),
    ],
)
def test_a_future_verb_of_a_known_act_leaves_the_act_asserted(
    extractor: Extractor, lang: str, text: str
) -> None:
    # The future governs dropping or ending the inquiry, which took place.
    assert factualities(extractor.extract_text(text, lang=lang), "ACCUSE") == ["asserted"]


@pytest.mark.models
def test_a_wish_to_see_an_agreement_is_conditional(extractor: Extractor) -> None:
    text = "Several senators would like to see Iran agree to new inspections."
    assert factualities(extractor.extract_text(text, lang="en"), "AGREE") == ["conditional"]
