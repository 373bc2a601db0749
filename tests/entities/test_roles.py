"""Role patterns give persons titles (as written and canonical) and the affiliation's country."""

from __future__ import annotations

from newsgraph.entities import find_entities
from newsgraph.model import Entity

from .article_builder import build_article


def person(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.type == "PER" and e.name == name)


def test_country_genitive_title_name_gives_title_and_country() -> None:
    article = build_article(
        "Frankrikes utenriksminister Marie Dubois kom til Oslo i går.",
        "nb",
        [("Marie Dubois", "PER"), ("Oslo", "GPE")],
    )
    dubois = person(find_entities(article), "Marie Dubois")
    assert dubois.country == "FRA"
    assert [(t.text, t.canonical, t.country) for t in dubois.titles] == [
        ("utenriksminister", "Foreign Minister", "FRA")
    ]
    assert article.text[dubois.titles[0].start : dubois.titles[0].end] == "utenriksminister"


def test_determiner_adjective_definite_title_name_gives_title_base_form() -> None:
    article = build_article(
        "Hun møtte den tyske forsvarsministeren Karl Weber på tirsdag.",
        "nb",
        [("Karl Weber", "PER")],
    )
    weber = person(find_entities(article), "Karl Weber")
    assert weber.country == "DEU"
    assert weber.titles[0].text == "forsvarsminister"
    assert article.text[weber.titles[0].start : weber.titles[0].end] == "forsvarsministeren"


def test_english_nationality_title_name() -> None:
    article = build_article(
        "Japanese Prime Minister Kenji Sato arrived in Seoul on Monday.",
        "en",
        [("Kenji Sato", "PER"), ("Seoul", "LOC")],
    )
    sato = person(find_entities(article), "Kenji Sato")
    assert (sato.country, sato.titles[0].canonical) == ("JPN", "Prime Minister")


def test_english_name_comma_title_of_country() -> None:
    article = build_article(
        "Ana Lima, foreign minister of Brazil, said the talks went well.",
        "en",
        [("Ana Lima", "PER"), ("Brazil", "LOC")],
    )
    lima = person(find_entities(article), "Ana Lima")
    assert lima.country == "BRA"
    assert lima.titles[0].canonical == "Foreign Minister"
    assert lima.titles[0].text == "foreign minister of Brazil"


def test_coordinated_titles_all_attach() -> None:
    article = build_article(
        "Chile's Deputy Prime Minister and Foreign Minister Rosa Vidal spoke first.",
        "en",
        [("Chile", "LOC"), ("Rosa Vidal", "PER")],
    )
    vidal = person(find_entities(article), "Rosa Vidal")
    assert [t.canonical for t in vidal.titles] == ["Deputy Prime Minister", "Foreign Minister"]
    assert vidal.country == "CHL"


def test_name_after_a_title_is_found_when_the_ner_missed_it() -> None:
    article = build_article(
        "Russlands president Ivan Petrov talte i Moskva.", "nb", [("Moskva", "GPE")]
    )
    petrov = person(find_entities(article), "Ivan Petrov")
    assert petrov.country == "RUS"
    assert petrov.titles[0].canonical == "President"


def test_bare_title_gives_title_without_country_and_vaguer_titles_merge_away() -> None:
    article = build_article(
        "Spanias forsvarsminister Luis Ortega kom i går. Minister Ortega sa lite.",
        "nb",
        [("Luis Ortega", "PER"), ("Ortega", "PER")],
    )
    ortega = person(find_entities(article), "Luis Ortega")
    assert [t.canonical for t in ortega.titles] == ["Defence Minister"]


def test_verb_homograph_of_a_title_gives_no_title() -> None:
    article = build_article(
        "Laget leder Per Hansen inn i finalen.",
        "nb",
        [("Per Hansen", "PER")],
        pos={"leder": "VERB"},
    )
    assert person(find_entities(article), "Per Hansen").titles == []


def test_title_after_a_genitive_counts_even_when_tagged_as_a_verb() -> None:
    article = build_article(
        "Luftvernet ble aktivert, ifølge byens guvernør Per Hansen.",
        "nb",
        [("Per Hansen", "PER")],
        pos={"byens": "NOUN", "guvernør": "VERB"},
    )
    assert [t.text for t in person(find_entities(article), "Per Hansen").titles] == ["guvernør"]


