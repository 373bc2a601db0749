"""Places that only say where a private person comes from, and names a statement is only about
(`topic` prepositions), take no part in an act (newsgraph.events.arguments).

Sentences and their parses are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article, parsed_article, rows

HEBRON = Ent("Hebron", "GPE", "PSE", lat=31.5, lon=35.1)
LEEDS = Ent("Leeds", "GPE", "GBR", lat=53.8, lon=-1.5)
BERGEN = Ent("Bergen", "GPE", "NOR", lat=60.4, lon=5.3)
MALMO = Ent("Malmö", "GPE", "SWE", lat=55.6, lon=13.0)
LYON = Ent("Lyon", "GPE", "FRA", lat=45.8, lon=4.8)
ISRAEL = Ent("Israel", "GPE", "ISR")
NAVALNYJ = Ent("Aleksej Navalnyj", "PER", "RUS", aliases=("Navalnyj",))
EIDE = Ent("Espen Barth Eide", "PER", "NOR", aliases=("Eide",), titles=("utenriksminister",))
LAVROV = Ent("Sergej Lavrov", "PER", "RUS", aliases=("Lavrov",), titles=("utenriksminister",))
BILLSTROM = Ent("Tobias Billström", "PER", "SWE", aliases=("Billström",))
RUSSLAND = Ent("Russland", "GPE", "RUS")
NORGE = Ent("Norge", "GPE", "NOR")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def names(article: Article, event: Event) -> set[str]:
    return {
        e.name for i in (*event.actors, *event.source, *event.target) if (e := article.entity(i))
    }


def all_names(article: Article) -> set[str]:
    return {name for event in code(article) for name in names(article, event)}


# A town qualifying or following a private person


def test_a_town_before_a_person_noun_is_no_target_en() -> None:
    text = "Israeli soldiers shot a Hebron man on Monday."
    article = make_article(text, "en", [HEBRON])
    found = all_names(article)
    assert "Hebron" not in found


def test_a_town_after_from_a_person_noun_is_no_target_en() -> None:
    text = "Israel detained a teenager from Hebron on Monday."
    article = make_article(text, "en", [ISRAEL, HEBRON])
    events = code(article)
    assert events
    assert "Israel" in names(article, events[0])
    assert "Hebron" not in names(article, events[0])


def test_a_town_whose_police_acts_stays_a_participant_en() -> None:
    text = "Leeds police arrested three activists on Monday."
    article = make_article(text, "en", [LEEDS])
    assert "Leeds" in all_names(article)


def test_a_town_after_from_a_person_noun_is_no_target_nb() -> None:
    text = "Israel arresterte en mann fra Hebron mandag."
    article = make_article(text, "nb", [ISRAEL, HEBRON])
    events = code(article)
    assert events
    assert "Israel" in names(article, events[0])
    assert "Hebron" not in names(article, events[0])


def test_a_town_after_from_an_official_stays_a_participant_nb() -> None:
    text = "Israel arresterte ordføreren fra Hebron mandag."
    article = make_article(text, "nb", [ISRAEL, HEBRON])
    assert "Hebron" in all_names(article)


def test_a_town_after_from_a_person_noun_is_no_target_sv() -> None:
    text = "Israel grep en man från Hebron på måndagen."
    article = make_article(text, "sv", [ISRAEL, HEBRON])
    events = code(article)
    assert events
    assert "Hebron" not in names(article, events[0])


def test_a_town_after_de_a_person_noun_is_no_target_fr() -> None:
    text = "Israël a arrêté un homme de Hébron lundi."
    hebron = Ent("Hébron", "GPE", "PSE", lat=31.5, lon=35.1)
    article = make_article(text, "fr", [Ent("Israël", "GPE", "ISR"), hebron])
    events = code(article)
    assert events
    assert "Hébron" not in names(article, events[0])


# What talks or statements are about

TALKS_NB = """
Eide PROPN nsubj 3
og CCONJ cc 2
Lavrov PROPN conj 0
kritiserte VERB ROOT 3
Russland PROPN obj 3
om ADP case 6
Navalnyj PROPN obl 3
tirsdag NOUN obl 3
. PUNCT punct 3
"""


def test_whom_a_statement_is_about_is_no_party_nb() -> None:
    text = "Eide og Lavrov kritiserte Russland om Navalnyj tirsdag."
    article = parsed_article(text, "nb", [EIDE, LAVROV, RUSSLAND, NAVALNYJ], rows(TALKS_NB))
    found = all_names(article)
    assert "Espen Barth Eide" in found
    assert "Aleksej Navalnyj" not in found


CONDITION_NB = """
Om SCONJ mark 2
Russland PROPN nsubj 2
angriper VERB advcl 5
Norge PROPN obj 2
, PUNCT punct 2
vil AUX aux 6
NATO PROPN nsubj 6
svare VERB ROOT 6
. PUNCT punct 6
"""


def test_the_subject_after_a_conditional_om_stays_a_party_nb() -> None:
    text = "Om Russland angriper Norge, vil NATO svare."
    nato = Ent("NATO", "ORG", None)
    article = parsed_article(text, "nb", [RUSSLAND, NORGE, nato], rows(CONDITION_NB))
    assaults = [e for e in code(article) if e.type == "ASSAULT"]
    assert assaults
    assert "Russland" in names(article, assaults[0])


def test_whom_a_criticism_is_about_is_no_party_sv() -> None:
    text = "Billström kritiserade Ryssland angående Navalnyj på tisdagen."
    ryssland = Ent("Ryssland", "GPE", "RUS")
    article = make_article(text, "sv", [BILLSTROM, ryssland, NAVALNYJ])
    found = all_names(article)
    assert "Ryssland" in found
    assert "Aleksej Navalnyj" not in found


# A preposition of both place and direction before a town

LONDRES = Ent("Londres", "GPE", "GBR", lat=51.5, lon=-0.1)


def test_a_town_after_a_place_and_direction_preposition_is_the_place_fr() -> None:
    text = "Des militants ont assassiné le ministre à Londres lundi."
    article = make_article(text, "fr", [LONDRES])
    assert "Londres" not in all_names(article)


def test_a_country_after_a_place_and_direction_preposition_stays_a_target_fr() -> None:
    text = "La Russie a livré des armes à la Syrie lundi."
    russie = Ent("Russie", "GPE", "RUS")
    syrie = Ent("Syrie", "GPE", "SYR")
    article = make_article(text, "fr", [russie, syrie])
    events = code(article)
    assert events
    assert "Syrie" in names(article, events[0])


def test_a_town_one_travels_to_stays_the_host_fr() -> None:
    text = "Le président français s'est rendu à Londres lundi."
    article = make_article(text, "fr", [LONDRES])
    visits = [e for e in code(article) if e.type == "CONSULT"]
    assert visits
    assert "Londres" in names(article, visits[0])


# Who judges or comments on an act named by a noun did not do it


def test_who_comments_on_bombings_is_not_their_doer_sv() -> None:
    text = "Frankrike kommenterade bombningarna av Kiev på måndagen."
    article = make_article(text, "sv", [Ent("Frankrike", "GPE", "FRA")])
    assert all("Frankrike" not in names(article, e) for e in code(article))


def test_who_condemns_an_attack_stays_the_accuser_sv() -> None:
    text = "Sverige fördömde attacken mot Kiev på måndagen."
    article = make_article(text, "sv", [Ent("Sverige", "GPE", "SWE")])
    accusations = [e for e in code(article) if e.type == "ACCUSE"]
    assert accusations
    assert "Sverige" in names(article, accusations[0])


def test_who_comments_on_an_attack_is_not_its_doer_da() -> None:
    text = "Danmark kommenterede angrebet på Kiev mandag."
    danmark = Ent("Danmark", "GPE", "DNK")
    article = make_article(text, "da", [danmark, Ent("Kiev", "GPE", "UKR", lat=50.4, lon=30.5)])
    assert all("Danmark" not in names(article, e) for e in code(article) if e.type == "ASSAULT")


def test_who_comments_on_air_strikes_is_not_their_doer_de() -> None:
    text = "Frankreich kommentierte die Luftangriffe auf Kiew am Montag."
    article = make_article(text, "de", [Ent("Frankreich", "GPE", "FRA")])
    assert all("Frankreich" not in names(article, e) for e in code(article))


def test_who_attacks_stays_the_doer_de() -> None:
    text = "Russland griff am Montag die Ukraine an."
    article = make_article(
        text, "de", [Ent("Russland", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")]
    )
    assaults = [e for e in code(article) if e.type == "ASSAULT"]
    assert assaults
    assert "Russland" in names(article, assaults[0])


def test_who_comments_on_air_strikes_is_not_their_doer_fr() -> None:
    text = "La France a commenté les frappes aériennes sur Kiev lundi."
    article = make_article(text, "fr", [Ent("France", "GPE", "FRA")])
    assert all("France" not in names(article, e) for e in code(article))
