"""Trigger modality (newsgraph.events.triggers): what would or could have happened.

Sentences are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Event

from .builders import Ent, FakeGeo, Time, make_article, parsed_article
from .test_grounding import _parsed

RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")


def code(text: str, lang: str, entities: list[Ent]) -> list[Event]:
    return EventCoder(load_lexicon(lang), FakeGeo()).code(make_article(text, lang, entities))


def test_would_have_is_conditional_not_a_plan() -> None:
    events = code("Russia would have attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "conditional")]


def test_could_not_have_is_conditional_too() -> None:
    events = code("Russia could not have attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [e.factuality for e in events] == ["conditional"]


def test_plain_would_stays_a_planned_threat_and_the_fact_stays_asserted() -> None:
    planned = code("Russia would attack Ukraine in May.", "en", [RUSSIA, UKRAINE])
    fact = code("Russia attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [e.factuality for e in planned] == ["planned"]
    assert [(e.type, e.factuality) for e in fact] == [("ASSAULT", "asserted")]


def test_norwegian_ville_ha_is_conditional() -> None:
    entities = [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    events = code("Russland ville ha angrepet Ukraina i mai.", "nb", entities)
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "conditional")]


def test_what_is_demanded_is_conditional_and_the_demand_asserted() -> None:
    swedish = [Ent("Sverige", "GPE", "SWE"), Ent("Palestina", "GPE", "PSE")]
    events = code("Oppositionen kräver att Sverige erkänner Palestina.", "sv", swedish)
    assert sorted((e.type, e.factuality) for e in events) == [
        ("REQUEST", "asserted"),
        ("SUPPORT", "conditional"),
    ]
    norwegian = [Ent("Norge", "GPE", "NOR"), Ent("Palestina", "GPE", "PSE")]
    events = code("Opposisjonen krever at Norge anerkjenner Palestina.", "nb", norwegian)
    assert ("SUPPORT", "conditional") in [(e.type, e.factuality) for e in events]


def test_a_recognition_that_is_reported_stays_asserted() -> None:
    norwegian = [Ent("Norge", "GPE", "NOR"), Ent("Palestina", "GPE", "PSE")]
    events = code("Norge anerkjente Palestina i går.", "nb", norwegian)
    assert [(e.type, e.factuality) for e in events] == [("SUPPORT", "asserted")]


def _meeting_parse(verb: str) -> list[tuple[str, str, str, int]]:
    return [
        ("The", "DET", "det", 1),
        ("meeting", "NOUN", "nsubj:pass", 7),
        ("between", "ADP", "case", 3),
        ("Russia", "PROPN", "nmod", 1),
        ("and", "CCONJ", "cc", 5),
        ("Ukraine", "PROPN", "conj", 3),
        ("was", "AUX", "aux:pass", 7),
        (verb, "VERB", "ROOT", 7),
        (".", "PUNCT", "punct", 7),
    ]


def test_a_meeting_that_was_cancelled_is_no_meeting() -> None:
    text = "The meeting between Russia and Ukraine was cancelled."
    article = _parsed(text, "en", [RUSSIA, UKRAINE], _meeting_parse("cancelled"))
    events = EventCoder(load_lexicon("en"), FakeGeo()).code(article)
    assert "CONSULT" not in [e.type for e in events]


def test_a_meeting_that_was_held_is_a_meeting() -> None:
    text = "The meeting between Russia and Ukraine was held."
    article = _parsed(text, "en", [RUSSIA, UKRAINE], _meeting_parse("held"))
    events = EventCoder(load_lexicon("en"), FakeGeo()).code(article)
    assert "CONSULT" in [e.type for e in events]


POLAND, BELARUS = Ent("Poland", "GPE", "POL"), Ent("Belarus", "GPE", "BLR")


def _parsed_code(
    text: str, entities: list[Ent], rows: list[tuple[str, str, str, int]]
) -> list[Event]:
    parse = [(word, "", pos, dep, head) for word, pos, dep, head in rows]
    return EventCoder(load_lexicon("en"), FakeGeo()).code(
        parsed_article(text, "en", entities, parse)
    )


def _prevent_rows(verb: str, negation: bool = False) -> list[tuple[str, str, str, int]]:
    rows = [("Poland", "PROPN", "nsubj", 2 if negation else 1)]
    if negation:
        rows += [("did", "AUX", "aux", 3), ("not", "PART", "advmod", 3)]
    verb_at = len(rows)
    rows += [
        (verb, "VERB", "ROOT", verb_at),
        ("an", "DET", "det", verb_at + 2),
        ("attack", "NOUN", "obj", verb_at),
        ("on", "ADP", "case", verb_at + 4),
        ("Belarus", "PROPN", "nmod", verb_at + 2),
        (".", "PUNCT", "punct", verb_at),
    ]
    return rows


def test_an_act_under_a_preventing_verb_is_negated() -> None:
    for verb in ("prevented", "thwarted", "averted"):
        text = f"Poland {verb} an attack on Belarus."
        events = _parsed_code(text, [POLAND, BELARUS], _prevent_rows(verb))
        assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "negated")], verb


def test_a_negated_preventing_verb_leaves_the_act_asserted() -> None:
    text = "Poland did not prevent an attack on Belarus."
    events = _parsed_code(text, [POLAND, BELARUS], _prevent_rows("prevent", negation=True))
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "asserted")]


def test_an_act_two_steps_under_prevented_is_negated_but_not_under_another_verb() -> None:
    rows = [
        ("Poland", "PROPN", "nsubj", 1),
        ("{verb}", "VERB", "ROOT", 1),
        ("protesters", "NOUN", "obj", 1),
        ("from", "SCONJ", "mark", 4),
        ("holding", "VERB", "advcl", 1),
        ("a", "DET", "det", 6),
        ("rally", "NOUN", "obj", 4),
        ("in", "ADP", "case", 8),
        ("Belarus", "PROPN", "nmod", 6),
        (".", "PUNCT", "punct", 1),
    ]
    for verb, expected in (("prevented", "negated"), ("watched", "asserted")):
        text = f"Poland {verb} protesters from holding a rally in Belarus."
        filled = [(verb if w == "{verb}" else w, p, d, h) for w, p, d, h in rows]
        events = _parsed_code(text, [POLAND, BELARUS], filled)
        assert [e.factuality for e in events if e.type == "PROTEST"] == [expected], verb


def test_a_preventing_verb_the_parse_hangs_on_the_noun_still_negates() -> None:
    rows = [
        ("Poland", "PROPN", "nsubj", 1),
        ("avoided", "VERB", "amod", 2),
        ("sanctions", "NOUN", "ROOT", 2),
        ("on", "ADP", "case", 4),
        ("Belarus", "PROPN", "nmod", 2),
        (".", "PUNCT", "punct", 2),
    ]
    events = _parsed_code("Poland avoided sanctions on Belarus.", [POLAND, BELARUS], rows)
    assert [(e.type, e.factuality) for e in events] == [("SANCTION", "negated")]


def test_what_a_purpose_clause_means_to_bring_about_is_not_asserted() -> None:
    text = "Poland closed the border to force Belarus into concessions."
    events = code(text, "en", [POLAND, BELARUS])
    assert [e.factuality for e in events if e.type == "CONCEDE"] == ["conditional"]


def test_an_implicative_verb_before_the_purpose_marker_keeps_the_act_a_fact() -> None:
    text = "Poland managed to secure the release of prisoners from Belarus."
    events = code(text, "en", [POLAND, BELARUS])
    assert [e.factuality for e in events if e.type == "RETREAT"] == ["asserted"]
    text = "Poland opened talks to secure the release of prisoners from Belarus."
    events = code(text, "en", [POLAND, BELARUS])
    assert [e.factuality for e in events if e.type == "RETREAT"] == ["conditional"]


def test_weighed_acts_are_conditional_and_due_to_is_a_plan() -> None:
    weighing = code("Poland is weighing sanctions against Belarus.", "en", [POLAND, BELARUS])
    due = code("The Polish president is due to visit Belarus on Friday.", "en", [POLAND, BELARUS])
    fact = code("Poland imposed sanctions on Belarus on Friday.", "en", [POLAND, BELARUS])
    assert [e.factuality for e in weighing if e.type == "SANCTION"] == ["conditional"]
    assert [e.factuality for e in due] == ["planned"]
    assert [e.factuality for e in fact] == ["asserted"]


def test_an_adverbial_clause_of_its_own_is_not_under_the_preventing_verb() -> None:
    rows = [
        ("Poland", "PROPN", "nsubj", 1),
        ("prevented", "VERB", "ROOT", 1),
        ("people", "NOUN", "obj", 1),
        ("after", "SCONJ", "mark", 4),
        ("holding", "VERB", "advcl", 1),
        ("a", "DET", "det", 6),
        ("rally", "NOUN", "obj", 4),
        ("in", "ADP", "case", 8),
        ("Belarus", "PROPN", "nmod", 6),
        (".", "PUNCT", "punct", 1),
    ]
    text = "Poland prevented people after holding a rally in Belarus."
    events = _parsed_code(text, [POLAND, BELARUS], rows)
    assert [e.factuality for e in events if e.type == "PROTEST"] == ["asserted"]


def test_an_attempted_act_is_conditional_in_english() -> None:
    tried = code("Russia tried to attack Ukraine in May.", "en", [RUSSIA, UKRAINE])
    attempt = code("Russia made an attempt to attack Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [(e.type, e.factuality) for e in tried] == [("ASSAULT", "conditional")]
    assert [(e.type, e.factuality) for e in attempt] == [("ASSAULT", "conditional")]


def test_an_attempted_act_is_conditional_in_the_nordic_languages() -> None:
    nb = [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    sv = [Ent("Sverige", "GPE", "SWE"), Ent("Ukraina", "GPE", "UKR")]
    tried = code("Russland forsøkte å angripe Ukraina i mai.", "nb", nb)
    prøvde = code("Russland prøvde å møte Ukraina i mai.", "nb", nb)
    försökte = code("Sverige försökte besöka Ukraina.", "sv", sv)
    assert [(e.type, e.factuality) for e in tried] == [("ASSAULT", "conditional")]
    assert [(e.type, e.factuality) for e in prøvde] == [("CONSULT", "conditional")]
    assert [(e.type, e.factuality) for e in försökte] == [("CONSULT", "conditional")]


def test_an_act_carried_out_with_no_attempt_cue_stays_asserted() -> None:
    done = code("Russia attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [(e.type, e.factuality) for e in done] == [("ASSAULT", "asserted")]


def _dated(text: str, lang: str, entities: list[Ent], day: str, published: str) -> list[Event]:
    times = [Time(day, "2024-05-14")]
    article = make_article(text, lang, entities, times, published=published)
    return EventCoder(load_lexicon(lang), FakeGeo()).code(article)


def test_an_act_dated_after_publication_is_a_plan() -> None:
    nb = [Ent("Norge", "GPE", "NOR"), Ent("Russland", "GPE", "RUS")]
    talks = _dated(
        "Norge og Russland møtes til samtaler 14. mai.", "nb", nb, "14. mai", "2024-05-02"
    )
    en = [Ent("Russia", "GPE", "RUS"), Ent("Norway", "GPE", "NOR")]
    text = "Russia and Norway hold talks on 14 May."
    english = _dated(text, "en", en, "14 May", "2024-05-02T10:00:00")
    assert [(e.type, e.factuality) for e in talks] == [("AGREE", "planned")]
    assert [(e.type, e.factuality) for e in english] == [("AGREE", "planned")]


def test_an_act_dated_before_publication_stays_a_fact() -> None:
    nb = [Ent("Norge", "GPE", "NOR"), Ent("Russland", "GPE", "RUS")]
    text = "Norge og Russland møttes til samtaler 14. mai."
    assert [(e.type, e.factuality) for e in _dated(text, "nb", nb, "14. mai", "2024-05-20")] == [
        ("CONSULT", "asserted")
    ]


def test_a_possible_act_named_by_a_noun_is_conditional_in_the_nordic_languages() -> None:
    nb = code(
        "En eventuell norsk anerkjennelse av Palestina ble diskutert.",
        "nb",
        [Ent("Palestina", "GPE", "PSE")],
    )
    da = code(
        "En eventuel dansk anerkendelse af Makedonien blev diskuteret.",
        "da",
        [Ent("Makedonien", "GPE", "MKD")],
    )
    sv = code(
        "En möjlig svensk invasion av Norge diskuterades.", "sv", [Ent("Norge", "GPE", "NOR")]
    )
    assert [(e.type, e.factuality) for e in nb] == [("SUPPORT", "conditional")]
    assert [(e.type, e.factuality) for e in da] == [("SUPPORT", "conditional")]
    assert [(e.type, e.factuality) for e in sv] == [("ASSAULT", "conditional")]


def test_an_attempt_governs_the_act_after_it_or_a_light_verbs_noun_not_another_acts_object() -> (
    None
):
    carried = code(
        "Russia tried to carry out an attack on Ukraine in May.", "en", [RUSSIA, UKRAINE]
    )
    disrupted = code(
        "Russia tried to disrupt the talks with Ukraine in May.", "en", [RUSSIA, UKRAINE]
    )
    nb = [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    forstyrre = code("Russland forsøkte å forstyrre samtalene med Ukraina i mai.", "nb", nb)
    assert [(e.type, e.factuality) for e in carried] == [("ASSAULT", "conditional")]
    assert [(e.type, e.factuality) for e in disrupted] == [("CONSULT", "asserted")]
    assert [(e.type, e.factuality) for e in forstyrre] == [("CONSULT", "asserted")]


def test_a_weekday_read_as_coming_leaves_a_past_report_a_fact() -> None:
    # The times stage may place "am Montag" after the publication day where it misreads the tense.
    entities = [Ent("Deutschland", "GPE", "DEU"), Ent("Polen", "GPE", "POL")]
    text = "Deutschland und Polen verhandelten am Montag in Berlin."
    article = make_article(text, "de", entities, [Time("am Montag", "2024-05-14")], "2024-05-12")
    events = EventCoder(load_lexicon("de"), FakeGeo()).code(article)
    assert [(e.type, e.factuality) for e in events] == [("CONSULT", "asserted")]