def test_organisation_title_gives_no_country() -> None:
    article = build_article(
        "Natos generalsekretær Erik Holm besøkte øvelsen.",
        "nb",
        [("Natos", "ORG"), ("Erik Holm", "PER")],
        pos={"generalsekretær": "NOUN"},
    )
    holm = person(find_entities(article), "Erik Holm")
    assert holm.titles[0].canonical == "Secretary-General"
    assert holm.country is None


def test_bare_title_gives_no_title_country_and_the_person_the_home_country() -> None:
    article = build_article(
        "Det sa statsminister Eva Lunde til pressen.", "nb", [("Eva Lunde", "PER")]
    )
    lunde = person(find_entities(article), "Eva Lunde")
    assert lunde.titles[0].canonical == "Prime Minister"
    assert lunde.titles[0].country is None
    assert (lunde.country, lunde.country_from) == ("NOR", "home")


def test_country_genitive_before_a_title_without_a_name_in_the_ner_gives_country() -> None:
    article = build_article("Norges statsminister Eva Lunde kom.", "nb", [("Norges", "GPE")])
    assert person(find_entities(article), "Eva Lunde").country == "NOR"


def test_nationality_adjective_before_a_compound_title_gives_country() -> None:
    article = build_article(
        "Ukrainian Foreign Minister Ivan Petrenko met Indian officials.",
        "en",
        [("Ukrainian Foreign Minister Ivan Petrenko", "ORG")],
    )
    petrenko = person(find_entities(article), "Ivan Petrenko")
    assert (petrenko.country, petrenko.titles[0].canonical) == ("UKR", "Foreign Minister")


def test_weekday_after_a_title_is_no_persons_name() -> None:
    article = build_article("The majority leader said Monday the bill would pass.", "en")
    assert [e for e in find_entities(article) if e.type == "PER"] == []


def test_last_word_of_a_longer_place_gives_no_country_to_a_title() -> None:
    article = build_article(
        "New Jersey Senator Mark Ellison spoke.",
        "en",
        [("New Jersey", "GPE"), ("Mark Ellison", "PER")],
    )
    ellison = person(find_entities(article), "Mark Ellison")
    assert ellison.country is None
    assert ellison.titles[0].canonical == "Senator"


def test_capitalised_headline_word_after_a_title_is_no_person() -> None:
    text = "Ministers Hail Envoy Visits Lagos\n\nThe envoy arrived in Lagos on Friday."
    article = build_article(text, "en", [("Lagos", "GPE"), ("Lagos", "GPE")])
    assert [e.type for e in find_entities(article)] == ["GPE"]


def test_headline_name_after_a_title_that_the_body_also_writes_is_a_person() -> None:
    text = "Ministers Hail Envoy Okonkwo In Lagos\n\nOkonkwo arrived in Lagos on Friday."
    article = build_article(text, "en", [("Lagos", "GPE"), ("Lagos", "GPE")])
    assert ("Okonkwo", "PER") in [(e.name, e.type) for e in find_entities(article)]


def test_role_matcher_reads_each_tokens_titles_and_countries_once_and_skips_empty_slots() -> None:
    from newsgraph.entities.document import Document
    from newsgraph.entities.lexicon import load_lexicon
    from newsgraph.entities.mentions import model_mentions
    from newsgraph.entities.patterns import Element
    from newsgraph.entities.roles import RoleMatcher
    from newsgraph.gazetteer import load_gazetteer

    article = build_article(
        "Frankrikes utenriksminister Marie Dubois kom til Oslo.",
        "nb",
        [("Marie Dubois", "PER"), ("Oslo", "GPE")],
    )
    doc = Document(article, load_gazetteer("nb"), load_lexicon("nb"))
    matcher = RoleMatcher(doc, model_mentions(doc))
    countries = matcher.places_at(0, "genitive")
    assert countries == [(1, "FRA")]
    assert matcher.places_at(0, "genitive") is countries
    assert matcher.places_at(1, "genitive") == []
    genitive = Element(slot="country_gen", words=frozenset(), optional=False)
    title = Element(slot="title", words=frozenset(), optional=False)
    assert matcher.can_fill(genitive, 0) and not matcher.can_fill(genitive, 1)
    assert matcher.can_fill(title, 1) and not matcher.can_fill(title, 2)
    assert not matcher.can_fill(title, len(doc))
    assert matcher.can_fill(Element(slot=None, words=frozenset({"til"}), optional=False), 2)


