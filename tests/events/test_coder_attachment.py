"""The event coder's place, date and actor attachment, and the trigger senses of the recall
round, on hand-built articles (sentences written for the tests)."""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event, Title

from .builders import Ent, FakeGeo, Time, make_article


def code(article: Article, geo: FakeGeo | None = None) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), geo or FakeGeo()).code(article)


def test_place_phrase_opening_the_sentence_places_a_reported_protest() -> None:
    text = "In Lisbon, police said about 20,000 marched against the reform."
    events = code(make_article(text, "en", [Ent("Lisbon", "GPE", "PRT", lat=38.7, lon=-9.1)]))
    assert [(e.type, e.countries) for e in events] == [("PROTEST", ["PRT"])]
    assert events[0].location is not None and events[0].location.name == "Lisbon"


def test_country_after_a_town_the_tagger_missed_is_the_place() -> None:
    text = "About 3,000 people protested at a naval base in Rota, Spain."
    events = code(make_article(text, "en", [Ent("Spain", "GPE", "ESP")]))
    assert [(e.type, e.countries) for e in events] == [("PROTEST", ["ESP"])]


def test_protests_of_one_sentence_in_two_countries_are_two_events() -> None:
    text = "Protesters in Lisbon chanted slogans, while demonstrators in Madrid blocked a road."
    entities = [
        Ent("Lisbon", "GPE", "PRT", lat=38.7, lon=-9.1),
        Ent("Madrid", "GPE", "ESP", lat=40.4, lon=-3.7),
    ]
    events = code(make_article(text, "en", entities))
    assert sorted(c for e in events if e.type == "PROTEST" for c in e.countries) == ["ESP", "PRT"]


def test_later_report_of_the_leads_kind_takes_the_leads_day() -> None:
    text = (
        "Thousands of people marched in Lisbon on Saturday against the reform.\n\n"
        "The unions called it a success.\n\n"
        "In Porto, about 5,000 protested."
    )
    entities = [
        Ent("Lisbon", "GPE", "PRT", lat=38.7, lon=-9.1),
        Ent("Porto", "GPE", "PRT", lat=41.1, lon=-8.6),
    ]
    article = make_article(
        text, "en", entities, [Time("Saturday", "2025-03-01")], published="2025-03-02"
    )
    porto = next(e for e in code(article) if e.location is not None and e.location.name == "Porto")
    assert porto.date == "2025-03-01"


def test_lead_day_does_not_date_another_kind_of_event() -> None:
    text = (
        "Thousands of people marched in Lisbon on Saturday against the reform.\n\n"
        "Portugal expelled two Russian diplomats."
    )
    entities = [Ent("Lisbon", "GPE", "PRT", lat=38.7, lon=-9.1), Ent("Portugal", "GPE", "PRT")]
    article = make_article(
        text, "en", entities, [Time("Saturday", "2025-03-01")], published="2025-03-02"
    )
    expelled = [e for e in code(article) if e.type != "PROTEST"]
    assert expelled and all(e.date is None for e in expelled)


def test_time_inside_a_quotation_does_not_date_the_event_around_it() -> None:
    text = 'Protesters in Lisbon chanted: "Resign today!"'
    entities = [Ent("Lisbon", "GPE", "PRT", lat=38.7, lon=-9.1)]
    article = make_article(text, "en", entities, [Time("today", "2025-03-02")])
    protests = [e for e in code(article) if e.type == "PROTEST"]
    assert protests and all(e.date != "2025-03-02" for e in protests)


def test_time_of_the_reporting_clause_does_not_date_an_earlier_move() -> None:
    text = "On Friday, Pakistani officials said the military had moved troops to the border."
    article = make_article(text, "en", [], [Time("On Friday", "2008-12-26")])
    geo = FakeGeo()
    geo.adjectives["Pakistani"] = "PAK"
    moves = [e for e in code(article, geo) if e.type == "MOBILIZE"]
    assert moves and all(e.date is None for e in moves)


def test_trigger_inside_a_persons_title_is_no_event() -> None:
    text = "FNs nødhjelpssjef Anna Berg sa at verden står overfor en krise."
    article = make_article(text, "nb", [Ent("FN", "ORG"), Ent("Anna Berg", "PER")])
    person = next(e for e in article.entities if e.name == "Anna Berg")
    start = text.index("nødhjelpssjef")
    person.titles = [Title(text="nødhjelpssjef", start=start, end=start + len("nødhjelpssjef"))]
    assert [e.type for e in code(article)] == []


def test_who_judges_an_attack_named_by_a_noun_did_not_attack() -> None:
    text = "Norge kaller angrepet meningsløst."
    article = make_article(text, "nb", [Ent("Norge", "GPE", "NOR")])
    assert all("NOR" not in e.countries for e in code(article) if e.type == "ASSAULT")


def test_meeting_the_press_is_no_consultation() -> None:
    text = "Utenriksminister Anna Berg møter pressen i Oslo."
    article = make_article(text, "nb", [Ent("Anna Berg", "PER", "NOR"), Ent("Oslo", "GPE", "NOR")])
    assert "CONSULT" not in [e.type for e in code(article)]


