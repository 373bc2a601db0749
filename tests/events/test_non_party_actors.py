"""Names near an act that take no part in it (newsgraph.events.actors, newsgraph.events.arguments):
the possessor of a relative, what a speech is about, whoever responds to an accusation, a piece
of a longer name, a common word the NER took for a name, the parties of an act that sets the
scene, and a landscape feature as a borrowed doer.

Sentences and their parses are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, Time, make_article, parsed_article, rows

ALLAWI = Ent("Iyad Allawi", "PER", "IRQ", aliases=("Allawi",), titles=("prime minister",))
STORE = Ent("Jonas Gahr Støre", "PER", "NOR", aliases=("Støre",), titles=("statsminister",))
BIDEN = Ent("Joe Biden", "PER", "USA", aliases=("Biden",), titles=("President",))
HAMAS = Ent("Hamas", "ORG", "PSE")
RUSSIA = Ent("Russia", "GPE", "RUS")
RUSSLAND = Ent("Russland", "GPE", "RUS")
UKRAINE = Ent("Ukraine", "GPE", "UKR")
ISRAEL = Ent("Israel", "GPE", "ISR")
PAKISTAN = Ent("Pakistan", "GPE", "PAK")
TAIWAN = Ent("Taiwan", "GPE", "TWN")
KINA = Ent("Kina", "GPE", "CHN")
USA = Ent("USA", "GPE", "USA")
ARAFAT = Ent("Yasser Arafat", "PER", "PSE", aliases=("Arafat",), titles=("chairman",))
TRUSS = Ent("Elizabeth Truss", "PER", "GBR", aliases=("Truss",), titles=("foreign secretary",))
EIDE = Ent("Espen Barth Eide", "PER", "NOR", aliases=("Eide",), titles=("utenriksminister",))


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def names(article: Article, event: Event) -> set[str]:
    return {
        e.name for i in (*event.actors, *event.source, *event.target) if (e := article.entity(i))
    }


def all_names(article: Article) -> set[str]:
    return {name for event in code(article) for name in names(article, event)}


# The possessor of a relative


def test_whose_cousin_was_kidnapped_takes_no_part_en() -> None:
    article = make_article("Gunmen kidnapped Allawi's cousin in the capital.", "en", [ALLAWI])
    assert "Iyad Allawi" not in all_names(article)


def test_whose_relatives_were_abducted_takes_no_part_en() -> None:
    text = "Guerrillas abducted three relatives of Prime Minister Allawi on Monday."
    assert "Iyad Allawi" not in all_names(make_article(text, "en", [ALLAWI]))


def test_the_kidnapped_person_himself_stays_the_target_en() -> None:
    article = make_article("Gunmen kidnapped Allawi in the capital.", "en", [ALLAWI])
    assert "Iyad Allawi" in all_names(article)


def test_whose_son_was_kidnapped_takes_no_part_nb() -> None:
    text = "Væpnede menn kidnappet sønnen til statsminister Støre mandag."
    assert "Jonas Gahr Støre" not in all_names(make_article(text, "nb", [STORE]))


def test_the_kidnapped_minister_stays_the_target_nb() -> None:
    text = "Væpnede menn kidnappet statsminister Støre mandag."
    assert "Jonas Gahr Støre" in all_names(make_article(text, "nb", [STORE]))


# What a speech is about

TOPIC_NOUN_EN = """
President NOUN compound 1
Biden PROPN nsubj 2
condemned VERB ROOT 2
the DET det 4
criticism NOUN obj 2
of ADP case 6
Hamas PROPN nmod 4
. PUNCT punct 2
"""


def test_whom_a_criticism_is_about_is_no_side_of_its_condemnation_en() -> None:
    text = "President Biden condemned the criticism of Hamas."
    article = parsed_article(text, "en", [BIDEN, HAMAS], rows(TOPIC_NOUN_EN))
    accusations = [e for e in code(article) if e.type == "ACCUSE"]
    assert accusations
    assert "Hamas" not in names(article, accusations[0])
    assert "Joe Biden" in names(article, accusations[0])


DIRECT_OBJECT_EN = """
President NOUN compound 1
Biden PROPN nsubj 2
condemned VERB ROOT 2
Hamas PROPN obj 2
. PUNCT punct 2
"""


def test_whom_a_condemnation_names_stays_its_target_en() -> None:
    text = "President Biden condemned Hamas."
    article = parsed_article(text, "en", [BIDEN, HAMAS], rows(DIRECT_OBJECT_EN))
    accusations = [e for e in code(article) if e.type == "ACCUSE"]
    assert accusations
    assert "Hamas" in names(article, accusations[0])


TOPIC_NOUN_NB = """
Kina PROPN nsubj 1
kritiserte VERB ROOT 1
USA PROPN obj 1
i ADP case 5
et DET det 5
intervju NOUN obl 1
om ADP case 7
Taiwan PROPN nmod 5
. PUNCT punct 1
"""


def test_what_an_interview_is_about_is_no_side_of_the_criticism_nb() -> None:
    text = "Kina kritiserte USA i et intervju om Taiwan."
    article = parsed_article(text, "nb", [KINA, USA, TAIWAN], rows(TOPIC_NOUN_NB))
    accusations = [e for e in code(article) if e.type == "ACCUSE"]
    assert accusations
    assert "TWN" not in accusations[0].countries
    assert {"CHN", "USA"} <= set(accusations[0].countries)


def test_what_a_criticism_is_about_is_no_side_en() -> None:
    text = "Russia criticised Ukraine about Taiwan on Monday."
    events = [
        e for e in code(make_article(text, "en", [RUSSIA, UKRAINE, TAIWAN])) if e.type == "ACCUSE"
    ]
    assert events
    assert "TWN" not in events[0].countries
    assert {"RUS", "UKR"} <= set(events[0].countries)


# Who responds to an accusation does not make it


def test_who_responds_to_allegations_is_not_the_accuser_en() -> None:
    text = "Foreign Secretary Truss responded to the allegations against Russia."
    article = make_article(text, "en", [TRUSS, RUSSIA])
    for event in code(article):
        assert "Elizabeth Truss" not in names(article, event)


def test_who_answers_accusations_is_not_the_accuser_nb() -> None:
    text = "Utenriksminister Eide svarte på anklagene mot Russland."
    article = make_article(text, "nb", [EIDE, RUSSLAND])
    for event in code(article):
        assert "Espen Barth Eide" not in names(article, event)


# A piece of a longer name

ABRAHAM = Ent("Abraham", "PER", None)
BAHRAIN = Ent("Bahrain", "GPE", "BHR")


def test_a_person_name_cut_from_a_longer_name_is_no_participant_en() -> None:
    text = "Israel and Bahrain signed the Abraham Accords on Tuesday in the capital."
    article = make_article(text, "en", [ISRAEL, BAHRAIN, ABRAHAM], [Time("Tuesday", "2020-09-15")])
    events = [e for e in code(article) if e.type == "SUPPORT"]
    assert events
    assert "Abraham" not in names(article, events[0])
    assert {"ISR", "BHR"} <= set(events[0].countries)


def test_a_country_before_a_capitalised_weekday_stays_an_actor_en() -> None:
    text = "Russia Monday accused Ukraine of shelling the power plant."
    article = make_article(text, "en", [RUSSIA, UKRAINE], [Time("Monday", "2022-08-08")])
    events = [e for e in code(article) if e.type == "ACCUSE"]
    assert events
    assert "RUS" in events[0].countries


def test_a_person_name_cut_from_a_longer_name_is_no_participant_nb() -> None:
    text = "Russland og Ukraina signerte Abraham Avtalen i hovedstaden tirsdag."
    article = make_article(
        text,
        "nb",
        [RUSSLAND, Ent("Ukraina", "GPE", "UKR"), ABRAHAM],
        [Time("tirsdag", "2020-09-15")],
    )
    events = [e for e in code(article) if e.type == "SUPPORT"]
    assert events
    assert "Abraham" not in names(article, events[0])


# A common word the NER took for a name

CHILDREN_NB = """
Barna NOUN nsubj 1
besøkte VERB ROOT 1
statsminister NOUN obj 1
Støre PROPN flat:name 2
onsdag NOUN obl 1
. PUNCT punct 1
"""


def test_a_common_noun_opening_the_sentence_is_no_name_nb() -> None:
    text = "Barna besøkte statsminister Støre onsdag."
    children = Ent("Barna", "ORG", "BGR")
    article = parsed_article(text, "nb", [children, STORE], rows(CHILDREN_NB))
    assert "Barna" not in all_names(article)


ADJECTIVE_EN = """
Serbia ADJ nsubj 1
protested VERB ROOT 1
to ADP case 3
Albania PROPN obl 1
. PUNCT punct 1
"""


def test_a_country_the_parser_calls_an_adjective_stays_a_name_en() -> None:
    text = "Serbia protested to Albania."
    article = parsed_article(
        text, "en", [Ent("Serbia", "GPE", "SRB"), Ent("Albania", "GPE", "ALB")], rows(ADJECTIVE_EN)
    )
    assert "Serbia" in all_names(article)


# The parties of an act that sets the scene


def test_the_visitor_of_a_visit_setting_the_scene_takes_no_part_en() -> None:
    text = "Pakistan threatened Israel on the eve of a visit by Arafat."
    article = make_article(text, "en", [PAKISTAN, ISRAEL, ARAFAT])
    threats = [e for e in code(article) if e.type == "THREATEN"]
    assert threats
    assert "Yasser Arafat" not in names(article, threats[0])
    assert {"PAK", "ISR"} <= set(threats[0].countries)


def test_the_visitor_of_a_visit_setting_the_scene_takes_no_part_nb() -> None:
    text = "Pakistan truet Israel før et besøk av Arafat."
    article = make_article(text, "nb", [PAKISTAN, ISRAEL, ARAFAT])
    threats = [e for e in code(article) if e.type == "THREATEN"]
    assert threats
    assert "Yasser Arafat" not in names(article, threats[0])


# A landscape feature does not act; a trailing attribution lends no doer

BRIDGE_EN = """
Uzbekistan PROPN nsubj 1
opened VERB ROOT 1
the DET det 4
Friendship PROPN compound 4
Bridge PROPN obj 1
to PART mark 6
allow VERB advcl 1
the DET det 8
delivery NOUN obj 6
of ADP case 10
grain NOUN nmod 8
to ADP case 12
Afghanistan PROPN nmod 8
, PUNCT punct 14
reports VERB parataxis 1
aid NOUN compound 16
agencies NOUN nsubj 14
. PUNCT punct 1
"""


def test_a_borrowed_doer_is_no_bridge_and_an_attribution_is_no_aid_en() -> None:
    text = "Uzbekistan opened the Friendship Bridge to allow the delivery of grain to Afghanistan, reports aid agencies."
    bridge = Ent("Friendship Bridge", "LOC", None)
    afghanistan = Ent("Afghanistan", "GPE", "AFG")
    article = parsed_article(
        text, "en", [Ent("Uzbekistan", "GPE", "UZB"), bridge, afghanistan], rows(BRIDGE_EN)
    )
    events = code(article)
    assert "AID" not in [e.type for e in events]
    for event in events:
        assert "Friendship Bridge" not in {e.name for i in event.source if (e := article.entity(i))}


# Names outside the clause of the verb a trigger noun is the subject of

PROTESTS_GOING_ON_EN = """
With ADP case 1
protests NOUN nsubj 2
going VERB advcl 9
on ADP compound:prt 2
in ADP case 5
Santiago PROPN obl 2
, PUNCT punct 2
President NOUN compound 8
Bush PROPN nsubj 9
visited VERB ROOT 9
Xi PROPN obj 9
. PUNCT punct 9
"""


def test_who_visits_while_protests_go_on_takes_no_part_in_them_en() -> None:
    text = "With protests going on in Santiago, President Bush visited Xi."
    bush = Ent("Bush", "PER", "USA", titles=("President",))
    xi = Ent("Xi", "PER", "CHN", titles=("President",))
    santiago = Ent("Santiago", "GPE", "CHL", lat=-33.4, lon=-70.6)
    article = parsed_article(text, "en", [bush, xi, santiago], rows(PROTESTS_GOING_ON_EN))
    protests = [e for e in code(article) if e.type == "PROTEST"]
    assert protests
    assert not {"Bush", "Xi"} & names(article, protests[0])


def test_whose_successor_was_kidnapped_takes_no_part_nb() -> None:
    brundtland = Ent(
        "Brundtland", "PER", "NOR", aliases=("Brundtlands",), titles=("statsminister",)
    )
    text = "Væpnede menn kidnappet Brundtlands etterfølger i Genève."
    assert "Brundtland" not in all_names(make_article(text, "nb", [brundtland]))
    text = "Væpnede menn kidnappet Brundtland i Genève."
    assert "Brundtland" in all_names(make_article(text, "nb", [brundtland]))


# The name of a joint activity is no participant


def test_the_name_of_an_exercise_is_no_participant_en() -> None:
    text = "Indian and Nepali troops began the joint military exercise Surya Kiran on Monday."
    article = make_article(text, "en", [Ent("Surya Kiran", "PER", None)])
    exercises = [e for e in code(article) if e.type == "COOPERATE"]
    assert exercises
    assert "Surya Kiran" not in names(article, exercises[0])
    assert {"IND", "NPL"} <= set(exercises[0].countries)


def test_the_quoted_name_of_an_exercise_is_no_participant_en() -> None:
    text = "Indian and Nepali troops began the joint military exercise 'Surya Kiran' on Monday."
    article = make_article(text, "en", [Ent("Surya Kiran", "PER", None)])
    exercises = [e for e in code(article) if e.type == "COOPERATE"]
    assert exercises
    assert "Surya Kiran" not in names(article, exercises[0])


def test_the_name_after_an_exercise_phrase_is_no_participant_en() -> None:
    text = "Indian and Nepali troops began the military training exercise 'Surya Kiran' on Monday."
    article = make_article(text, "en", [Ent("Surya Kiran", "PER", None)])
    exercises = [e for e in code(article) if e.type == "COOPERATE"]
    assert exercises
    assert not any("Surya Kiran" in names(article, e) for e in exercises)


def test_the_name_of_an_exercise_is_no_participant_nb() -> None:
    text = "Norske og amerikanske soldater gjennomførte øvelsen Cold Response i Troms mandag."
    article = make_article(text, "nb", [Ent("Cold Response", "ORG", None)])
    exercises = [e for e in code(article) if e.type == "COOPERATE"]
    assert exercises
    assert "Cold Response" not in names(article, exercises[0])
    assert {"NOR", "USA"} <= set(exercises[0].countries)
