"""Indirect speech: complement clauses, bare English clauses, cue-after clauses, attributions."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

HANSEN = Person("p1", "Ola Hansen", ["Ola Hansen", "Hansen"])
SMITH = Person("p2", "Jane Smith", ["Jane Smith", "Smith"])
MINISTRY = Person("o1", "Forsvarsdepartementet", ["Forsvarsdepartementet"], type="ORG")
AGENCY = Person("o2", "the Energy Agency", ["Energy Agency"], type="ORG")


def test_indirect_sa_at_with_the_speaker_after_the_verb() -> None:
    text = "På pressekonferansen sa Hansen at regjeringen vil legge fram en ny plan."
    quote = find(quotes_of(text, "nb", HANSEN), "regjeringen")
    assert quote.kind == "indirect" and quote.speaker == "p1"
    assert quote.text == "regjeringen vil legge fram en ny plan"


def test_indirect_words_between_verb_and_at() -> None:
    text = "Hansen sa på sin side at forhandlingene går bra."
    quote = find(quotes_of(text, "nb", HANSEN), "forhandlingene")
    assert quote.speaker == "p1" and quote.text == "forhandlingene går bra"


def test_indirect_two_coordinated_reports_split_in_two() -> None:
    text = "Hansen sier at prisene vil stige og at lønningene må følge etter."
    quotes = quotes_of(text, "nb", HANSEN)
    assert [q.text for q in quotes] == ["prisene vil stige", "lønningene må følge etter"]
    assert all(q.speaker == "p1" and q.kind == "indirect" for q in quotes)


def test_indirect_joined_second_verb_starts_its_own_clause() -> None:
    text = "Smith said the plan was ready, and stressed that funding had been secured."
    quotes = quotes_of(text, "en", SMITH)
    assert [q.text for q in quotes] == ["the plan was ready", "funding had been secured"]
    assert [q.speaker for q in quotes] == ["p2", "p2"]


def test_indirect_english_said_that_after_a_time_word() -> None:
    text = "Jane Smith said Saturday that the border would reopen."
    quote = find(quotes_of(text, "en", SMITH), "border")
    assert quote.text == "the border would reopen" and quote.speaker == "p2"


def test_indirect_english_said_without_that() -> None:
    text = "Jane Smith, who arrived late, said the two sides had agreed on a timetable."
    quote = find(quotes_of(text, "en", SMITH), "timetable")
    assert quote.speaker == "p2"
    assert quote.text == "the two sides had agreed on a timetable"


def test_indirect_relative_that_is_not_a_complementizer() -> None:
    text = "Smith said there were incidents that worried the crew."
    quote = find(quotes_of(text, "en", SMITH), "incidents")
    assert quote.text == "there were incidents that worried the crew"


def test_indirect_clause_before_an_inverted_cue() -> None:
    text = "Øvelsen er den største på ti år, opplyser Forsvarsdepartementet."
    quote = find(quotes_of(text, "nb", MINISTRY), "Øvelsen")
    assert (quote.kind, quote.speaker) == ("indirect", "o1")
    assert quote.text == "Øvelsen er den største på ti år"


def test_indirect_clause_before_speaker_and_verb() -> None:
    text = "Oil demand will peak before 2030, the Energy Agency said."
    quote = find(quotes_of(text, "en", AGENCY), "Oil demand")
    assert (quote.kind, quote.speaker) == ("indirect", "o2")


def test_indirect_according_to_at_the_end() -> None:
    text = "Prices rose by four percent last year, according to the Energy Agency."
    quote = find(quotes_of(text, "en", AGENCY), "Prices")
    assert quote.speaker == "o2" and quote.text == "Prices rose by four percent last year"


def test_indirect_ifolge_at_the_start() -> None:
    text = "Ifølge Hansen vil arbeidet starte i april."
    quote = find(quotes_of(text, "nb", HANSEN), "arbeidet")
    assert quote.speaker == "p1" and quote.text == "vil arbeidet starte i april"


def test_indirect_verb_report_wins_over_a_leading_source() -> None:
    agency = Person("o3", "NTB", ["NTB"], type="ORG")
    text = "Ifølge NTB sa Hansen at arbeidet starter i april."
    quotes = quotes_of(text, "nb", HANSEN, agency)
    assert [(q.text, q.speaker) for q in quotes] == [("arbeidet starter i april", "p1")]


def test_indirect_subordinate_at_is_no_report() -> None:
    text = "Hansen sa ja etter at møtet var over."
    assert quotes_of(text, "nb", HANSEN) == []


def test_indirect_idiom_without_at_is_no_report() -> None:
    text = "Samtidig sier Hansen fra seg vervet som leder."
    assert quotes_of(text, "nb", HANSEN) == []


def test_indirect_sentence_opening_clause_with_subordinator_is_no_report() -> None:
    text = "When the meeting ended, Smith said goodbye."
    assert quotes_of(text, "en", SMITH) == []


def test_indirect_subjectless_said_takes_the_running_speaker() -> None:
    text = (
        '"We are not there yet," said Jane Smith.\n'
        "Said she had spoken with both delegations twice that morning."
    )
    quote = find(quotes_of(text, "en", SMITH), "delegations")
    assert quote.speaker == "p2" and quote.kind == "indirect"


def test_indirect_anaphoric_cue_attributes_the_quote_before() -> None:
    text = "– Vi må forberede oss på en vanskelig vinter.\n\nDet sier Ola Hansen til NTB."
    ntb = Person("o3", "NTB", ["NTB"], type="ORG")
    quotes = quotes_of(text, "nb", HANSEN, ntb)
    assert [(q.kind, q.speaker, q.addressee) for q in quotes] == [("direct", "p1", "o3")]


def test_indirect_multi_paragraph_dash_quote_continues_the_speaker() -> None:
    text = (
        "Hansen sier at han er fornøyd med året.\n\n"
        "– Vi har nådd alle målene. Det er bra.\n\n"
        "– Nå venter et nytt år, sier Hansen."
    )
    quotes = quotes_of(text, "nb", HANSEN)
    assert [q.speaker for q in quotes] == ["p1", "p1", "p1"]
    assert [q.kind for q in quotes] == ["indirect", "direct", "direct"]


def test_indirect_cue_inside_the_sentence_reports_the_whole_sentence() -> None:
    text = "Many of the old prisons, Smith said, need to be repaired soon."
    quote = find(quotes_of(text, "en", SMITH), "prisons")
    assert quote.speaker == "p2"
    assert quote.text == "Many of the old prisons, Smith said, need to be repaired soon"


def test_indirect_source_phrase_inside_the_sentence_reports_the_whole_sentence() -> None:
    text = "One of the guards, according to the Energy Agency, had worked three shifts."
    quote = find(quotes_of(text, "en", AGENCY), "guards")
    assert quote.speaker == "o2"
    assert quote.text.endswith("had worked three shifts")


def test_indirect_ifolge_source_with_a_prepositional_phrase() -> None:
    text = "Ifølge en talsmann for Forsvarsdepartementet ble øvelsen avlyst i går."
    quote = find(quotes_of(text, "nb", MINISTRY), "øvelsen")
    assert quote.text == "ble øvelsen avlyst i går"


def test_indirect_report_in_a_fronted_subordinate_clause_ends_at_its_comma() -> None:
    text = "Da Hansen sa at budsjettet var for stramt, reiste flere seg og gikk."
    quote = find(quotes_of(text, "nb", HANSEN), "budsjettet")
    assert quote.text == "budsjettet var for stramt"


def test_indirect_relative_clause_of_a_common_noun_names_no_speaker() -> None:
    text = "The share of respondents who said they used the service rose by a third."
    assert quotes_of(text, "en") == []


def test_indirect_party_in_brackets_after_the_name_is_skipped() -> None:
    text = "Stortingsrepresentant Ola Hansen (H) mener at skatten må ned."
    quote = find(quotes_of(text, "nb", HANSEN), "skatten")
    assert quote.speaker == "p1"


def test_indirect_source_phrase_inside_a_sentence_without_commas() -> None:
    police = Person("o4", "politiet", ["politiet"], type="ORG")
    text = "Mannen ble ifølge politiet pågrepet i natt etter en lang aksjon."
    quote = find(quotes_of(text, "nb", police), "pågrepet")
    assert (quote.kind, quote.speaker) == ("indirect", "o4")


def test_indirect_credit_line_in_brackets_is_no_report() -> None:
    agency = Person("o3", "NTB", ["NTB"], type="ORG")
    assert quotes_of("Kari Berg (ifølge NTB)", "nb", agency) == []


def test_indirect_anaphoric_cue_makes_the_sentence_before_a_report() -> None:
    police = Person("o4", "politiet", ["politiet"], type="ORG")
    ntb = Person("o3", "NTB", ["NTB"], type="ORG")
    text = "En mann er pågrepet etter brannen i Bergen. Det bekrefter politiet overfor NTB."
    quote = find(quotes_of(text, "nb", police, ntb), "pågrepet")
    assert (quote.kind, quote.speaker, quote.addressee) == ("indirect", "o4", "o3")
    assert quote.text == "En mann er pågrepet etter brannen i Bergen"
