"""Resolution within an article: mentions merge into entities with base names and stable ids."""

from __future__ import annotations

from newsgraph.entities import find_entities
from newsgraph.model import Entity

from .article_builder import build_article


def by_name(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name)


def test_surname_and_titled_mentions_merge_into_the_full_name() -> None:
    article = build_article(
        "Minister Hansen kom først. Senere talte Kari Hansen lenge. Hansen svarte på spørsmål.",
        "nb",
        [("Hansen", "PER"), ("Kari Hansen", "PER"), ("Hansen", "PER")],
    )
    people = [e for e in find_entities(article) if e.type == "PER"]
    assert len(people) == 1
    assert people[0].name == "Kari Hansen"
    assert [m.text for m in people[0].mentions] == ["Hansen", "Kari Hansen", "Hansen"]


def test_title_inside_the_ner_span_is_left_out_of_the_mention() -> None:
    article = build_article(
        "Andrea Rossi ble valgt. Senere sa minister Rossi nei.",
        "nb",
        [("Andrea Rossi", "PER"), ("minister Rossi", "PER")],
    )
    rossi = by_name(find_entities(article), "Andrea Rossi")
    assert [m.text for m in rossi.mentions] == ["Andrea Rossi", "Rossi"]


def test_surname_joins_the_nearest_earlier_full_name() -> None:
    article = build_article(
        "Anne Berg og Tor Berg kom. Tor Berg talte først. Berg sa ja.",
        "nb",
        [("Anne Berg", "PER"), ("Tor Berg", "PER"), ("Tor Berg", "PER"), ("Berg", "PER")],
    )
    tor = by_name(find_entities(article), "Tor Berg")
    assert [m.text for m in tor.mentions] == ["Tor Berg", "Tor Berg", "Berg"]


def test_country_genitive_merges_under_the_base_name_and_missed_forms_are_added() -> None:
    article = build_article(
        "Kinas økonomi vokser. Kina handler mye, og Stillehavet er stort.",
        "nb",
        [("Kina", "GPE")],
        pos={"økonomi": "NOUN"},
    )
    entities = find_entities(article)
    china = by_name(entities, "Kina")
    assert (china.type, china.country, china.canonical) == ("GPE", "CHN", "China")
    assert [m.text for m in china.mentions] == ["Kinas", "Kina"]
    pacific = by_name(entities, "Stillehavet")
    assert (pacific.type, pacific.country, pacific.canonical) == ("LOC", None, "Pacific Ocean")


def test_gazetteer_corrects_the_ner_type() -> None:
    article = build_article(
        "Turister reiste til Beijing og Stillehavet.",
        "nb",
        [("Beijing", "LOC"), ("Stillehavet", "GPE")],
    )
    entities = find_entities(article)
    assert by_name(entities, "Beijing").type == "GPE"
    assert by_name(entities, "Beijing").country == "CHN"
    assert by_name(entities, "Beijing").lat is not None
    assert by_name(entities, "Stillehavet").type == "LOC"


def test_nationality_adjective_and_organisation_noun_make_an_organisation() -> None:
    article = build_article(
        "Ifølge det franske utenriksdepartementet gikk møtet bra. "
        "Det franske utenriksdepartementet sa ikke mer.",
        "nb",
    )
    ministry = next(e for e in find_entities(article) if e.type == "ORG")
    assert ministry.name == "det franske utenriksdepartementet"
    assert ministry.country == "FRA"
    assert ministry.canonical == "French Ministry of Foreign Affairs"
    assert len(ministry.mentions) == 2


def test_organisation_country_from_its_first_word() -> None:
    article = build_article(
        "The Kenyan Army said the drill ended. The Army thanked the hosts.",
        "en",
        [("Kenyan Army", "ORG"), ("Army", "ORG")],
    )
    army = next(e for e in find_entities(article) if e.type == "ORG")
    assert (army.name, army.country) == ("Kenyan Army", "KEN")
    assert [m.text for m in army.mentions] == ["Kenyan Army", "Army"]


def test_organisation_acronym_in_brackets_merges_with_the_long_name() -> None:
    article = build_article(
        "The World Health Organization (WHO) met. WHO said little.",
        "en",
        [("World Health Organization", "ORG"), ("WHO", "ORG"), ("WHO", "ORG")],
    )
    orgs = [e for e in find_entities(article) if e.type == "ORG"]
    assert len(orgs) == 1
    assert orgs[0].name == "World Health Organization"


def test_junk_spans_are_dropped() -> None:
    article = build_article(
        "Foto: russiske soldater i Kina.",
        "nb",
        [("Foto", "ORG"), ("russiske", "GPE"), ("Kina", "GPE")],
    )
    assert [e.name for e in find_entities(article)] == ["Kina"]


def test_ids_follow_first_mentions() -> None:
    article = build_article(
        "Oslo og Bergen. Eva Lie bor i Bergen.",
        "nb",
        [("Oslo", "GPE"), ("Bergen", "GPE"), ("Eva Lie", "PER"), ("Bergen", "GPE")],
    )
    entities = find_entities(article)
    assert [(e.id, e.name) for e in entities] == [
        ("e1", "Oslo"),
        ("e2", "Bergen"),
        ("e3", "Eva Lie"),
    ]
    assert find_entities(article) == entities


