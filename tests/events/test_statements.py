"""Official statements and coercion as news words them (newsgraph.events.triggers, coder): calls
made in a participle, diplomats summoned, vows of a response, capitals speaking for their
governments, acts coordinated with a statement, warnings to a named party, French adverbs between
auxiliary and participle, and a day after a place.

Sentences are written for these tests; entities (and, where given, parses) are built by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article, parsed_article

G = "GPE"
Row = tuple[str, str, str, int | None]
CAPITALS = {"Beijing": "CHN", "Moscow": "RUS", "Washington": "USA", "Kyiv": "UKR"}


def _geo() -> FakeGeo:
    geo = FakeGeo()
    geo.capitals = dict(CAPITALS)
    geo.places = {**geo.places, "Minsk": ("BLR", 53.9, 27.6)}
    return geo


def _city(name: str, country: str) -> Ent:
    # A town or city: the entities stage geocodes it (a point), unlike a country.
    return Ent(name, G, country, lat=1.0, lon=1.0)


def _code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), _geo()).code(article)


def _types(text: str, lang: str, entities: Sequence[Ent]) -> list[str]:
    return [e.type for e in _code(make_article(text, lang, entities))]


def _parsed(text: str, lang: str, parse: list[Row], entities: Sequence[Ent]) -> Article:
    rows = [
        (word, word.lower(), pos, dep, number if head is None else head)
        for number, (word, pos, dep, head) in enumerate(parse)
    ]
    return parsed_article(text, lang, entities, rows)


# ------------------------------------------------------------------ English


def test_resolution_calling_on_the_government_is_a_request() -> None:
    text = "Kenya's parliament passed a resolution on Sunday calling on the government to expel foreign troops."
    assert "REQUEST" in _types(text, "en", [Ent("Kenya", G, "KEN")])


def test_summoning_a_charge_daffaires_is_an_accusation() -> None:
    text = "Turkey summoned the Dutch chargé d'affaires on Saturday over the treatment of its ministers."
    events = _code(make_article(text, "en", [Ent("Turkey", G, "TUR")]))
    assert [e.type for e in events] == ["ACCUSE"]
    assert "TUR" in events[0].countries


def test_reserving_the_right_to_respond_is_a_threat() -> None:
    text = "Pakistan said on Monday that it reserved the right to respond."
    assert _types(text, "en", [Ent("Pakistan", G, "PAK")]) == ["THREATEN"]


def test_capital_condemning_speaks_for_its_government() -> None:
    events = _code(make_article("Beijing condemned the visit.", "en", [_city("Beijing", "CHN")]))
    assert [(e.type, e.countries) for e in events] == [("ACCUSE", ["CHN"])]


def test_capital_vowing_to_respond_threatens() -> None:
    text = "Moscow vowed to respond to the new sanctions."
    assert "THREATEN" in _types(text, "en", [_city("Moscow", "RUS")])


def test_town_that_is_no_capital_is_no_government() -> None:
    text = "Columbus condemned the decision."
    assert _types(text, "en", [_city("Columbus", "USA")]) == []


def test_warning_coordinated_with_a_condemnation_is_an_act_of_its_own() -> None:
    text = "China condemned the visit and warned Japan that it would respond."
    parse: list[Row] = [
        ("China", "PROPN", "nsubj", 1),
        ("condemned", "VERB", "ROOT", None),
        ("the", "DET", "det", 3),
        ("visit", "NOUN", "obj", 1),
        ("and", "CCONJ", "cc", 5),
        ("warned", "VERB", "conj", 1),
        ("Japan", "PROPN", "obj", 5),
        ("that", "SCONJ", "mark", 10),
        ("it", "PRON", "nsubj", 10),
        ("would", "AUX", "aux", 10),
        ("respond", "VERB", "ccomp", 5),
        (".", "PUNCT", "punct", 1),
    ]
    entities = [Ent("China", G, "CHN"), Ent("Japan", G, "JPN")]
    types = [e.type for e in _code(_parsed(text, "en", parse, entities))]
    assert sorted(types) == ["ACCUSE", "THREATEN"]


def test_threatened_act_stays_the_content_of_the_threat() -> None:
    text = "Russia threatened to attack and occupy the port."
    assert _types(text, "en", [Ent("Russia", G, "RUS")]) == ["THREATEN"]


# ------------------------------------------------------------------ Norwegian Bokmål


def test_warning_a_named_state_not_to_act_is_a_threat() -> None:
    text = "Kina advarte onsdag USA mot å blande seg inn i landets indre anliggender."
    events = _code(make_article(text, "nb", [Ent("Kina", G, "CHN"), Ent("USA", G, "USA")]))
    assert [(e.type, sorted(e.countries)) for e in events] == [("THREATEN", ["CHN", "USA"])]


def test_announced_countermeasures_are_a_threat() -> None:
    text = "Russland varslet mottiltak etter vedtaket i Stortinget."
    assert "THREATEN" in _types(text, "nb", [Ent("Russland", G, "RUS")])


def test_day_after_a_place_does_not_make_the_place_a_modifier() -> None:
    text = "Tre aktivister ble pågrepet i Minsk søndag."
    parse: list[Row] = [
        ("Tre", "NUM", "nummod", 1),
        ("aktivister", "NOUN", "nsubj:pass", 3),
        ("ble", "AUX", "aux:pass", 3),
        ("pågrepet", "VERB", "ROOT", None),
        ("i", "ADP", "case", 5),
        ("Minsk", "PROPN", "obl", 3),
        ("søndag", "NOUN", "flat:name", 5),
        (".", "PUNCT", "punct", 3),
    ]
    events = _code(_parsed(text, "nb", parse, [_city("Minsk", "BLR")]))
    coerce = [e for e in events if e.type == "COERCE"]
    assert coerce and coerce[0].countries == ["BLR"]
    assert coerce[0].location is not None and coerce[0].location.name == "Minsk"


# ------------------------------------------------------------------ French


def test_adverb_between_auxiliary_and_participle_and_a_coordinated_call() -> None:
    text = (
        "Les États-Unis ont fermement condamné l'attentat et appelé les autorités à traduire "
        "les coupables en justice."
    )
    types = _types(text, "fr", [Ent("États-Unis", G, "USA")])
    assert sorted(types) == ["ACCUSE", "REQUEST"]


def test_calling_a_state_to_do_something_is_a_request_not_a_phone_call() -> None:
    text = "La France a appelé la Russie à cesser ses bombardements."
    assert _types(text, "fr", [Ent("France", G, "FRA"), Ent("Russie", G, "RUS")]) == ["REQUEST"]


def test_phoning_a_leader_is_still_a_consultation() -> None:
    text = "Le président Emmanuel Macron a appelé Vladimir Poutine mardi."
    entities = [
        Ent("Emmanuel Macron", "PER", "FRA", titles=("président",)),
        Ent("Vladimir Poutine", "PER", "RUS"),
    ]
    assert _types(text, "fr", entities) == ["CONSULT"]


def test_rejection_then_a_coordinated_call_keeps_the_call() -> None:
    text = "Ankara a rejeté ces accusations et a appelé Damas à cesser les bombardements."
    events = _code(make_article(text, "fr", [_city("Ankara", "TUR"), _city("Damas", "SYR")]))
    assert [e.type for e in events if e.type != "REJECT"] == ["REQUEST"]


def test_accused_of_attacking_and_killing_stays_one_accusation() -> None:
    text = "La Syrie a accusé la Turquie d'avoir attaqué et tué des soldats."
    entities = [Ent("Syrie", G, "SYR"), Ent("Turquie", G, "TUR")]
    assert _types(text, "fr", entities) == ["ACCUSE"]


def test_capital_threatening_another_with_sanctions() -> None:
    text = "Washington menace Téhéran de nouvelles sanctions."
    events = _code(make_article(text, "fr", [_city("Washington", "USA"), Ent("Téhéran", G, "IRN")]))
    assert [(e.type, sorted(e.countries)) for e in events] == [("THREATEN", ["IRN", "USA"])]


def test_pluperfect_threat() -> None:
    text = "Le Royaume-Uni avait menacé la veille d'entrer dans l'ambassade."
    assert _types(text, "fr", [Ent("Royaume-Uni", G, "GBR")]) == ["THREATEN"]


def test_capital_the_tagger_took_for_a_person_still_speaks_for_its_government() -> None:
    text = "Washington warned Pyongyang that it would respond."
    entities = [Ent("Washington", "PER"), Ent("Pyongyang", G, "PRK", lat=1.0, lon=1.0)]
    events = _code(make_article(text, "en", entities))
    assert [(e.type, sorted(e.countries)) for e in events] == [("THREATEN", ["PRK", "USA"])]


def test_capital_stands_for_its_government_only_in_acts_worded_as_statements() -> None:
    # A deed announced for later is coded as a threat, but the town named as its doer or place
    # said nothing ("soll bei einer Demonstration in der Hauptstadt …").
    text = "Moscow will attack the city on Sunday."
    assert _code(make_article(text, "en", [_city("Moscow", "RUS")])) == []


# ------------------------------------------------------------------ Swedish, Danish, German


def test_swedish_warning_to_a_named_state_after_a_day_phrase_is_a_threat() -> None:
    text = "Kina varnade på onsdagen USA för att blanda sig i landets inre angelägenheter."
    events = _code(make_article(text, "sv", [Ent("Kina", G, "CHN"), Ent("USA", G, "USA")]))
    assert [(e.type, sorted(e.countries)) for e in events] == [("THREATEN", ["CHN", "USA"])]


def test_danish_ambassador_called_to_a_meeting_is_a_protest_not_a_meeting() -> None:
    text = "Danmark kaldte Ruslands ambassadør til møde efter spionsagen."
    entities = [Ent("Danmark", G, "DNK"), Ent("Rusland", G, "RUS", aliases=("Ruslands",))]
    assert _types(text, "da", entities) == ["ACCUSE"]


def test_german_present_tense_condemnation_is_no_conviction() -> None:
    text = "Deutschland verurteilt den Angriff auf die Stadt scharf."
    assert _types(text, "de", [Ent("Deutschland", G, "DEU")]) == ["ACCUSE"]


def test_german_court_sentence_stays_no_accusation() -> None:
    text = "Ein russisches Gericht verurteilte den Oppositionellen zu drei Jahren Haft."
    assert "ACCUSE" not in _types(text, "de", [])


def test_german_perfect_request() -> None:
    text = "Die Bundesregierung hat Russland aufgefordert, die Truppen abzuziehen."
    assert "REQUEST" in _types(text, "de", [Ent("Russland", G, "RUS")])


def test_branding_a_party_terrorists_is_an_accusation() -> None:
    text = "Turkey branded the Kurdish militia terrorists on Monday."
    assert _types(text, "en", [Ent("Turkey", G, "TUR")]) == ["ACCUSE"]
    nb = "Tyrkia stemplet mandag den kurdiske militsen som terrorister."
    assert _types(nb, "nb", [Ent("Tyrkia", G, "TUR")]) == ["ACCUSE"]


def test_protest_announced_in_a_capital_is_no_statement_of_its_government() -> None:
    text = "Morgen soll bei einer Demonstration in der Hauptstadt Moskau ein Redner sprechen."
    geo = _geo()
    geo.capitals["Moskau"] = "RUS"
    article = make_article(text, "de", [_city("Moskau", "RUS")])
    events = EventCoder(load_lexicon("de"), geo).code(article)
    assert [e for e in events if e.type == "THREATEN"] == []


def test_promise_of_revenge_coordinated_with_a_condemnation_is_a_threat() -> None:
    text = "Iran condemned the killing and promised revenge against the attackers."
    parse: list[Row] = [
        ("Iran", "PROPN", "nsubj", 1),
        ("condemned", "VERB", "ROOT", None),
        ("the", "DET", "det", 3),
        ("killing", "NOUN", "obj", 1),
        ("and", "CCONJ", "cc", 5),
        ("promised", "VERB", "conj", 1),
        ("revenge", "NOUN", "obj", 5),
        ("against", "ADP", "case", 9),
        ("the", "DET", "det", 9),
        ("attackers", "NOUN", "nmod", 6),
        (".", "PUNCT", "punct", 1),
    ]
    events = _code(_parsed(text, "en", parse, [Ent("Iran", G, "IRN")]))
    assert sorted(e.type for e in events) == ["ACCUSE", "THREATEN"]


def test_arrest_at_a_capitals_airport_is_placed_in_its_country() -> None:
    text = "Police detained the opposition leader at Moscow airport."
    parse: list[Row] = [
        ("Police", "NOUN", "nsubj", 1),
        ("detained", "VERB", "ROOT", None),
        ("the", "DET", "det", 4),
        ("opposition", "NOUN", "compound", 4),
        ("leader", "NOUN", "obj", 1),
        ("at", "ADP", "case", 7),
        ("Moscow", "PROPN", "compound", 7),
        ("airport", "NOUN", "obl", 1),
        (".", "PUNCT", "punct", 1),
    ]
    events = _code(_parsed(text, "en", parse, [_city("Moscow", "RUS")]))
    assert [(e.type, e.countries) for e in events] == [("COERCE", ["RUS"])]