def test_country_named_with_its_article_is_that_country() -> None:
    text = "Lithuania accused the Netherlands of spying."
    geo = FakeGeo()
    geo.countries.update({"Lithuania": "LTU", "Netherlands": "NLD"})
    article = make_article(
        text, "en", [Ent("Lithuania", "GPE", "LTU"), Ent("the Netherlands", "LOC")]
    )
    accusations = [e for e in code(article, geo) if e.type == "ACCUSE"]
    assert accusations and set(accusations[0].countries) == {"LTU", "NLD"}


def _four_countries() -> tuple[FakeGeo, list[Ent]]:
    """A gazetteer and the entities for Brazil, Chile, Peru and Argentina."""
    names = {"Brazil": "BRA", "Chile": "CHL", "Peru": "PER", "Argentina": "ARG"}
    geo = FakeGeo()
    geo.countries.update(names)
    return geo, [Ent(name, "GPE", code) for name, code in names.items()]


def test_the_countries_refers_back_to_the_listed_countries() -> None:
    text = (
        "The embassies of Brazil, Chile and Peru sent the letter.\n\n"
        "Argentina accused the countries of breaching protocol."
    )
    geo, entities = _four_countries()
    accusation = next(
        e for e in code(make_article(text, "en", entities), geo) if e.type == "ACCUSE"
    )
    assert set(accusation.countries) == {"ARG", "BRA", "CHL", "PER"}


def test_countries_qualified_by_a_place_phrase_refer_to_no_earlier_list() -> None:
    text = (
        "The embassies of Brazil, Chile and Peru sent the letter.\n\n"
        "Argentina accused the countries in the region of breaching protocol."
    )
    geo, entities = _four_countries()
    accusations = [e for e in code(make_article(text, "en", entities), geo) if e.type == "ACCUSE"]
    assert all("BRA" not in e.countries for e in accusations)


def test_sinking_a_ship_is_an_attack_and_lowering_a_rate_is_not() -> None:
    ship = make_article(
        "Ukraina senket det russiske landgangsfartøyet.", "nb", [Ent("Ukraina", "GPE", "UKR")]
    )
    rate = make_article("Norges Bank senket renten.", "nb", [Ent("Norges Bank", "ORG", "NOR")])
    assert [(e.type, sorted(e.countries)) for e in code(ship)] == [("ASSAULT", ["RUS", "UKR"])]
    assert "ASSAULT" not in [e.type for e in code(rate)]


def test_demarche_is_an_accusation() -> None:
    text = "The Kenyan government issued a démarche to Uganda over the border incident."
    geo = FakeGeo()
    geo.adjectives["Kenyan"] = "KEN"
    article = make_article(text, "en", [Ent("Uganda", "GPE", "UGA")])
    assert "ACCUSE" in [e.type for e in code(article, geo)]


def test_talks_that_ended_with_an_agreement_report_an_agreement() -> None:
    text = "The talks between Russia and China concluded with an agreement on border patrols."
    article = make_article(text, "en", [Ent("Russia", "GPE", "RUS"), Ent("China", "GPE", "CHN")])
    assert "AGREE" in [e.type for e in code(article)]


def test_national_institution_noun_is_the_home_countrys() -> None:
    text = "Fredag kjørte forsvaret inn stridsvogner ved grensen."
    events = code(make_article(text, "nb"))
    assert [(e.type, e.countries) for e in events] == [("MOBILIZE", ["NOR"])]


def test_institution_of_a_named_country_is_not_the_home_countrys() -> None:
    text = "Regjeringen i Kenya avviste forslaget fra Uganda."
    entities = [Ent("Kenya", "GPE", "KEN"), Ent("Uganda", "GPE", "UGA")]
    events = code(make_article(text, "nb", entities))
    assert events and all("NOR" not in e.countries for e in events)


def test_refused_promise_of_aid_is_a_rejection() -> None:
    text = "Norway will not give any additional aid to Yemen."
    geo = FakeGeo()
    entities = [Ent("Norway", "GPE", "NOR"), Ent("Yemen", "GPE", "YEM")]
    events = code(make_article(text, "en", entities), geo)
    assert [(e.type, e.factuality) for e in events] == [("REJECT", "asserted")]


def test_the_national_side_names_the_state() -> None:
    text = "Fra norsk side vil det ikke komme noen ekstrabevilgning til Jemen."
    events = code(make_article(text, "nb", [Ent("Jemen", "GPE", "YEM")]))
    assert [(e.type, sorted(e.countries)) for e in events] == [("REJECT", ["NOR", "YEM"])]


def test_speaker_of_an_allegation_in_a_relative_clause_accuses() -> None:
    text = "Foreign Minister Pham Binh Minh said there were activities that violated the sovereignty of coastal states."
    article = make_article(
        text, "en", [Ent("Pham Binh Minh", "PER", "VNM", titles=("Foreign Minister",))]
    )
    assert ("ACCUSE", ["VNM"]) in [(e.type, e.countries) for e in code(article)]


def test_disapproval_voiced_by_a_march_is_its_claim_not_an_accusation() -> None:
    text = "Thousands of students marched in Lisbon to denounce the reform."
    events = code(make_article(text, "en", [Ent("Lisbon", "GPE", "PRT", lat=38.7, lon=-9.1)]))
    assert [e.type for e in events] == ["PROTEST"]


def test_institution_after_a_nationality_word_is_that_nations() -> None:
    events = code(make_article("Den russiske regjeringen avviste forslaget.", "nb"))
    assert [(e.type, e.countries) for e in events] == [("REJECT", ["RUS"])]
