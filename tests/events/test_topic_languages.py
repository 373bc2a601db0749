"""Business, science, health and review words in Danish, Swedish, German and French
(`business`, `science`, `culture`, `health` in resources/<lang>/events.toml, read by
newsgraph.events.sense): a firm's act in a sentence about shares is no political event, and a
page about research or medicine yields only events with a political noun in their sentence.

Sentences are written for these tests; no parse (no model).
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article

ACME = Ent("Acme", "ORG", "USA")
RUSSIA = {
    "da": Ent("Rusland", "GPE", "RUS"),
    "sv": Ent("Ryssland", "GPE", "RUS"),
    "de": Ent("Russland", "GPE", "RUS"),
    "fr": Ent("Russie", "GPE", "RUS"),
}
CHINA = {
    "da": Ent("Kina", "GPE", "CHN"),
    "sv": Ent("Kina", "GPE", "CHN"),
    "de": Ent("China", "GPE", "CHN"),
    "fr": Ent("Chine", "GPE", "CHN"),
}
# (a firm criticises a state in a sentence about its shareholders, the same said of a state)
SHAREHOLDERS = {
    "da": (
        "Acme kritiserede Rusland, sagde aktionærerne.",
        "Kina kritiserede Rusland, sagde aktionærerne.",
    ),
    "sv": (
        "Acme kritiserade Ryssland, sade aktieägarna.",
        "Kina kritiserade Ryssland, sade aktieägarna.",
    ),
    "de": (
        "Acme kritisierte Russland, sagten die Aktionäre.",
        "China kritisierte Russland, sagten die Aktionäre.",
    ),
    "fr": (
        "Acme a critiqué Russie, selon les actionnaires.",
        "Chine a critiqué Russie, selon les actionnaires.",
    ),
}


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def types(text: str, lang: str) -> list[str]:
    return [e.type for e in code(make_article(text, lang, [ACME, RUSSIA[lang], CHINA[lang]]))]


@pytest.mark.parametrize("lang", sorted(SHAREHOLDERS))
def test_firm_in_a_sentence_about_shareholders_is_no_political_actor(lang: str) -> None:
    firm, state = SHAREHOLDERS[lang]
    assert "ACCUSE" not in types(firm, lang)
    assert "ACCUSE" in types(state, lang)


@pytest.mark.parametrize("lang", sorted(SHAREHOLDERS))
def test_firm_criticising_a_state_elsewhere_stays_an_event(lang: str) -> None:
    # Without a business word the firm's criticism of a state is still reported.
    firm = SHAREHOLDERS[lang][0].split(",")[0] + "."
    assert "ACCUSE" in types(firm, lang)


SCIENCE_PAGES = {
    "de": (
        "Forscher der Universität untersuchten das Eis.\n"
        "Die Raumsonde soll ein Jahr lang den Mond umkreisen.\n"
        "Die Wissenschaftler sagten, das Teleskop habe Wasser gefunden.\n"
        "Acme kritisierte Russland.\n"
    ),
    "fr": (
        "Les chercheurs de l'université ont étudié la glace.\n"
        "La sonde spatiale tournera autour de la lune pendant un an.\n"
        "Les astronomes ont dit que le télescope avait trouvé de l'eau.\n"
        "Acme a critiqué la Russie.\n"
    ),
}
HEALTH_PAGES = {
    "da": (
        "Patienterne på sygehuset fik en ny behandling.\n"
        "Lægerne fandt færre symptomer hos dem, der fik vaccinen.\n"
        "Sygdommen rammer mest ældre, siger lægen.\n"
        "Acme kritiserede Rusland.\n"
    ),
    "sv": (
        "Patienterna på sjukhuset fick en ny terapi.\n"
        "Läkarna såg färre symtom hos dem som fick vaccinet.\n"
        "Sjukdomen drabbar mest äldre, säger läkaren.\n"
        "Acme kritiserade Ryssland.\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(SCIENCE_PAGES | HEALTH_PAGES))
def test_page_about_research_or_medicine_codes_no_firm_criticism(lang: str) -> None:
    page = (SCIENCE_PAGES | HEALTH_PAGES)[lang]
    assert "ACCUSE" not in types(page, lang)
    # The same act on a page about public affairs is reported.
    assert "ACCUSE" in types(page.splitlines()[-1], lang)
