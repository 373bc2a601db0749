"""Every PLOVER category is coded from a plain sentence in Norwegian Bokmål and in English.

Sentences are written for these tests; entities are built by hand (no model, no tokens), so the
coder runs on its surface fallback here.
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon, load_ontology

from .builders import Ent, FakeGeo, make_article

G = "GPE"

CASES: list[tuple[str, str, str, list[Ent], set[str]]] = [
    # ------------------------------------------------------------------ Norwegian Bokmål
    (
        "nb",
        "AGREE",
        "Russland og Kina ble enige om å utvide handelen.",
        [Ent("Russland", G, "RUS"), Ent("Kina", G, "CHN")],
        {"RUS", "CHN"},
    ),
    (
        "nb",
        "CONSULT",
        "Statsminister Jonas Gahr Støre besøkte Kyiv mandag.",
        [Ent("Jonas Gahr Støre", "PER", "NOR"), Ent("Kyiv", G, "UKR")],
        {"NOR", "UKR"},
    ),
    (
        "nb",
        "SUPPORT",
        "Tyskland uttrykte støtte til Ukraina.",
        [Ent("Tyskland", G, "DEU"), Ent("Ukraina", G, "UKR")],
        {"DEU", "UKR"},
    ),
    (
        "nb",
        "CONCEDE",
        "Serbia lovet å trekke politiet ut av grenseområdet.",
        [Ent("Serbia", G, "SRB")],
        {"SRB"},
    ),
    (
        "nb",
        "COOPERATE",
        "Norske og amerikanske soldater gjennomførte en felles vinterøvelse i Troms.",
        [],
        {"NOR", "USA"},
    ),
    (
        "nb",
        "AID",
        "Japan sendte nødhjelp til Tyrkia etter jordskjelvet.",
        [Ent("Japan", G, "JPN"), Ent("Tyrkia", G, "TUR")],
        {"JPN", "TUR"},
    ),
    ("nb", "RETREAT", "Israel løslot 30 fanger fredag.", [Ent("Israel", G, "ISR")], {"ISR"}),
    (
        "nb",
        "REQUEST",
        "Ukraina ba Tyskland om flere stridsvogner.",
        [Ent("Ukraina", G, "UKR"), Ent("Tyskland", G, "DEU")],
        {"UKR", "DEU"},
    ),
    (
        "nb",
        "ACCUSE",
        "Polen anklaget Hviterussland for å sende migranter mot grensen.",
        [Ent("Polen", G, "POL"), Ent("Hviterussland", G, "BLR")],
        {"POL", "BLR"},
    ),
    ("nb", "REJECT", "Iran avviste forslaget fra EU.", [Ent("Iran", G, "IRN")], {"IRN"}),
    (
        "nb",
        "THREATEN",
        "Nord-Korea truet Sør-Korea med gjengjeldelse.",
        [Ent("Nord-Korea", G, "PRK"), Ent("Sør-Korea", G, "KOR")],
        {"PRK", "KOR"},
    ),
    (
        "nb",
        "PROTEST",
        "Tusenvis demonstrerte mot regjeringen i Teheran lørdag.",
        [Ent("Teheran", G, "IRN")],
        {"IRN"},
    ),
    (
        "nb",
        "SANCTION",
        "EU innførte nye sanksjoner mot Russland.",
        [Ent("EU", "ORG"), Ent("Russland", G, "RUS")],
        {"RUS"},
    ),
    (
        "nb",
        "MOBILIZE",
        "Russland utplasserte flere tusen soldater nær grensen.",
        [Ent("Russland", G, "RUS")],
        {"RUS"},
    ),
    ("nb", "COERCE", "Kinesisk politi arresterte tre aktivister i Hongkong.", [], {"CHN"}),
    (
        "nb",
        "ASSAULT",
        "Russland angrep Kyiv med droner natt til tirsdag.",
        [Ent("Russland", G, "RUS"), Ent("Kyiv", G, "UKR")],
        {"RUS", "UKR"},
    ),
    # ------------------------------------------------------------------ English
    (
        "en",
        "AGREE",
        "Japan and South Korea agreed to resume regular security talks.",
        [Ent("Japan", G, "JPN"), Ent("South Korea", G, "KOR")],
        {"JPN", "KOR"},
    ),
    (
        "en",
        "CONSULT",
        "French President Emmanuel Macron met Chinese leader Xi Jinping on Thursday.",
        [Ent("Emmanuel Macron", "PER", "FRA"), Ent("Xi Jinping", "PER", "CHN")],
        {"FRA", "CHN"},
    ),
    (
        "en",
        "SUPPORT",
        "Canada praised Ghana for its handling of the election.",
        [Ent("Canada", G, "CAN"), Ent("Ghana", G, "GHA")],
        {"CAN", "GHA"},
    ),
    (
        "en",
        "CONCEDE",
        "The Kazakh government eased restrictions on opposition rallies.",
        [Ent("Kazakh", G, "KAZ")],
        {"KAZ"},
    ),
    (
        "en",
        "COOPERATE",
        "Indian and Nepali troops conducted joint drills near the border.",
        [],
        {"IND", "NPL"},
    ),
    (
        "en",
        "AID",
        "Germany delivered humanitarian aid to Sudan.",
        [Ent("Germany", G, "DEU"), Ent("Sudan", G, "SDN")],
        {"DEU", "SDN"},
    ),
    (
        "en",
        "RETREAT",
        "Armenia withdrew its troops from the disputed village.",
        [Ent("Armenia", G, "ARM")],
        {"ARM"},
    ),
    (
        "en",
        "REQUEST",
        "Kenya urged Somalia to reopen the border crossing.",
        [Ent("Kenya", G, "KEN"), Ent("Somalia", G, "SOM")],
        {"KEN", "SOM"},
    ),
    (
        "en",
        "ACCUSE",
        "Lithuania accused Belarus of pushing migrants across the border.",
        [Ent("Lithuania", G, "LTU"), Ent("Belarus", G, "BLR")],
        {"LTU", "BLR"},
    ),
    (
        "en",
        "REJECT",
        "Iran rejected the proposal put forward by the European Union.",
        [Ent("Iran", G, "IRN"), Ent("European Union", "ORG")],
        {"IRN"},
    ),
    (
        "en",
        "THREATEN",
        "North Korea threatened South Korea with retaliation.",
        [Ent("North Korea", G, "PRK"), Ent("South Korea", G, "KOR")],
        {"PRK", "KOR"},
    ),
    (
        "en",
        "PROTEST",
        "Thousands of Iranian students demonstrated against the government.",
        [],
        {"IRN"},
    ),
    (
        "en",
        "SANCTION",
        "The United States imposed new sanctions on Venezuela.",
        [Ent("United States", G, "USA"), Ent("Venezuela", G, "VEN")],
        {"USA", "VEN"},
    ),
    (
        "en",
        "MOBILIZE",
        "Azerbaijan deployed troops along the border.",
        [Ent("Azerbaijan", G, "AZE")],
        {"AZE"},
    ),
    ("en", "COERCE", "Egyptian police arrested twelve activists in Cairo.", [], {"EGY"}),
    (
        "en",
        "ASSAULT",
        "Russian warplanes bombed targets near Kyiv.",
        [Ent("Kyiv", G, "UKR")],
        {"RUS", "UKR"},
    ),
]


def _code(lang: str, text: str, entities: list[Ent]) -> list[tuple[str, set[str]]]:
    geo = FakeGeo()
    geo.adjectives.update({"Egyptian": "EGY"})
    article = make_article(text, lang, entities)
    coder = EventCoder(load_lexicon(lang), geo)
    return [(event.type, set(event.countries)) for event in coder.code(article)]


@pytest.mark.parametrize(
    ("lang", "category", "text", "entities", "countries"),
    CASES,
    ids=[f"{lang}-{category}" for lang, category, *_ in CASES],
)
def test_category_is_coded_with_its_actor_countries(
    lang: str, category: str, text: str, entities: list[Ent], countries: set[str]
) -> None:
    events = _code(lang, text, entities)
    assert (category, countries) in [(kind, found & countries) for kind, found in events], events


def test_every_category_is_tested_in_both_languages() -> None:
    covered = {(lang, category) for lang, category, *_ in CASES}
    for category in load_ontology().categories:
        assert ("nb", category) in covered
        assert ("en", category) in covered
