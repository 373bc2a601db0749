"""Attribution: names, pronouns, role noun phrases, organisations, addressees, no guessing."""

from __future__ import annotations

from newsgraph.model import Title

from .quote_builder import Person, find, quotes_of

HANSEN = Person(
    "p1",
    "Ola Hansen",
    ["Ola Hansen", "Hansen"],
    country="NOR",
    titles=[Title(text="finansminister", canonical="Finance Minister", country="NOR")],
)
LARSEN = Person(
    "p2",
    "Eva Larsen",
    ["Eva Larsen", "Larsen"],
    country="SWE",
    titles=[Title(text="finansminister", canonical="Finance Minister", country="SWE")],
)
SMITH = Person(
    "p3",
    "Jane Smith",
    ["Jane Smith", "Smith"],
    titles=[Title(text="foreign minister", canonical="Foreign Minister")],
)
BROWN = Person("p4", "Tom Brown", ["Tom Brown", "Brown"])


def test_pronoun_speaker_resolves_to_the_person_speaking_before() -> None:
    text = (
        "Finansminister Ola Hansen sa at budsjettet er stramt. "
        "Han sa også at skattene ikke skal øke."
    )
    quote = find(quotes_of(text, "nb", HANSEN), "skattene")
    assert quote.speaker == "p1"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Han"


def test_pronoun_speaker_prefers_the_last_speaker_over_an_object_mention() -> None:
    text = (
        "Under et møte med Eva Larsen sa Ola Hansen at samarbeidet er godt. "
        "Han sa også at det skal fortsette."
    )
    quote = find(quotes_of(text, "nb", HANSEN, LARSEN), "fortsette")
    assert quote.speaker == "p1"


def test_english_pronoun_after_a_quote_resolves_to_the_named_speaker() -> None:
    text = '"We made progress," said Jane Smith. "There is more to do," she said.'
    quotes = quotes_of(text, "en", SMITH)
    assert [q.speaker for q in quotes] == ["p3", "p3"]


def test_role_noun_with_nationality_picks_the_person_of_that_country() -> None:
    text = (
        "Finansminister Ola Hansen møtte Sveriges finansminister Eva Larsen i Oslo. "
        "«Vi har mye å lære av hverandre», sa den svenske finansministeren."
    )
    quote = find(quotes_of(text, "nb", HANSEN, LARSEN), "lære")
    assert quote.speaker == "p2"
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "den svenske finansministeren"


def test_role_noun_english_the_minister_is_the_minister_last_mentioned() -> None:
    text = (
        "Jane Smith arrived in Oslo on Monday and met Tom Brown. "
        '"Our countries share the same goals," the minister said.'
    )
    quote = find(quotes_of(text, "en", SMITH, BROWN), "same goals")
    assert quote.speaker == "p3"


def test_role_noun_repeats_an_earlier_apposition() -> None:
    leader = Person("p5", "Anne Berg", ["Anne Berg"])
    text = (
        "Møtet ble ledet av den nye styrelederen Anne Berg. "
        "«Vi starter arbeidet nå», sa den nye styrelederen."
    )
    quote = find(quotes_of(text, "nb", leader), "starter")
    assert quote.speaker == "p5"


def test_organisation_speaker_by_its_head_noun() -> None:
    army = Person("o1", "Norwegian Army", ["Norwegian Army"], type="ORG")
    text = (
        "The Norwegian Army said the drills would last two weeks. "
        '"Safety comes first," the Army said in a statement.'
    )
    quotes = quotes_of(text, "en", army)
    assert [q.speaker for q in quotes] == ["o1", "o1"]


def test_according_to_names_the_organisation_as_speaker() -> None:
    ministry = Person("o2", "Fiskeridepartementet", ["Fiskeridepartementet"], type="ORG")
    text = "Ifølge en pressemelding fra Fiskeridepartementet vil kvotene økes neste år."
    quote = find(quotes_of(text, "nb", ministry), "kvotene")
    assert (quote.kind, quote.speaker) == ("indirect", "o2")
    assert quote.cue is not None and quote.cue.text == "Ifølge"


def test_addressee_after_til_in_norwegian() -> None:
    ntb = Person("o3", "NTB", ["NTB"], type="ORG")
    text = "«Vi gir oss ikke», sier Hansen til NTB."
    quote = find(quotes_of(text, "nb", HANSEN, ntb), "gir oss")
    assert (quote.speaker, quote.addressee) == ("p1", "o3")


def test_addressee_is_the_object_of_told() -> None:
    agency = Person("o4", "Reuters", ["Reuters"], type="ORG")
    text = '"The deal is close," Smith told Reuters.'
    quote = find(quotes_of(text, "en", SMITH, agency), "deal")
    assert (quote.speaker, quote.addressee) == ("p3", "o4")


