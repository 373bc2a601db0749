"""Evidence against names: calendar words and sentence-opening common nouns are dropped."""

from __future__ import annotations

from newsgraph.entities import find_entities

from .article_builder import build_article


def names(text: str, lang: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in find_entities(build_article(text, lang, spans))]


def test_weekday_taken_for_a_person_is_dropped() -> None:
    found = names("Monday brought rain to Leeds.", "en", [("Monday", "PER"), ("Leeds", "GPE")])
    assert found == [("Leeds", "GPE")]


def test_weekday_run_into_an_organisation_is_cut_off() -> None:
    found = names("Det sa hun til TV 2 tirsdag.", "nb", [("TV 2 tirsdag", "ORG")])
    assert found == [("TV 2", "ORG")]


def test_month_name_inside_a_persons_name_is_kept() -> None:
    found = names(
        "Theresa May spoke. Later May left.", "en", [("Theresa May", "PER"), ("May", "PER")]
    )
    assert found == [("Theresa May", "PER")]


def test_capitalised_norwegian_month_inside_a_sentence_is_a_name() -> None:
    found = names("Vi snakket med Mai om saken.", "nb", [("Mai", "PER")])
    assert found == [("Mai", "PER")]


def test_sentence_opening_common_noun_written_lower_case_elsewhere_is_dropped() -> None:
    found = names(
        "Øvelsen startet i går. Over tusen soldater deltar i øvelsen.",
        "nb",
        [("Øvelsen", "PER")],
    )
    assert found == []


def test_sentence_opening_name_written_with_a_capital_inside_a_sentence_is_kept() -> None:
    found = names(
        "Solstad vant. Mange heiet på Solstad, og solstad er også et ord.",
        "nb",
        [("Solstad", "PER"), ("Solstad", "PER")],
    )
    assert found == [("Solstad", "PER")]


def test_one_off_sentence_opening_person_tagged_as_common_noun_is_dropped() -> None:
    article = build_article(
        "Meth seizures rose in March.", "en", [("Meth", "PER")], pos={"Meth": "NOUN"}
    )
    assert find_entities(article) == []


def test_one_off_sentence_opening_person_tagged_as_proper_noun_is_kept() -> None:
    article = build_article(
        "Okafor arrived late.", "en", [("Okafor", "PER")], pos={"Okafor": "PROPN"}
    )
    assert [e.name for e in find_entities(article)] == ["Okafor"]


def test_sentence_opening_adverb_run_into_a_name_is_cut_off() -> None:
    article = build_article(
        "Yet Hargreave refused.", "en", [("Yet Hargreave", "PER")], pos={"Yet": "CCONJ"}
    )
    assert [e.name for e in find_entities(article)] == ["Hargreave"]


def test_lower_case_verb_run_onto_the_end_of_a_name_is_cut_off() -> None:
    article = build_article(
        "Analysts said Zentrix did well.", "en", [("Zentrix did", "ORG")], pos={"did": "AUX"}
    )
    assert [e.name for e in find_entities(article)] == ["Zentrix"]


def test_one_surface_keeps_one_type_within_an_article() -> None:
    found = names(
        "Cloud Harbour opened. Visitors love Cloud Harbour. Cloud Harbour is busy.",
        "en",
        [("Cloud Harbour", "LOC"), ("Cloud Harbour", "ORG"), ("Cloud Harbour", "LOC")],
    )
    assert found == [("Cloud Harbour", "LOC")]


def test_nationality_and_title_without_a_name_is_no_entity() -> None:
    found = names("The Ukrainian President spoke.", "en", [("Ukrainian President", "ORG")])
    assert found == []


def test_surname_that_is_also_a_country_stays_with_the_person() -> None:
    found = names(
        "Ella Jordan won. Jordan smiled. Later Jordan left.",
        "en",
        [("Ella Jordan", "PER"), ("Jordan", "PER"), ("Jordan", "GPE")],
    )
    assert found == [("Ella Jordan", "PER")]


def test_source_cue_the_ner_ran_into_an_outlet_is_cut_off() -> None:
    found = names("Ifølge NTB er ti skadd.", "nb", [("Ifølge NTB", "ORG")])
    assert found == [("NTB", "ORG")]


def test_headline_verb_run_into_a_name_is_cut_to_the_words_the_body_writes_as_names() -> None:
    text = "Ministers Hail Okonkwo Visits Lagos\n\nThe envoy Okonkwo arrived in Lagos on Friday."
    found = names(
        text,
        "en",
        [("Okonkwo Visits Lagos", "PER"), ("Okonkwo", "PER"), ("Lagos", "GPE")],
    )
    assert ("Okonkwo", "PER") in found
    assert all("Visits" not in name for name, _ in found)


def test_headline_name_the_body_never_writes_stays_whole() -> None:
    text = "Ministers Hail Adaeze Okonkwo Today\n\nThe envoy arrived on Friday."
    found = names(text, "en", [("Adaeze Okonkwo", "PER")])
    assert found == [("Adaeze Okonkwo", "PER")]


