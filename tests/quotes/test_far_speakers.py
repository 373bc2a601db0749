"""Speakers named further off than the frame: a definite role noun naming the one person of a
piece long after the name ("betonte der Branchenkenner"),
and the same far off in Danish and Swedish ("siger direktøren"), never where two people compete."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

MACHT = Person("p1", "Robert Machtlinger", ["Robert Machtlinger", "Machtlinger"])
KLEIN = Person("p2", "Sabine Klein", ["Sabine Klein"])
BERG = Person("p3", "Anna Berg", ["Anna Berg"])
LUND = Person("p4", "Erik Lund", ["Erik Lund"])

FILLER = (
    "Die Branche sei ausverkauft. Die Nachfrage sei hoch. Die Kurzstrecke dominiere. "
    "Viele Bestellungen lägen vor.\n\nDie Inflation sei ein Problem. Die Firma exportiere viel. "
    "Die Kosten stiegen. Die Lage bleibe schwierig.\n\n"
)


def test_german_definite_role_names_the_one_person_of_the_piece_far_back() -> None:
    text = (
        "Robert Machtlinger leitet den Zulieferer seit zehn Jahren.\n\n"
        + FILLER
        + "„Dafür gibt es einen neuen Markt“, betonte der Branchenkenner."
    )
    quote = find(quotes_of(text, "de", MACHT), "Dafür gibt es")
    assert quote.speaker == "p1"


def test_german_definite_role_far_from_two_named_people_stays_described() -> None:
    text = (
        "Robert Machtlinger traf Sabine Klein in Wien.\n\n"
        + FILLER
        + "„Dafür gibt es einen neuen Markt“, betonte der Branchenkenner."
    )
    quote = find(quotes_of(text, "de", MACHT, KLEIN), "Dafür gibt es")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert "Branchenkenner" in quote.speaker_description.text


DA_FILLER = (
    "Banken tjente godt i år. Renten steg igen. Kunderne klagede.\n\nAktien faldt i maj. "
    "Bestyrelsen mødtes. Planen blev udskudt. Salget voksede.\n\n"
)


def test_danish_definite_role_names_the_one_person_of_the_piece_far_back() -> None:
    text = (
        "Anna Berg blev direktør i banken i 2019.\n\n"
        + DA_FILLER
        + ("- Vi kan leve med tabet, siger direktøren.")
    )
    quote = find(quotes_of(text, "da", BERG), "Vi kan leve med tabet")
    assert quote.speaker == "p3"


def test_swedish_definite_role_far_from_two_named_people_stays_described() -> None:
    text = (
        "Anna Berg mötte Erik Lund i Malmö.\n\nBanken tjänade bra i år. Räntan steg igen. "
        "Kunderna klagade.\n\nAktien föll i maj. Styrelsen möttes. Planen sköts upp. "
        "Försäljningen växte.\n\n– Vi kan leva med förlusten, säger direktören."
    )
    quote = find(quotes_of(text, "sv", BERG, LUND), "Vi kan leva med förlusten")
    assert quote.speaker is None


KOERNER = Person("p5", "Matthias Körner", ["Matthias Körner"])
REGION = Person("o1", "DGB-Region Mittelhessen", ["DGB-Region Mittelhessen"], type="ORG")
RIOBA = Person("p6", "Jacqueline Rioba", ["Jacqueline Rioba"])
VISION = Person("o2", "World Vision", ["World Vision"], type="ORG")


def test_german_name_after_a_comma_ending_a_role_with_a_complement_is_the_speaker() -> None:
    text = (
        "Die Gewerkschaft fordert Geld. „Die Lieferketten sind ins Stocken geraten“, so der "
        "Geschäftsführer der DGB-Region Mittelhessen, Matthias Körner."
    )
    quote = find(quotes_of(text, "de", REGION, KOERNER), "Die Lieferketten")
    assert quote.speaker == "p5"


def test_german_role_with_a_complement_and_no_name_after_it_is_described() -> None:
    text = (
        "Die Gewerkschaft fordert Geld. „Die Lieferketten sind ins Stocken geraten“, so der "
        "Geschäftsführer der DGB-Region Mittelhessen."
    )
    quote = find(quotes_of(text, "de", REGION), "Die Lieferketten")
    assert quote.speaker is None


def test_german_colon_frame_closing_the_paragraph_above_names_the_speaker() -> None:
    text = (
        "Die Lage ist ernst.\n\nAuch Jacqueline Rioba von World Vision kennt solche Konflikte:"
        "\n\n„Für die Leute ist es schwer zu verstehen, warum die Fremden besser versorgt "
        "werden”.\n\nDas Lager wächst."
    )
    quote = find(quotes_of(text, "de", RIOBA, VISION), "Für die Leute")
    assert quote.speaker == "p6"


def test_swedish_colon_frame_closing_the_paragraph_above_names_the_speaker() -> None:
    text = "Skolan har problem.\n\nErik Lund har en tydlig bild:\n\n”Eleverna behöver en morot.”"
    quote = find(quotes_of(text, "sv", LUND), "Eleverna behöver")
    assert quote.speaker == "p4"


def test_danish_paragraph_above_without_a_colon_gives_no_speaker() -> None:
    text = 'Anna Berg har travlt i weekenden.\n\n"Vi er klar til alt."'
    quote = find(quotes_of(text, "da", BERG), "Vi er klar til alt")
    assert quote.speaker is None


def test_german_definite_role_far_back_names_the_one_person_who_spoke() -> None:
    text = (
        "„Wir wachsen“, sagte Robert Machtlinger. Sabine Klein leitet die Konkurrenz.\n\n"
        + FILLER
        + "„Dafür gibt es einen neuen Markt“, betonte der Branchenkenner."
    )
    quote = find(quotes_of(text, "de", MACHT, KLEIN), "Dafür gibt es")
    assert quote.speaker == "p1"


def test_danish_name_after_a_comma_ending_an_inverted_role_is_the_speaker() -> None:
    text = "- Vi venter på svar, siger talsmanden for ministeriet, Anna Berg."
    quote = find(quotes_of(text, "da", BERG), "Vi venter på svar")
    assert quote.speaker == "p3"


def test_danish_name_after_a_comma_that_opens_a_new_clause_is_not_the_speaker() -> None:
    text = "- Vi venter på svar, siger talsmanden for ministeriet, Anna Berg rejste i går."
    quote = find(quotes_of(text, "da", BERG), "Vi venter på svar")
    assert quote.speaker is None


def test_danish_role_before_the_verb_is_the_subject_and_the_noun_after_it_the_object() -> None:
    text = "Direktøren meddelte pludselig bestyrelsen, at motoren svigtede."
    quote = find(quotes_of(text, "da"), "motoren svigtede")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Direktøren"


def test_swedish_fronted_time_leaves_the_role_after_the_verb_the_subject() -> None:
    text = "I går meddelade styrelsen att planen håller."
    quote = find(quotes_of(text, "sv"), "planen håller")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "styrelsen"