def test_addressee_pronoun_resolves_to_the_other_person() -> None:
    text = "Ola Hansen møtte Eva Larsen i går. «Du har gjort en god jobb», sa Hansen til henne."
    quote = find(quotes_of(text, "nb", HANSEN, LARSEN), "god jobb")
    assert (quote.speaker, quote.addressee) == ("p1", "p2")


def test_unnamed_audience_is_no_addressee() -> None:
    text = "Smith told reporters the talks had been useful."
    quote = find(quotes_of(text, "en", SMITH), "talks had been useful")
    assert (quote.kind, quote.speaker, quote.addressee) == ("indirect", "p3", None)


def test_unattributable_quote_keeps_no_speaker() -> None:
    text = "Debatten har rast i flere uker.\n\n«Dette er en skandale.»\n\nSaken behandles i høst."
    quote = find(quotes_of(text, "nb"), "skandale")
    assert quote.speaker is None
    assert quote.kind == "direct"


def test_speaker_unknown_to_the_entities_keeps_its_words_but_no_id() -> None:
    text = "«Vi er skuffet», sier Kari Olsen."
    quotes = quotes_of(text, "nb")
    assert quotes[0].speaker is None
    assert quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "Kari Olsen"


def test_group_pronoun_is_left_unresolved() -> None:
    text = "Ola Hansen og Eva Larsen møttes i går. «Vi er enige», sa de."
    quote = find(quotes_of(text, "nb", HANSEN, LARSEN), "enige")
    assert quote.speaker is None


def test_place_is_not_an_addressee() -> None:
    usa = Person("g1", "United States", ["US"], type="GPE")
    text = "Smith told US media that the troops would stay for several more years."
    quote = find(quotes_of(text, "en", SMITH, usa), "troops")
    assert (quote.speaker, quote.addressee) == ("p3", None)


def test_told_then_name_is_the_addressee_not_the_speaker() -> None:
    agency = Person("o4", "Reuters", ["Reuters"], type="ORG")
    text = 'Tom Brown, an analyst at a bank in the city, told Reuters: "Rates will fall."'
    quote = find(quotes_of(text, "en", BROWN, agency), "Rates")
    assert (quote.speaker, quote.addressee) == ("p4", "o4")


def test_nested_apposition_still_finds_the_person_before_it() -> None:
    firm = Person("o5", "Chapter Media", ["Chapter Media"], type="ORG")
    text = '"It works," Tom Brown, head of Chapter Media, a design agency in Oslo, said.'
    quote = find(quotes_of(text, "en", BROWN, firm), "works")
    assert quote.speaker == "p4"


def test_first_person_narrator_is_not_resolved_to_a_name() -> None:
    text = "I met Jane Smith in May. I said that the plan was risky."
    quote = find(quotes_of(text, "en", SMITH), "risky")
    assert quote.speaker is None


def test_name_split_by_the_entity_layer_is_one_speaker() -> None:
    first = Person("p6", "Pavel", ["Pavel"])
    last = Person("p7", "Novak", ["Novak"])
    text = "The talks were hard, Foreign Minister Pavel Novak has said. Novak left early."
    quote = find(quotes_of(text, "en", first, last), "talks")
    assert quote.speaker == "p7"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Pavel Novak"


XI = Person(
    "p5",
    "Xi Jinping",
    ["Xi Jinping", "Xi"],
    country="CHN",
    titles=[Title(text="President", canonical="President", country="CHN")],
)


def test_speaker_named_in_the_sentence_closing_a_dash_line() -> None:
    text = (
        "Finansminister Ola Hansen la fram budsjettet.\n\n"
        "– Vi må holde igjen. Det sier Hansen til NTB.\n\n"
        "Eva Larsen var uenig."
    )
    quote = find(quotes_of(text, "nb", HANSEN, LARSEN), "holde igjen")
    assert quote.text == "Vi må holde igjen."
    assert quote.speaker == "p1"


def test_dash_line_without_a_closing_speaker_sentence_keeps_all_its_sentences() -> None:
    text = "Ola Hansen la fram budsjettet.\n\n– Vi må holde igjen. Det blir tøft, sier Hansen."
    quote = find(quotes_of(text, "nb", HANSEN), "holde igjen")
    assert quote.text == "Vi må holde igjen. Det blir tøft"


def test_leader_noun_with_nationality_is_the_titled_person_of_that_country() -> None:
    text = (
        "Chinese President Xi Jinping met Jane Smith in Beijing.\n\n"
        '"We must manage our differences," the Chinese leader said.'
    )
    quote = find(quotes_of(text, "en", XI, SMITH), "differences")
    assert quote.speaker == "p5"
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "the Chinese leader"


def test_leader_noun_of_a_country_nobody_leads_in_the_text_stays_unresolved() -> None:
    text = 'Xi Jinping met Jane Smith.\n\n"We must talk," the Indian leader said.'
    quote = find(quotes_of(text, "en", XI, SMITH), "talk")
    assert quote.speaker is None