def test_name_in_a_sentence_case_line_is_not_cut() -> None:
    text = "Okonkwo Visits told reporters in Lagos.\n\nLater Okonkwo Visits left Lagos."
    found = names(
        text,
        "en",
        [("Okonkwo Visits", "PER"), ("Lagos", "GPE"), ("Okonkwo Visits", "PER"), ("Lagos", "GPE")],
    )
    assert ("Okonkwo Visits", "PER") in found


def test_a_documents_word_evidence_is_read_once_and_counts_every_token() -> None:
    from newsgraph.entities.document import Document
    from newsgraph.entities.evidence import WordEvidence
    from newsgraph.entities.lexicon import load_lexicon
    from newsgraph.gazetteer import load_gazetteer

    article = build_article("Eide met Ding. Later eide spoke to Eide.", "en", [("Eide", "PER")])
    doc = Document(article, load_gazetteer("en"), load_lexicon("en"))
    evidence = doc.evidence
    assert doc.evidence is evidence
    fresh = WordEvidence(doc)
    assert evidence.counts == fresh.counts and evidence.counts["eide"] == 3
    assert evidence.inner_capitals == fresh.inner_capitals and evidence.inner_capitals["Eide"] == 1
    assert "eide" in evidence.lowercase


def persons(text: str, lang: str, spans: list[tuple[str, str]]) -> list[str]:
    return [name for name, kind in names(text, lang, spans) if kind == "PER"]


def test_person_span_with_a_slash_is_dropped() -> None:
    text = "Im Lager Dadaab /Kenia leben viele Menschen, sagte Anna Berger."
    spans = [("Dadaab /Kenia", "PER"), ("Anna Berger", "PER")]
    assert persons(text, "de", spans) == ["Anna Berger"]


def test_person_span_opening_with_a_number_word_is_dropped() -> None:
    text = "Nach Hundert Kilometern erreichte Jonas Weber das Ziel."
    spans = [("Hundert Kilometern", "PER"), ("Jonas Weber", "PER")]
    assert persons(text, "de", spans) == ["Jonas Weber"]


def test_english_person_opening_with_a_short_number_like_word_is_kept() -> None:
    text = "Yesterday An Nguyen and Ten Hoeve met reporters in Leeds."
    spans = [("An Nguyen", "PER"), ("Ten Hoeve", "PER")]
    assert persons(text, "en", spans) == ["An Nguyen", "Ten Hoeve"]


def test_german_lone_abstract_noun_taken_for_a_person_is_dropped() -> None:
    text = "Laut dem Bericht hat die Zulassung lange gedauert, sagte Weber."
    spans = [("Zulassung", "PER"), ("Weber", "PER")]
    assert persons(text, "de", spans) == ["Weber"]


def test_german_surname_with_a_noun_ending_in_a_full_name_is_kept() -> None:
    text = "Gestern sprach Petra Schaltung. Danach sagte Schaltung nichts mehr."
    spans = [("Petra Schaltung", "PER"), ("Schaltung", "PER")]
    assert persons(text, "de", spans) == ["Petra Schaltung"]


def test_norwegian_lone_word_with_a_german_noun_ending_is_kept() -> None:
    text = "I går sa Hoffnung at saken var løst."
    assert persons(text, "nb", [("Hoffnung", "PER")]) == ["Hoffnung"]


def test_person_with_two_spellings_split_by_a_slash_is_kept() -> None:
    text = "Gestern sprach Peter/Pietro Alberthal in Bozen."
    assert persons(text, "de", [("Peter/Pietro Alberthal", "PER")]) == ["Peter/Pietro Alberthal"]


def test_german_lone_abstract_noun_taken_for_a_place_is_dropped() -> None:
    text = "Die Regierung verhängte eine Ausgangsbeschränkung in Bayern, sagte Weber."
    spans = [("Ausgangsbeschränkung", "LOC"), ("Bayern", "LOC"), ("Weber", "PER")]
    names = [e.name for e in find_entities(build_article(text, "de", spans))]
    assert "Ausgangsbeschränkung" not in names and "Bayern" in names


def test_german_noun_written_after_a_definite_article_elsewhere_is_no_person() -> None:
    text = "Ein Dieb nahm Bargeld aus dem Wagen. Das Bargeld gehörte Anna Weber aus Kassel."
    found = names(text, "de", [("Bargeld", "PER"), ("Anna Weber", "PER"), ("Kassel", "LOC")])
    assert ("Bargeld", "PER") not in found
    assert ("Anna Weber", "PER") in found


def test_german_surname_without_an_article_stays_a_person() -> None:
    text = "Der Minister traf Keller in Kassel. Keller lobte das Treffen."
    found = names(text, "de", [("Keller", "PER"), ("Kassel", "LOC"), ("Keller", "PER")])
    assert ("Keller", "PER") in found