def test_document_reads_the_places_starting_at_a_token_once() -> None:
    from newsgraph.entities.document import Document
    from newsgraph.entities.lexicon import load_lexicon
    from newsgraph.gazetteer import load_gazetteer

    article = build_article("Hun reiste fra New York til Oslo.", "nb", [])
    doc = Document(article, load_gazetteer("nb"), load_lexicon("nb"))
    spans = doc.place_spans(3)
    assert [(last, match.place.country) for last, match in spans][:1] == [(5, "USA")]
    assert doc.place_spans(3) is spans
    assert doc.place_spans(0) == []


def test_pattern_knows_whether_its_titles_all_come_before_the_person() -> None:
    from newsgraph.entities.patterns import parse_pattern

    assert parse_pattern("the? top? {adj} {title} {person}").titles_before_person
    assert parse_pattern("den|det {adj} {title_def} {person}").titles_before_person
    assert not parse_pattern("{person} , the? {title} of {country}").titles_before_person


def test_role_matching_tries_no_start_before_a_person_without_a_title_in_reach() -> None:
    from newsgraph.entities.document import Document
    from newsgraph.entities.lexicon import load_lexicon
    from newsgraph.entities.mentions import model_mentions
    from newsgraph.entities.roles import RoleMatcher, _best_binding
    from newsgraph.gazetteer import load_gazetteer

    article = build_article(
        "Etter det lange møtet i Oslo sa Marie Dubois at hun var fornøyd.",
        "nb",
        [("Oslo", "GPE"), ("Marie Dubois", "PER")],
    )
    doc = Document(article, load_gazetteer("nb"), load_lexicon("nb"))
    matcher = RoleMatcher(doc, model_mentions(doc))
    anchor = next(i for i, token in enumerate(doc.tokens) if token.text == "Marie")
    tried: list[int] = []
    match = matcher.match

    def counted(pattern, start, person_at):  # type: ignore[no-untyped-def]
        tried.append(start)
        return match(pattern, start, person_at)

    matcher.match = counted  # type: ignore[method-assign]
    assert _best_binding(matcher, anchor) == []
    assert set(tried) == {anchor}


def test_english_cabinet_secretaries_members_of_parliament_and_professors_get_titles() -> None:
    article = build_article(
        "Health Secretary Tom Reed met MP Ann Cole and Prof Li Wen in Leeds on Monday.",
        "en",
        [("Tom Reed", "PER"), ("Ann Cole", "PER"), ("Li Wen", "PER"), ("Leeds", "GPE")],
    )
    entities = find_entities(article)
    titles = {
        name: person(entities, name).titles[0].canonical
        for name in ("Tom Reed", "Ann Cole", "Li Wen")
    }
    assert titles == {
        "Tom Reed": "Health Secretary",
        "Ann Cole": "Member of Parliament",
        "Li Wen": "Professor",
    }


def test_french_minister_of_a_ministry_gets_the_title_and_keeps_it_out_of_the_name() -> None:
    article = build_article(
        "La ministre des Sports Claire Roux a parlé mardi.",
        "fr",
        [("Sports Claire Roux", "PER")],
    )
    roux = next(e for e in find_entities(article) if e.type == "PER")
    assert roux.name == "Claire Roux"
    assert roux.titles[0].canonical == "Sports Minister"


def test_party_compound_titles_attach_in_german_and_norwegian() -> None:
    german = build_article(
        "Der SPD-Abgeordnete Karl Weber warnte am Montag.", "de", [("Karl Weber", "PER")]
    )
    weber = person(find_entities(german), "Karl Weber")
    assert weber.titles[0].canonical == "Member of Parliament"
    norwegian = build_article(
        "Frp-politiker Kari Lie sa mandag at skattene skal ned.", "nb", [("Kari Lie", "PER")]
    )
    lie = person(find_entities(norwegian), "Kari Lie")
    assert lie.titles[0].canonical == "Politician"