def test_colon_frame_without_a_speech_verb_names_the_speaker() -> None:
    text = (
        "Jane Smith arrived in Oslo on Monday.\n\n"
        'Smith had a clear message: "We will keep talking to everyone."'
    )
    quote = find(quotes_of(text, "en", SMITH), "keep talking")
    assert (quote.kind, quote.speaker) == ("direct", "p3")


def test_colon_frame_opening_with_no_named_speaker_is_no_quote() -> None:
    text = 'Jane Smith arrived in Oslo.\n\nThe plan has a name: "Operation Dialogue."'
    assert quotes_of(text, "en", SMITH) == []


def test_titled_unnamed_speaker_without_that_keeps_its_description() -> None:
    text = "Jane Smith arrived in Oslo.\n\nA military spokesman said the exercises would continue."
    quote = find(quotes_of(text, "en", SMITH), "exercises")
    assert quote.speaker is None
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "A military spokesman"


def test_untitled_thing_said_without_that_is_no_quote() -> None:
    text = "Jane Smith arrived in Oslo.\n\nThe report said the economy grew last year."
    assert quotes_of(text, "en", SMITH) == []


def test_weighed_in_is_a_speech_verb_with_its_particle() -> None:
    text = 'Tom Brown met Jane Smith.\n\n"We all miss him so much," Brown weighed in.'
    quote = find(quotes_of(text, "en", BROWN, SMITH), "miss him")
    assert quote.speaker == "p4"


def test_weighed_without_its_particle_is_no_speech_verb() -> None:
    text = 'Tom Brown met Jane Smith.\n\nBrown weighed the offer "carefully" and left.'
    assert [q.speaker for q in quotes_of(text, "en", BROWN, SMITH)] == []


KIRBY = Person(
    "p5",
    "John Kirby",
    ["John Kirby", "Kirby"],
    country="USA",
    titles=[Title(text="spokesman", canonical="Spokesman", country="USA")],
)


def test_colon_frame_of_a_title_and_a_name_names_the_speaker() -> None:
    text = 'Talks went on.\n\nWhite House spokesman John Kirby: "We are not looking for a fight."'
    quote = find(quotes_of(text, "en", KIRBY), "fight")
    assert (quote.kind, quote.speaker) == ("direct", "p5")


def test_colon_frame_with_a_verb_before_the_name_is_no_title_frame() -> None:
    text = 'Talks went on.\n\nThe talks angered John Kirby: "Operation Dialogue."'
    assert quotes_of(text, "en", KIRBY) == []


def test_unnamed_speaker_gets_a_description_with_title_and_country() -> None:
    text = "Talks went on.\n\nA Russian military spokesman said the exercises would continue."
    quote = find(quotes_of(text, "en"), "exercises")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    described = quote.speaker_description
    assert (described.text, described.title, described.country) == (
        "A Russian military spokesman",
        "Spokesman",
        "RUS",
    )


def test_named_and_pronoun_speakers_get_no_description() -> None:
    text = "Jane Smith arrived in Oslo. She said the talks had failed."
    quote = find(quotes_of(text, "en", SMITH), "talks")
    assert quote.speaker == "p3" and quote.speaker_description is None


def test_french_role_noun_after_selon_is_described() -> None:
    text = (
        "La réunion a eu lieu lundi.\n\nSelon le porte-parole du gouvernement, la réunion a duré."
    )
    quote = find(quotes_of(text, "fr"), "a duré")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.title == "Government Spokesperson"


KRONBERG = Person("p6", "Ketil Kronberg", ["Ketil Kronberg", "Kronberg"])
NORWAY = Person("g1", "Norge", ["Norge", "Norges"], type="GPE", country="NOR")
DISNEY = Person("o1", "Disney", ["Disney"], type="ORG")


def test_genitive_place_and_role_before_a_name_is_the_person() -> None:
    text = "Norge tapte søndag.\n\n– Vi spiller bra, sa Norges stjernespiller Ketil Kronberg."
    quote = find(quotes_of(text, "nb", NORWAY, KRONBERG), "spiller bra")
    assert quote.speaker == "p6"


def test_descriptive_role_before_a_name_after_an_inverted_verb() -> None:
    text = 'Talks went on.\n\n"We will see," says veteran industry analyst Tom Brown.'
    assert find(quotes_of(text, "en", BROWN), "We will see").speaker == "p4"


def test_organisation_speaking_as_it_after_it_spoke() -> None:
    text = 'Disney said its service had grown.\n\n"We are very pleased," it said.'
    assert find(quotes_of(text, "en", DISNEY), "pleased").speaker == "o1"


def test_they_after_a_person_is_no_organisation() -> None:
    text = 'Jane Smith met Disney on Monday.\n\n"We will fight," they said.'
    assert find(quotes_of(text, "en", SMITH, DISNEY), "fight").speaker is None
