"""Role and group subjects of English and Norwegian news: who speaks when the nearest name
before the verb is not the speaker."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

LIU = Person("p1", "Liu Xiaming", ["Liu Xiaming", "Liu"])
NEUMANN = Person("p1", "Adam Neumann", ["Adam Neumann"])
WEWORK = Person("o1", "WeWork", ["WeWork"], type="ORG")
JAMA = Person("o1", "JAMA Psychiatry", ["JAMA Psychiatry"], type="ORG")
GUNNES = Person("p1", "Jon Gunnes", ["Jon Gunnes"])
VENSTRE = Person("o1", "Venstre", ["Venstres"], type="ORG")
UK = Person("g1", "United Kingdom", ["UK"], type="GPE")
BRAUN = Person("p2", "Scooter Braun", ["Scooter Braun"])


def test_role_opening_the_sentence_with_a_complement_is_the_speaker_not_the_body_in_it() -> None:
    text = (
        "The authors of the research published in the journal JAMA Psychiatry argued that "
        "the climb is a public health concern."
    )
    quote = find(quotes_of(text, "en", JAMA), "climb")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text.startswith("The authors")


def test_organisation_noun_never_names_the_person_named_before() -> None:
    text = (
        "The attorney general is investigating WeWork, founded by Adam Neumann. "
        "The company confirmed that it had been contacted by the office."
    )
    quote = find(quotes_of(text, "en", NEUMANN, WEWORK), "contacted")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "The company"


def test_anonymous_source_named_again_is_not_the_person_quoted_last() -> None:
    text = (
        '"He is frustrated," an insider told the outlet about Scooter Braun. '
        '"This fight is not something he agrees with," the insider added.'
    )
    quote = find(quotes_of(text, "en", BRAUN), "This fight")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "the insider"


def test_verb_after_and_shares_the_subject_opening_the_sentence() -> None:
    text = (
        "China's ambassador to Britain accused the UK of meddling and warned that the "
        "government will act. Later China's ambassador to Britain Liu Xiaming said more."
    )
    quote = find(quotes_of(text, "en", LIU, UK), "government will act")
    assert quote.speaker == "p1"


def test_organisation_genitive_and_role_then_a_name_after_a_comma() -> None:
    text = "Vi er åpne for å samarbeide, sier Venstres førstekandidat i Trondheim, Jon Gunnes."
    quote = find(quotes_of(text, "nb", GUNNES, VENSTRE), "samarbeide")
    assert quote.speaker == "p1"


def test_she_after_a_sentence_opened_by_she_is_not_the_woman_named_later_in_it() -> None:
    steenburgen = Person("p1", "Mary Steenburgen", ["Mary Steenburgen", "Steenburgen"])
    harlan = Person("p2", "Rose-Lynn Harlan", ["Rose-Lynn Harlan"])
    text = (
        "Steenburgen moved to Nashville. Despite her fame, she was more nervous than "
        "Rose-Lynn Harlan has ever been. “It was terrifying,” she said."
    )
    quote = find(quotes_of(text, "en", steenburgen, harlan), "terrifying")
    assert quote.speaker == "p1"


def test_plural_role_is_a_group_and_they_goes_on_with_it() -> None:
    martins = Person("p1", "Silvia Martins", ["Silvia Martins"])
    text = (
        '"Use is rising," said Silvia Martins. Occasional use causes few problems, the '
        "authors said. But heavy use is linked to crashes, they wrote."
    )
    quotes = quotes_of(text, "en", martins)
    for words in ("few problems", "crashes"):
        quote = find(quotes, words)
        assert quote.speaker is None, words
        assert quote.speaker_description is not None, words
        assert quote.speaker_description.text == "the authors", words


def test_bare_man_is_someone_unnamed_not_the_doctor_quoted_before() -> None:
    dempsey = Person("p1", "Owen Dempsey", ["Owen Dempsey", "Dempsey"])
    text = '"Most people never get this," Dempsey said. "I feel fine now," the man wrote.'
    quote = find(quotes_of(text, "en", dempsey), "feel fine")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "the man"


def test_participle_goes_on_with_the_main_clause_not_the_reported_one() -> None:
    pompeo = Person("p1", "Mike Pompeo", ["Mike Pompeo", "Pompeo"])
    washington = Person("g1", "Washington", ["Washington"], type="GPE")
    text = (
        "Pompeo said that Washington had concluded the settlements were legal, saying he "
        "trusted the courts to decide."
    )
    quote = find(quotes_of(text, "en", pompeo, washington), "trusted the courts")
    assert quote.speaker == "p1"


def test_norwegian_de_before_an_adjective_is_an_article_not_they() -> None:
    text = "Og flere av de største rosabloggerne har uttalt til media at de er rollemodeller."
    quote = find(quotes_of(text, "nb"), "rollemodeller")
    assert quote.speaker_description is not None
    assert "rosabloggerne" in quote.speaker_description.text


def test_name_the_entity_layer_missed_before_an_apposition_is_no_outlet() -> None:
    bbc = Person("o1", "BBC", ["BBC"], type="ORG")
    text = (
        "“It was an attempt to mislead voters,” Will Moy, chief executive of the "
        "fact-checking website Full Fact, told the BBC."
    )
    quote = find(quotes_of(text, "en", bbc), "mislead voters")
    assert quote.speaker is None
    assert quote.addressee == "o1"
    assert quote.speaker_description is not None
    assert "Moy" in quote.speaker_description.text
