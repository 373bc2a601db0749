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