def test_english_dateline_in_capitals_is_a_place() -> None:
    article = build_article(
        "NAIROBI (Wire) - Talks began.", "en", [("NAIROBI", "LOC"), ("Wire", "ORG")]
    )
    nairobi = next(e for e in find_entities(article) if e.type == "GPE")
    assert (nairobi.country, nairobi.canonical) == ("KEN", "Nairobi")


def test_place_span_grows_to_the_gazetteer_name() -> None:
    article = build_article("Ships sailed in the South China Sea.", "en", [("China Sea", "LOC")])
    sea = next(e for e in find_entities(article))
    assert (sea.name, sea.type) == ("South China Sea", "LOC")


def test_person_split_by_the_ner_and_a_cut_title_is_one_titled_person() -> None:
    article = build_article(
        "Ukrainian Foreign Minister Ivan Petrenko spoke. Petrenko left early.",
        "en",
        [("Ukrainian Foreign", "ORG"), ("Petrenko", "ORG"), ("Petrenko", "PER")],
    )
    entities = find_entities(article)
    assert [(e.name, e.type, e.country) for e in entities] == [("Ivan Petrenko", "PER", "UKR")]
    assert entities[0].titles[0].canonical == "Foreign Minister"


def test_town_named_like_a_persons_surname_is_that_person() -> None:
    article = build_article(
        "Prosecutor John Durham met Ward. Durham said little.",
        "en",
        [("John Durham", "PER"), ("Ward", "PER"), ("Durham", "GPE")],
    )
    found = [(e.name, e.type, len(e.mentions)) for e in find_entities(article)]
    assert ("John Durham", "PER", 2) in found


def test_two_persons_run_together_over_a_conjunction_are_split() -> None:
    article = build_article(
        "Both Hollis and Brandt voted no.",
        "en",
        [("Hollis and Brandt", "PER")],
    )
    assert [(e.name, e.type) for e in find_entities(article)] == [
        ("Hollis", "PER"),
        ("Brandt", "PER"),
    ]


def test_genitive_of_a_small_town_named_like_a_persons_surname_is_that_person() -> None:
    article = build_article(
        "Prosecutor John Durham spoke. Durham’s report came out.",
        "en",
        [("John Durham", "PER"), ("Durham’s", "GPE")],
    )
    found = [(e.name, e.type, len(e.mentions)) for e in find_entities(article)]
    assert found == [("John Durham", "PER", 2)]


def test_span_that_starts_inside_a_title_becomes_the_person_after_it() -> None:
    article = build_article(
        "Secretary of State Lena Marsh arrived. Marsh spoke.",
        "en",
        [("State Lena", "ORG"), ("Marsh", "PER"), ("Marsh", "PER")],
    )
    entities = find_entities(article)
    assert [(e.name, e.type) for e in entities] == [("Lena Marsh", "PER")]
    assert entities[0].titles[0].canonical == "Secretary of State"


def test_person_grows_over_an_untagged_proper_noun_after_it() -> None:
    article = build_article(
        "Chief Minister Pushkar Ravi Dhami told reporters.",
        "en",
        [("Pushkar Ravi", "PER")],
        pos={"Dhami": "PROPN", "Pushkar": "PROPN", "Ravi": "PROPN"},
    )
    assert [e.name for e in find_entities(article)] == ["Pushkar Ravi Dhami"]


def test_person_grows_over_the_second_part_of_a_hyphenated_surname() -> None:
    # The French model stops at the hyphen and reads the second part as a place.
    article = build_article(
        "Selon la chercheuse Hélène Morel-Dubois, le projet avance.",
        "fr",
        [("Hélène Morel", "PER"), ("Dubois", "LOC")],
    )
    assert [(e.name, e.type) for e in find_entities(article)] == [("Hélène Morel-Dubois", "PER")]


def test_untagged_surname_after_known_given_names_joins_the_person() -> None:
    # No part-of-speech tags (German, French models): "Thomas" is a known given name.
    article = build_article(
        "Das sagte der Abgeordnete Thomas Brenneisen am Montag.",
        "de",
        [("Thomas", "PER")],
    )
    assert [e.name for e in find_entities(article)] == ["Thomas Brenneisen"]


def test_capitalised_noun_after_a_surname_stays_out_of_the_name() -> None:
    # German capitalises nouns: with no tags a name that ends with a surname does not grow.
    article = build_article(
        "Das sagte Thomas Brenneisen Journalisten in Berlin.",
        "de",
        [("Thomas Brenneisen", "PER"), ("Berlin", "LOC")],
    )
    assert [e.name for e in find_entities(article) if e.type == "PER"] == ["Thomas Brenneisen"]


def test_english_tagged_name_does_not_grow_over_a_common_noun() -> None:
    article = build_article(
        "Thomas met Officials in London.",
        "en",
        [("Thomas", "PER"), ("London", "GPE")],
        pos={"Thomas": "PROPN", "Officials": "NOUN", "London": "PROPN"},
    )
    assert [e.name for e in find_entities(article) if e.type == "PER"] == ["Thomas"]
