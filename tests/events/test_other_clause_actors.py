"""A name the parse puts in another clause than the trigger, one with a subject of its own, takes
part in that clause's act, not in the trigger's (newsgraph.events.arguments.in_other_clause).

Sentences and their parses are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, parsed_article, rows

RANKIN = Ent("John Rankin", "PER", "GBR", aliases=("Rankin",), titles=("Governor",))
FAHIE = Ent("Andrew Fahie", "PER", "VGB", aliases=("Fahie",), titles=("Premier",))
ISRAEL = Ent("Israel", "GPE", "ISR")
DIARRA = Ent("Cheick Diarra", "PER", "MLI", aliases=("Diarra",), titles=("statsminister",))
STORE = Ent("Jonas Gahr Støre", "PER", "NOR", aliases=("Støre",), titles=("statsminister",))
PREMIER = Ent("Cheick Diarra", "PER", "MLI", aliases=("Diarra",), titles=("prime minister",))
NORGE = Ent("Norge", "GPE", "NOR")
RUSSLAND = Ent("Russland", "GPE", "RUS", aliases=("Russlands",))
UKRAINA = Ent("Ukraina", "GPE", "UKR")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def names(article: Article, event: Event) -> set[str]:
    return {
        e.name for i in (*event.actors, *event.source, *event.target) if (e := article.entity(i))
    }


def of_type(article: Article, category: str) -> list[Event]:
    return [e for e in code(article) if e.type == category]


# The name stands in a clause of its own


ARREST_RELATIVE_EN = """
Governor PROPN compound 1
Rankin PROPN nsubj 2
praised VERB ROOT 2
the DET det 4
agents NOUN obj 2
who PRON nsubj 6
arrested VERB acl:relcl 4
Premier PROPN compound 8
Fahie PROPN obj 6
. PUNCT punct 2
"""


def test_the_subject_of_the_main_clause_takes_no_part_in_a_relative_clause_act_en() -> None:
    text = "Governor Rankin praised the agents who arrested Premier Fahie."
    article = parsed_article(text, "en", [RANKIN, FAHIE], rows(ARREST_RELATIVE_EN))
    arrests = of_type(article, "COERCE")
    assert arrests
    assert "John Rankin" not in names(article, arrests[0])
    assert "Andrew Fahie" in names(article, arrests[0])


RO_ETTER_NB = """
Statsminister NOUN compound 1
Støre PROPN nsubj 2
ba VERB ROOT 2
om ADP case 4
ro NOUN obl 2
etter ADP mark 8
at SCONJ mark 8
soldater NOUN nsubj 8
angrep VERB advcl 2
Kyiv PROPN obj 8
. PUNCT punct 2
"""


def test_who_calls_for_calm_after_an_attack_takes_no_part_in_it_nb() -> None:
    text = "Statsminister Støre ba om ro etter at soldater angrep Kyiv."
    kyiv = Ent("Kyiv", "GPE", "UKR")
    article = parsed_article(text, "nb", [STORE, kyiv], rows(RO_ETTER_NB))
    attacks = of_type(article, "ASSAULT")
    assert attacks
    assert "Jonas Gahr Støre" not in names(article, attacks[0])


INFINITIVE_NB = """
Norge PROPN nsubj 1
innførte VERB ROOT 1
sanksjoner NOUN obj 1
for ADP case 6
å PART mark 6
økonomisk ADJ advcl 1
ramme VERB parataxis 1
Russlands PROPN nmod 8
regime NOUN nsubj 6
. PUNCT punct 1
"""


def test_an_infinitive_the_parse_gave_a_subject_keeps_its_names_nb() -> None:
    text = "Norge innførte sanksjoner for å økonomisk ramme Russlands regime."
    article = parsed_article(text, "nb", [NORGE, RUSSLAND], rows(INFINITIVE_NB))
    sanctions = of_type(article, "SANCTION")
    assert sanctions
    assert {"Norge", "Russland"} <= names(article, sanctions[0])


ANGREP_DAGEN_NB = """
Russland PROPN nsubj 1
angrep VERB ROOT 1
Ukraina PROPN obj 1
dagen NOUN obl 1
Støre PROPN nsubj 5
besøkte VERB acl:relcl 3
Kyiv PROPN obj 5
. PUNCT punct 1
"""


def test_a_name_in_a_relative_clause_without_pronoun_is_no_party_nb() -> None:
    text = "Russland angrep Ukraina dagen Støre besøkte Kyiv."
    article = parsed_article(text, "nb", [RUSSLAND, UKRAINA, STORE], rows(ANGREP_DAGEN_NB))
    attacks = of_type(article, "ASSAULT")
    assert attacks
    assert "Russland" in names(article, attacks[0])
    assert "Jonas Gahr Støre" not in names(article, attacks[0])


# The name stays where the clause has no subject of its own or the trigger describes the name


FORCED_TO_RESIGN_NB = """
Opprøret NOUN nsubj 1
tvang VERB ROOT 1
statsminister NOUN compound 3
Diarra PROPN obj 1
til ADP case 6
å PART mark 6
gå VERB advcl 1
av ADP compound:prt 6
. PUNCT punct 1
"""


def test_a_clause_without_a_subject_of_its_own_keeps_the_name_nb() -> None:
    text = "Opprøret tvang statsminister Diarra til å gå av."
    article = parsed_article(text, "nb", [DIARRA], rows(FORCED_TO_RESIGN_NB))
    resignations = of_type(article, "RETREAT")
    assert resignations
    assert "Cheick Diarra" in names(article, resignations[0])


LEADER_WHO_MET_EN = """
Diarra PROPN nsubj 6
, PUNCT punct 3
who PRON nsubj 3
met VERB acl:relcl 0
Israel PROPN obj 3
, PUNCT punct 3
resigned VERB ROOT 6
. PUNCT punct 6
"""


def test_the_name_a_relative_clause_describes_stays_its_party_en() -> None:
    text = "Diarra, who met Israel, resigned."
    article = parsed_article(text, "en", [PREMIER, ISRAEL], rows(LEADER_WHO_MET_EN))
    meetings = of_type(article, "CONSULT")
    assert meetings
    assert {"Cheick Diarra", "Israel"} <= names(article, meetings[0])


SAID_IT_EN = """
Russia PROPN nsubj 1
said VERB ROOT 1
it PRON nsubj 4
had AUX aux 4
attacked VERB ccomp 1
Ukraine PROPN obj 4
. PUNCT punct 1
"""


def test_a_clause_whose_subject_is_a_personal_pronoun_keeps_the_name_it_points_to_en() -> None:
    text = "Russia said it had attacked Ukraine."
    ukraine = Ent("Ukraine", "GPE", "UKR")
    russia = Ent("Russia", "GPE", "RUS")
    article = parsed_article(text, "en", [russia, ukraine], rows(SAID_IT_EN))
    attacks = of_type(article, "ASSAULT")
    assert attacks
    assert "Russia" in names(article, attacks[0])


NOUN_ROOT_EN = """
Egyptian ADJ amod 1
police NOUN ROOT 1
today NOUN nsubj 3
arrested VERB acl:relcl 1
an DET det 5
activist NOUN obj 3
. PUNCT punct 1
"""


def test_a_parse_that_joins_the_clauses_at_a_noun_keeps_the_name_en() -> None:
    text = "Egyptian police today arrested an activist."
    article = parsed_article(text, "en", [], rows(NOUN_ROOT_EN))
    arrests = of_type(article, "COERCE")
    assert arrests
    assert "EGY" in arrests[0].countries


INVERTED_REPORT_EN = """
Russian ADJ amod 1
authorities NOUN nsubj 3
are AUX aux 3
failing VERB ROOT 3
to PART mark 5
protect VERB advcl 3
journalists NOUN obj 5
, PUNCT punct 11
a DET det 10
rights NOUN compound 10
group NOUN nsubj 11
protested VERB advcl 5
. PUNCT punct 3
"""


def test_a_speech_act_after_what_it_says_keeps_the_names_of_its_content_en() -> None:
    text = "Russian authorities are failing to protect journalists, a rights group protested."
    article = parsed_article(text, "en", [], rows(INVERTED_REPORT_EN))
    accusations = of_type(article, "ACCUSE")
    assert accusations
    assert "RUS" in accusations[0].countries
