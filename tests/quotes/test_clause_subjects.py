"""Speakers a cue does not name next to itself: a participle ("estimant que", "adding that") that
hangs on a clause whose subject stands further back, a name set off by commas after a role and
a lower-case title ("Formanden for X, direktør Y, afviser"), a view given by "Pour X," opening a
sentence, and the French "note": a verb after its subject, a noun after "une" or "sa"."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

GIRARD = Person("p1", "Paul Girard", ["Paul Girard", "Girard"])
LEROY = Person("p2", "Anne Leroy", ["Anne Leroy", "Leroy"])
OLSEN = Person("p3", "Mette Kragh Olsen", ["Mette Kragh Olsen"])
CLUB = Person("o1", "Dansk Sejlunion", ["Dansk Sejlunion"], type="ORG")
SMITH = Person("p4", "John Smith", ["John Smith", "Smith"])
JONES = Person("p5", "Mary Jones", ["Mary Jones", "Jones"])


def test_french_participle_takes_the_pronoun_subject_of_its_clause() -> None:
    text = (
        "Le maire Paul Girard a réuni la presse lundi. « Une honte », voilà comment il a décrit "
        "la décision du tribunal, estimant que les juges devaient « se reprendre »."
    )
    quotes = quotes_of(text, "fr", GIRARD)
    assert find(quotes, "Une honte").speaker == "p1"
    assert find(quotes, "se reprendre").speaker == "p1"


def test_participle_takes_the_first_person_of_its_sentence_not_the_object() -> None:
    text = "Smith criticised Jones on Monday, adding that the plan would fail."
    quote = find(quotes_of(text, "en", SMITH, JONES), "the plan would fail")
    assert quote.speaker == "p4"


def test_participle_with_an_earlier_cue_in_its_sentence_shares_that_speaker() -> None:
    text = (
        "Anne Leroy est arrivée tôt. Paul Girard a déclaré que la ville paierait, soulignant "
        "que le budget était prêt."
    )
    quote = find(quotes_of(text, "fr", GIRARD, LEROY), "le budget était prêt")
    assert quote.speaker == "p1"


def test_participle_with_no_person_in_its_sentence_names_no_one_new() -> None:
    text = "Le rapport a été publié lundi, estimant que la dette allait doubler."
    quote = find(quotes_of(text, "fr"), "la dette allait doubler")
    assert quote.speaker is None


def test_name_after_role_and_lower_case_title_between_commas_is_the_speaker() -> None:
    text = (
        "Formanden for Dansk Sejlunion, direktør Mette Kragh Olsen, afviser, at klubben skal lukke."
    )
    quote = find(quotes_of(text, "da", OLSEN, CLUB), "klubben skal lukke")
    assert quote.speaker == "p3"


def test_role_between_commas_without_a_name_stays_a_description() -> None:
    text = "Formanden for Dansk Sejlunion, direktør i mange år, afviser, at klubben skal lukke."
    quote = find(quotes_of(text, "da", CLUB), "klubben skal lukke")
    assert quote.speaker is None
    assert quote.speaker_description is not None


UNION = Person("o2", "CGT", ["CGT"], type="ORG")
PARIS = Person("g1", "Paris", ["Paris"], type="GPE")


def test_pour_and_a_person_then_a_comma_opening_a_sentence_gives_that_persons_view() -> None:
    text = "Anne Leroy dirige le service. Pour Anne Leroy, la réforme est un échec total."
    quote = find(quotes_of(text, "fr", LEROY), "la réforme est un échec")
    assert quote.speaker == "p2"
    assert quote.kind == "indirect"


def test_pour_with_a_pronoun_or_an_organisation_gives_their_view() -> None:
    text = (
        "Anne Leroy dirige le service. Pour elle, le débat est clos. Pour la CGT, rien ne change."
    )
    quotes = quotes_of(text, "fr", LEROY, UNION)
    assert find(quotes, "le débat est clos").speaker == "p2"
    assert find(quotes, "rien ne change").speaker == "o2"


def test_pour_before_a_place_a_time_or_inside_a_sentence_is_no_view() -> None:
    text = (
        "Pour la première fois, les prix baissent. Pour Paris, la journée compte. Le maire a "
        "voté pour Anne Leroy, la candidate du centre."
    )
    assert quotes_of(text, "fr", LEROY, PARIS) == []


MATIN = Person("o3", "Le Matin", ["Le Matin"], type="ORG")


def test_french_present_note_is_a_speech_verb_after_its_subject() -> None:
    text = "Le quotidien Le Matin note que le maire ne portait pas de masque."
    quote = find(quotes_of(text, "fr", MATIN), "le maire ne portait pas")
    assert quote.speaker == "o3"


def test_speech_verb_form_after_a_noun_marker_is_a_noun() -> None:
    text = "« Le danger est réel », précise Anne Leroy dans une note de l'Académie."
    quotes = quotes_of(text, "fr", LEROY)
    assert [q.cue.text if q.cue else None for q in quotes] == ["précise"]
    assert find(quotes, "Le danger est réel").speaker == "p2"


def test_object_pronoun_before_note_leaves_it_a_verb() -> None:
    text = "Anne Leroy le note aussi : « Le prix monte. »"
    quote = find(quotes_of(text, "fr", LEROY), "Le prix monte")
    assert quote.speaker == "p2"
    assert quote.cue is not None and quote.cue.text == "note"


def test_quote_after_a_sentence_opening_with_a_role_and_a_name_is_that_persons() -> None:
    text = "La ministre Anne Leroy était en colère lundi. « C'est inacceptable. »"
    quote = find(quotes_of(text, "fr", LEROY), "C'est inacceptable")
    assert quote.speaker == "p2"


def test_quote_after_a_sentence_opening_with_an_organisation_is_that_organisations() -> None:
    works = Person("o2", "Stadtwerke Kassel", ["Stadtwerke Kassel", "Stadtwerke"], type="ORG")
    text = "Die Stadtwerke haben neue Tarife angekündigt. „Die Preise sinken ab Mai.“"
    quote = find(quotes_of(text, "de", works), "Die Preise sinken")
    assert quote.speaker == "o2"


def test_quote_after_a_sentence_opening_with_a_place_is_not_attributed_by_position() -> None:
    kassel = Person("g2", "Kassel", ["Kassel"], type="GPE")
    text = "Kassel hat neue Tarife. „Die Preise sinken ab Mai.“"
    quote = find(quotes_of(text, "de", kassel), "Die Preise sinken")
    assert quote.speaker is None


def test_quote_after_a_sentence_opening_with_a_time_is_not_attributed_by_position() -> None:
    text = "Lundi matin, Anne Leroy était en colère. « C'est inacceptable. »"
    quote = find(quotes_of(text, "fr", LEROY), "C'est inacceptable")
    assert quote.speaker is None


def test_past_participle_opening_a_sentence_hangs_on_the_person_after_its_comma() -> None:
    text = "Interrogée par la radio, Anne Leroy a été ferme : « Nous ne céderons pas. »"
    quote = find(quotes_of(text, "fr", LEROY), "Nous ne céderons pas")
    assert quote.speaker == "p2"
