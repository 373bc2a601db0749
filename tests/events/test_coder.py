"""The event coder on hand-built articles: merging, dates, places, filters, ids and spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event, Token

from .builders import Ent, FakeGeo, Time, make_article

VISIT_TEXT = (
    "Indias forsvarsminister Rajnath Singh ankom Tokyo 3. mars for et offisielt besøk. "
    "En video viser Singh bli møtt av japanske tjenestemenn i Tokyo.\n"
    "Under et møte med den japanske forsvarsministeren Minoru Kihara sa Singh at samarbeidet "
    "er viktig.\n"
    "Forrige måned gjennomførte indiske og japanske krigsskip fellesøvelser i Stillehavet."
)
VISIT_ENTITIES = [
    Ent("India", "GPE", "IND", aliases=("Indias",)),
    Ent("Rajnath Singh", "PER", "IND", aliases=("Singh",), titles=("forsvarsminister",)),
    Ent("Tokyo", "GPE", "JPN", lat=35.7, lon=139.7),
    Ent("Minoru Kihara", "PER", "JPN", titles=("forsvarsminister",)),
    Ent("Stillehavet", "LOC"),
]
VISIT_TIMES = [Time("3. mars", "2025-03-03"), Time("Forrige måned", "2025-02")]


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def visit_article() -> Article:
    return make_article(VISIT_TEXT, "nb", VISIT_ENTITIES, VISIT_TIMES, published="2025-03-03")


def test_visit_and_reception_merge_into_one_event_with_both_evidence_spans() -> None:
    article = visit_article()
    visits = [e for e in code(article) if e.mode == "visit"]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.type == "CONSULT"
    assert set(visit.countries) == {"IND", "JPN"}
    assert visit.date == "2025-03-03"
    assert visit.location is not None and visit.location.name == "Tokyo"
    assert visit.location.lat == 35.7
    assert [span.text.split()[0] for span in visit.evidence] == ["Indias", "En"]


def test_visit_goes_from_the_visitor_to_the_host() -> None:
    article = visit_article()
    visit = next(e for e in code(article) if e.mode == "visit")
    assert [article.entity(i).name for i in visit.source] == ["Rajnath Singh"]  # type: ignore[union-attr]
    assert "Tokyo" in [article.entity(i).name for i in visit.target]  # type: ignore[union-attr]


def test_meeting_without_a_date_of_its_own_takes_the_visits_date_and_place() -> None:
    meeting = next(e for e in code(visit_article()) if e.mode == "meeting")
    assert set(meeting.countries) == {"IND", "JPN"}
    assert meeting.date == "2025-03-03"
    assert meeting.location is not None and meeting.location.name == "Tokyo"


def test_joint_exercise_by_nationality_words_gets_both_countries_sea_and_month() -> None:
    drills = [e for e in code(visit_article()) if e.type == "COOPERATE"]
    assert len(drills) == 1
    assert set(drills[0].countries) == {"IND", "JPN"}
    assert drills[0].mode == "military"
    assert drills[0].date == "2025-02"
    assert drills[0].location is not None and drills[0].location.name == "Stillehavet"


def test_ids_follow_text_order_and_spans_slice_the_text() -> None:
    article = visit_article()
    events = code(article)
    assert [e.id for e in events] == [f"ev{n}" for n in range(1, len(events) + 1)]
    for event in events:
        assert event.trigger is not None
        assert article.text[event.trigger.start : event.trigger.end] == event.trigger.text
        for span in event.evidence:
            assert article.text[span.start : span.end] == span.text


def test_background_event_stays_undated_even_with_a_publication_date() -> None:
    text = (
        "Peru og Chile undertegnet en avtale kort tid før krisen startet. "
        "Chile og Peru har gjennomført en rekke felles militærøvelser siden den gang."
    )
    entities = [Ent("Peru", "GPE", "PER"), Ent("Chile", "GPE", "CHL")]
    events = code(make_article(text, "nb", entities, published="2025-01-10"))
    assert events, "expected the signing and the exercises"
    assert all(event.date is None for event in events)


def test_relational_time_expression_leaves_the_event_undated() -> None:
    text = "Det er første gang en norsk utenriksminister besøker Chile siden 2018."
    events = code(make_article(text, "nb", [Ent("Chile", "GPE", "CHL")], [Time("2018", "2018")]))
    assert len(events) == 1
    assert events[0].date is None
    assert set(events[0].countries) == {"NOR", "CHL"}


def test_paragraph_date_carries_to_a_later_sentence_of_the_same_paragraph() -> None:
    text = "Tirsdag 4. februar var en travel dag. Kenyas president besøkte Uganda."
    entities = [Ent("Kenya", "GPE", "KEN", aliases=("Kenyas",)), Ent("Uganda", "GPE", "UGA")]
    events = code(make_article(text, "nb", entities, [Time("Tirsdag 4. februar", "2025-02-04")]))
    assert [(e.type, e.date) for e in events] == [("CONSULT", "2025-02-04")]


def test_negated_event_is_reported_as_negated_not_as_fact() -> None:
    text = "Russia did not attack Ukraine on Monday."
    entities = [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")]
    events = code(make_article(text, "en", entities))
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "negated")]


def test_planned_visit_is_an_intention_not_a_visit() -> None:
    text = "Chiles president vil besøke Peru neste uke."
    entities = [Ent("Chile", "GPE", "CHL", aliases=("Chiles",)), Ent("Peru", "GPE", "PER")]
    events = code(make_article(text, "nb", entities))
    assert [(e.type, e.factuality) for e in events] == [("AGREE", "planned")]


def test_wished_for_meeting_is_conditional_not_a_fact() -> None:
    text = "Chile håper å møte Peru."
    entities = [Ent("Chile", "GPE", "CHL"), Ent("Peru", "GPE", "PER")]
    events = code(make_article(text, "nb", entities))
    assert [(e.type, e.factuality) for e in events] == [("CONSULT", "conditional")]


def test_future_sanctions_are_a_threat() -> None:
    text = "The United States will impose sanctions on Venezuela."
    entities = [Ent("United States", "GPE", "USA"), Ent("Venezuela", "GPE", "VEN")]
    assert [e.type for e in code(make_article(text, "en", entities))] == ["THREATEN"]


def test_refusing_to_accept_is_a_rejection() -> None:
    text = "Syria will not accept the plan proposed by Turkey."
    entities = [Ent("Syria", "GPE", "SYR"), Ent("Turkey", "GPE", "TUR")]
    assert [e.type for e in code(make_article(text, "en", entities))] == ["REJECT"]


def test_announced_talks_during_a_reported_visit_are_part_of_the_visit() -> None:
    text = (
        "Gabriel Boric ankom Lima 2. mai for et offisielt besøk. "
        "Boric vil møte Perus ledere under besøket."
    )
    entities = [
        Ent("Gabriel Boric", "PER", "CHL", aliases=("Boric",)),
        Ent("Lima", "GPE", "PER"),
        Ent("Peru", "GPE", "PER", aliases=("Perus",)),
    ]
    events = code(make_article(text, "nb", entities, [Time("2. mai", "2025-05-02")]))
    assert [e.type for e in events] == ["CONSULT"]
    assert len(events[0].evidence) == 2


def test_threat_to_attack_is_a_threat_not_an_attack() -> None:
    text = "Russia threatened to attack Ukraine."
    entities = [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")]
    events = code(make_article(text, "en", entities))
    assert [e.type for e in events] == ["THREATEN"]
    assert set(events[0].countries) == {"RUS", "UKR"}


def test_events_inside_a_direct_quote_are_claims() -> None:
    text = "«Russland angrep Ukraina i fjor», sa Peru-ambassadøren."
    entities = [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    events = code(make_article(text, "nb", entities))
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "claimed")]


def test_dateline_gives_the_place_when_the_sentence_has_none() -> None:
    text = "Vietnam and the Philippines held talks on Wednesday."
    entities = [Ent("Vietnam", "GPE", "VNM"), Ent("Philippines", "GPE", "PHL")]
    article = make_article(
        text, "en", entities, [Time("Wednesday", "2025-05-07")], dateline="Singapore"
    )
    events = code(article)
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.name == "Singapore"
    assert events[0].location.country == "SGP"
    assert events[0].date == "2025-05-07"


def test_passive_reception_makes_the_agent_the_host() -> None:
    text = "The Iranian minister was received by Chinese officials in Beijing."
    events = code(make_article(text, "en", [Ent("Beijing", "GPE", "CHN")]))
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "visit")]
    assert set(events[0].countries) == {"IRN", "CHN"}


def _token(i: int, text: str, start: int, pos: str, dep: str, head: int) -> Token:
    return Token(
        i=i, start=start, end=start + len(text), text=text, pos=pos, dep=dep, head=head, sent=0
    )


def test_parsed_subject_after_the_verb_is_the_attacker() -> None:
    text = "I går angrep Russland Ukraina."
    article = make_article(
        text, "nb", [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    )
    article.tokens = [
        _token(0, "I", 0, "ADP", "case", 1),
        _token(1, "går", 2, "NOUN", "obl", 2),
        _token(2, "angrep", 6, "VERB", "ROOT", 2),
        _token(3, "Russland", 13, "PROPN", "nsubj", 2),
        _token(4, "Ukraina", 22, "PROPN", "obj", 2),
        _token(5, ".", 29, "PUNCT", "punct", 2),
    ]
    events = code(article)
    assert len(events) == 1
    names = {article.entity(i).name for i in events[0].source}  # type: ignore[union-attr]
    assert names == {"Russland"}
    assert {article.entity(i).name for i in events[0].target} == {"Ukraina"}  # type: ignore[union-attr]


def test_present_tense_event_without_a_time_expression_gets_the_publication_date() -> None:
    text = "Statsministeren besøker Chile."
    article = make_article(text, "nb", [Ent("Chile", "GPE", "CHL")], published="2025-06-02")
    article.tokens = [
        _token(0, "Statsministeren", 0, "NOUN", "nsubj", 1),
        _token(1, "besøker", 16, "VERB", "ROOT", 1),
        _token(2, "Chile", 24, "PROPN", "obj", 1),
        _token(3, ".", 29, "PUNCT", "punct", 1),
    ]
    events = code(article)
    assert [(e.type, e.date) for e in events] == [("CONSULT", "2025-06-02")]


def test_past_event_without_a_time_expression_gets_no_publication_date() -> None:
    text = "Kenya og Uganda holdt samtaler om grensen."
    entities = [Ent("Kenya", "GPE", "KEN"), Ent("Uganda", "GPE", "UGA")]
    events = code(make_article(text, "nb", entities, published="2025-06-02"))
    assert [(e.type, e.date) for e in events] == [("CONSULT", None)]


SENTENCES = [
    "Kenya og Uganda holdt samtaler.",
    "Russland angrep Ukraina.",
    "Chile kritiserte Peru.",
    "Kenya sendte nødhjelp til Uganda.",
    "Peru avviste kravet fra Chile.",
    "Ukraina og Russland utvekslet fanger.",
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.booleans())
def test_every_event_span_points_into_the_text(sentences: list[str], paragraphs: bool) -> None:
    text = ("\n" if paragraphs else " ").join(sentences)
    entities = [
        Ent(name, "GPE", code_)
        for name, code_ in (
            ("Kenya", "KEN"),
            ("Uganda", "UGA"),
            ("Russland", "RUS"),
            ("Ukraina", "UKR"),
            ("Chile", "CHL"),
            ("Peru", "PER"),
        )
    ]
    article = make_article(text, "nb", entities)
    events = code(article)
    assert [e.id for e in events] == [f"ev{n}" for n in range(1, len(events) + 1)]
    for event in events:
        assert event.countries
        assert 0 <= event.start < event.end <= len(text)
        for span in [*event.evidence, event.trigger]:
            assert span is not None
            assert text[span.start : span.end] == span.text


def test_people_of_a_nationality_are_their_side() -> None:
    text = "Ukrainians accused Russia of shelling the power plant."
    events = code(make_article(text, "en", [Ent("Russia", "GPE", "RUS")]))
    assert [(e.type, sorted(e.countries)) for e in events] == [("ACCUSE", ["RUS", "UKR"])]


def test_plural_nationality_needs_the_language_ending() -> None:
    # Norwegian has no nationality plural ending in its lexicon: "Russianer" is no people.
    text = "Russianer anklaget Ukraina for angrepet."
    events = code(make_article(text, "nb", [Ent("Ukraina", "GPE", "UKR")]))
    assert all("RUS" not in e.countries for e in events)


def test_place_in_apposition_to_a_place_noun_is_the_event_location() -> None:
    text = "Gunmen attacked a checkpoint in the capital, Kabul, on Friday."
    entities = [Ent("Kabul", "GPE", "AFG", lat=34.5, lon=69.2)]
    events = code(make_article(text, "en", entities))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].location is not None and events[0].location.name == "Kabul"


def test_place_qualifying_a_place_noun_is_the_event_location() -> None:
    text = "Russian drones attacked a crowded Kharkiv market on Sunday."
    entities = [Ent("Kharkiv", "GPE", "UKR", lat=50.0, lon=36.2)]
    events = code(make_article(text, "en", entities))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].location is not None and events[0].location.name == "Kharkiv"


def test_place_qualifying_another_noun_is_no_location() -> None:
    text = "Russian drones attacked a Kharkiv power company on Sunday."
    entities = [Ent("Kharkiv", "GPE", "UKR", lat=50.0, lon=36.2)]
    events = code(make_article(text, "en", entities))
    assert all(e.location is None or e.location.name != "Kharkiv" for e in events)


def test_trigger_word_inside_a_name_is_no_trigger() -> None:
    apec = Ent("Asia-Pacific Economic Cooperation", "ORG")
    text = "Russia joined the Asia-Pacific Economic Cooperation forum in Lima."
    named = make_article(text, "en", [Ent("Russia", "GPE", "RUS"), apec])
    plain = make_article(
        "Russia announced economic cooperation with China.",
        "en",
        [Ent("Russia", "GPE", "RUS"), Ent("China", "GPE", "CHN")],
    )
    assert "COOPERATE" not in [e.type for e in code(named)]
    assert "COOPERATE" in [e.type for e in code(plain)]


def test_capitalised_trigger_between_capitalised_words_is_a_name_the_tagger_missed() -> None:
    text = "Russia funded the Popular Protest Committee in Cairo."
    article = make_article(text, "en", [Ent("Russia", "GPE", "RUS")])
    assert "PROTEST" not in [e.type for e in code(article)]


def test_headline_case_keeps_its_trigger() -> None:
    text = "Russia Attacks Ukraine Over Disputed Grain Deal"
    article = make_article(text, "en", [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")])
    assert "ASSAULT" in [e.type for e in code(article)]


def test_news_outlet_is_never_the_source() -> None:
    text = "Al Jazeera demanded that Russia release the prisoners."
    entities = [Ent("Al Jazeera", "ORG", "QAT"), Ent("Russia", "GPE", "RUS")]
    article = make_article(text, "en", entities)
    outlet = next(e for e in article.entities if e.name == "Al Jazeera")
    outlet.sector = "MED"
    assert all(outlet.id not in e.source for e in code(article))
