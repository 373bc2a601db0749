"""Direct and partial quotes in every common convention, with the cue before or after."""

from __future__ import annotations

import pytest

from newsgraph.model import Title

from .quote_builder import Person, check_offsets, find, quotes_of

NORDMANN = Person("p1", "Kari Nordmann", ["Kari Nordmann", "Nordmann"])
SMITH = Person("p2", "Jane Smith", ["Jane Smith", "Smith"])


@pytest.mark.parametrize(
    ("opener", "closer"),
    [("«", "»"), ("“", "”"), ('"', '"'), ("„", "“"), ("‘", "’"), ("‹", "›")],
)
def test_direct_quote_in_each_norwegian_mark_pair_with_cue_after(opener: str, closer: str) -> None:
    text = f"{opener}Vi er godt fornøyd med avtalen{closer}, sa Kari Nordmann."
    quotes = quotes_of(text, "nb", NORDMANN)
    quote = find(quotes, "fornøyd")
    assert (quote.kind, quote.speaker, quote.text) == (
        "direct",
        "p1",
        "Vi er godt fornøyd med avtalen",
    )
    assert quote.cue is not None and quote.cue.text == "sa"
    check_offsets(text, quotes)


@pytest.mark.parametrize(("opener", "closer"), [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'")])
def test_direct_quote_in_each_english_mark_pair_with_cue_after(opener: str, closer: str) -> None:
    text = f"{opener}We will not back down,{closer} Jane Smith said on Tuesday."
    quote = find(quotes_of(text, "en", SMITH), "back down")
    assert (quote.kind, quote.speaker, quote.text) == ("direct", "p2", "We will not back down")


def test_direct_dash_line_is_speech_up_to_the_cue() -> None:
    text = "– Vi står sammen om dette. Det er viktig for hele landet, sier Nordmann."
    quotes = quotes_of(text, "nb", NORDMANN)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.kind == "direct" and quote.speaker == "p1"
    assert quote.text == "Vi står sammen om dette. Det er viktig for hele landet"


def test_direct_dash_line_question_keeps_its_question_mark() -> None:
    text = "Nordmann kom sent.\n– Hvorfor skulle vi vente? spør Nordmann."
    quote = find(quotes_of(text, "nb", NORDMANN), "vente")
    assert quote.text == "Hvorfor skulle vi vente?" and quote.speaker == "p1"


def test_direct_dash_line_resumes_after_the_cue() -> None:
    text = "– Vi er klare, sier Nordmann, – men det gjenstår mye arbeid."
    quotes = quotes_of(text, "nb", NORDMANN)
    assert [q.text for q in quotes] == ["Vi er klare", "men det gjenstår mye arbeid."]
    assert all(q.speaker == "p1" for q in quotes)


def test_direct_dashed_heading_without_full_stop_is_not_speech() -> None:
    text = "– Et nytt kapittel\n\nNordmann åpnet møtet i går."
    assert quotes_of(text, "nb", NORDMANN) == []


def test_direct_quote_spanning_several_sentences_is_one_quote() -> None:
    text = "«Dette blir krevende. Vi må spare. Men vi klarer det», sa Nordmann."
    quotes = quotes_of(text, "nb", NORDMANN)
    assert [q.text for q in quotes] == ["Dette blir krevende. Vi må spare. Men vi klarer det"]


def test_direct_quote_interrupted_by_the_cue_gives_two_quotes_same_speaker() -> None:
    text = "«Vi har gjort vårt», sa Nordmann, «og nå er det deres tur.»"
    quotes = quotes_of(text, "nb", NORDMANN)
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("Vi har gjort vårt", "p1", "direct"),
        ("og nå er det deres tur.", "p1", "direct"),
    ]


def test_direct_english_quote_after_the_cue_sentence_continues_the_speaker() -> None:
    text = "“It was a useful day. Nobody left early,” said Smith. “We meet again in May.”"
    quotes = quotes_of(text, "en", SMITH)
    assert [q.speaker for q in quotes] == ["p2", "p2"]
    assert quotes[1].text == "We meet again in May."


def test_direct_cue_before_the_quote_with_a_colon() -> None:
    text = 'Asked about the budget, Smith said: "We will present it next week."'
    quote = find(quotes_of(text, "en", SMITH), "next week")
    assert (quote.kind, quote.speaker) == ("direct", "p2")
    assert quote.cue is not None and quote.cue.text == "said"


def test_direct_norwegian_cue_before_the_quote_with_inverted_subject() -> None:
    text = "Etter møtet sa Nordmann: «Vi fortsetter i morgen.»"
    quote = find(quotes_of(text, "nb", NORDMANN), "morgen")
    assert (quote.kind, quote.speaker) == ("direct", "p1")


def test_direct_nested_quote_stays_inside_the_outer_quote() -> None:
    text = "«De sa ‘aldri’ til oss i fjor», sa Nordmann."
    quotes = quotes_of(text, "nb", NORDMANN)
    assert [q.text for q in quotes] == ["De sa ‘aldri’ til oss i fjor"]
    assert quotes[0].speaker == "p1"


def test_partial_quote_inside_a_narrative_sentence() -> None:
    text = "Nordmann kalte det en «krevende» periode for næringen."
    quote = find(quotes_of(text, "nb", NORDMANN), "krevende")
    assert (quote.kind, quote.speaker, quote.text) == ("partial", "p1", "krevende")
    assert quote.cue is not None and quote.cue.text == "kalte"


def test_partial_quote_english_described_as() -> None:
    text = "Smith described the talks as 'productive' and left for the airport."
    quote = find(quotes_of(text, "en", SMITH), "productive")
    assert (quote.kind, quote.speaker) == ("partial", "p2")


def test_partial_quotes_in_a_reported_clause_take_its_speaker() -> None:
    text = "Nordmann sa at samarbeidet «går godt», og at partene vil «trappe opp» arbeidet."
    quotes = quotes_of(text, "nb", NORDMANN)
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [
        ("går godt", "partial", "p1"),
        ("trappe opp", "partial", "p1"),
    ]


def test_partial_scare_quotes_without_any_speech_cue_are_not_quotes() -> None:
    government = Person("o1", "Regjeringen", ["Regjeringen"], type="ORG")
    assert quotes_of("Regjeringen la fram en «grønn» plan i går.", "nb", government) == []


def test_partial_name_in_marks_is_not_a_quote() -> None:
    text = "The army said the exercise 'Desert Wind' will test logistics across the region."
    army = Person("o1", "The Army", ["army"], type="ORG")
    quotes = quotes_of(text, "en", army)
    assert [q.kind for q in quotes] == ["indirect"]
    assert "Desert Wind" in quotes[0].text


def test_direct_quote_in_a_title_before_name_cue() -> None:
    minister = Person("p3", "Ola Hansen", ["Ola Hansen"], titles=[Title(text="finansminister")])
    text = "«Budsjettet er stramt», sier finansminister Ola Hansen."
    quote = find(quotes_of(text, "nb", minister), "stramt")
    assert quote.speaker == "p3"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Ola Hansen"


def test_direct_nynorsk_dash_line_and_pronoun_report() -> None:
    text = "– Me er nøgde med avtalen, seier Kari Nordmann.\n\nHo meiner at det vart ein god dag."
    quotes = quotes_of(text, "nn", NORDMANN)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "p1"), ("indirect", "p1")]
