"""Participants from the parse (newsgraph.events.arguments): a trigger noun's own phrase, the
patient of another act, a name inside a place, controlled subjects and relative clauses.

Sentences and their parses are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article, parsed_article, rows

RUSSIA = Ent("Russia", "GPE", "RUS")
UKRAINE = Ent("Ukraine", "GPE", "UKR")
NATO = Ent("NATO", "ORG", None)
IRAQ = Ent("Iraq", "GPE", "IRQ")
SYRIA = Ent("Syria", "GPE", "SYR")
HEZBOLLAH = Ent("Hezbollah", "ORG", "LBN")
ISRAEL = Ent("Israel", "GPE", "ISR")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def of_type(events: list[Event], category: str) -> list[Event]:
    return [e for e in events if e.type == category]


def names(article: Article, ids: list[str]) -> set[str]:
    return {e.name for i in ids if (e := article.entity(i))}


POSSESSOR_EN = """
Russia PROPN nmod:poss 2
's PART case 0
attack NOUN nsubj:pass 6
on ADP case 4
Ukraine PROPN nmod 2
was AUX aux:pass 6
condemned VERB ROOT 6
by ADP case 8
NATO PROPN obl 6
. PUNCT punct 6
"""


def test_a_trigger_noun_takes_its_doer_from_its_own_phrase_en() -> None:
    text = "Russia's attack on Ukraine was condemned by NATO."
    article = parsed_article(text, "en", [RUSSIA, UKRAINE, NATO], rows(POSSESSOR_EN))
    attacks = of_type(code(article), "ASSAULT")
    assert attacks
    assert {"RUS", "UKR"} <= set(attacks[0].countries)
    assert "NATO" not in names(article, attacks[0].actors)


POSSESSOR_NB = """
Russlands PROPN nmod 1
angrep NOUN nsubj:pass 5
på ADP case 3
Ukraina PROPN nmod 1
ble AUX aux:pass 5
fordømt VERB ROOT 5
av ADP case 7
Nato PROPN obl 5
. PUNCT punct 5
"""


def test_a_trigger_noun_takes_its_doer_from_its_own_phrase_nb() -> None:
    text = "Russlands angrep på Ukraina ble fordømt av Nato."
    entities = [Ent("Russland", "GPE", "RUS", aliases=("Russlands",)), Ent("Ukraina", "GPE", "UKR")]
    article = parsed_article(text, "nb", [*entities, Ent("Nato", "ORG", None)], rows(POSSESSOR_NB))
    attacks = of_type(code(article), "ASSAULT")
    assert attacks
    assert "RUS" in attacks[0].countries
    assert "Nato" not in names(article, attacks[0].actors)


SETTING_EN = """
After ADP case 2
the DET det 2
arrest NOUN obl 6
, PUNCT punct 2
Senator PROPN nmod:desc 5
Smith PROPN nsubj 6
criticised VERB ROOT 6
NATO PROPN obj 6
. PUNCT punct 6
"""


def test_a_trigger_noun_setting_the_scene_takes_no_actor_of_the_main_verb() -> None:
    text = "After the arrest, Senator Smith criticised NATO."
    smith = Ent("Smith", "PER", "USA", titles=("Senator",))
    article = parsed_article(text, "en", [smith, NATO], rows(SETTING_EN))
    events = code(article)
    assert of_type(events, "ACCUSE")
    # The arrest's own phrase names no political side: it is no political event.
    assert not of_type(events, "COERCE")


SETTING_NB = """
Etter ADP case 1
arrestasjonen NOUN obl 3
kritiserte VERB ROOT 3
statsminister NOUN nmod 4
Støre PROPN nsubj 3
Nato PROPN obj 3
. PUNCT punct 3
"""


def test_a_trigger_noun_setting_the_scene_takes_no_actor_of_the_main_verb_nb() -> None:
    text = "Etter arrestasjonen kritiserte statsminister Støre Nato."
    store = Ent("Støre", "PER", "NOR", titles=("statsminister",))
    article = parsed_article(text, "nb", [store, Ent("Nato", "ORG", None)], rows(SETTING_NB))
    assert not of_type(code(article), "COERCE")


TOPIC_EN = """
Protesters NOUN nsubj 1
marched VERB ROOT 1
against ADP case 4
the DET det 4
invasion NOUN obl 1
of ADP case 6
Iraq PROPN nmod 4
. PUNCT punct 1
"""


def test_the_patient_of_the_act_a_protest_is_against_is_no_protester_en() -> None:
    text = "Protesters marched against the invasion of Iraq."
    article = parsed_article(text, "en", [IRAQ], rows(TOPIC_EN))
    events = code(article)
    assert all("IRQ" not in e.countries for e in events if e.type != "ASSAULT")


TOPIC_NB = """
Hamas PROPN nsubj 1
protesterte VERB ROOT 1
mot ADP case 3
attentatet NOUN obl 1
på ADP case 5
Yassin PROPN nmod 3
. PUNCT punct 1
"""


def test_the_victim_of_the_act_a_protest_is_against_is_no_protester_nb() -> None:
    text = "Hamas protesterte mot attentatet på Yassin."
    entities = [Ent("Hamas", "ORG", "PSE"), Ent("Yassin", "PER", "PSE")]
    article = parsed_article(text, "nb", entities, rows(TOPIC_NB))
    events = code(article)
    assert events
    assert all("Yassin" not in names(article, e.actors) for e in events if e.type != "ASSAULT")


VICTIM_EN = """
Palestinians PROPN nsubj 1
protested VERB ROOT 1
the DET det 3
assassination NOUN obj 1
of ADP case 5
Yassin PROPN nmod 3
by ADP case 7
Israel PROPN nmod 3
. PUNCT punct 1
"""


def test_the_victim_of_a_condemned_act_is_no_participant_its_doer_is() -> None:
    text = "Palestinians protested the assassination of Yassin by Israel."
    entities = [Ent("Yassin", "PER", "PSE"), ISRAEL]
    article = parsed_article(text, "en", entities, rows(VICTIM_EN))
    accusations = of_type(code(article), "ACCUSE")
    assert accusations
    assert "Yassin" not in names(article, accusations[0].actors)
    assert "Israel" in names(article, accusations[0].target)


PLACE_EN = """
Hezbollah PROPN nsubj 1
attacked VERB ROOT 1
Israeli ADJ amod 3
forces NOUN obj 1
near ADP case 6
the DET det 6
border NOUN obl 1
with ADP case 8
Syria PROPN nmod 6
. PUNCT punct 1
"""


def test_a_name_inside_a_place_phrase_is_no_target_en() -> None:
    text = "Hezbollah attacked Israeli forces near the border with Syria."
    article = parsed_article(text, "en", [HEZBOLLAH, SYRIA], rows(PLACE_EN))
    attacks = of_type(code(article), "ASSAULT")
    assert attacks
    assert "LBN" in attacks[0].countries
    assert "SYR" not in attacks[0].countries


PLACE_NB = """
Hizbollah PROPN nsubj 1
angrep VERB ROOT 1
israelske ADJ amod 3
styrker NOUN obj 1
nær ADP case 5
grensen NOUN obl 1
til ADP case 7
Syria PROPN nmod 5
. PUNCT punct 1
"""


def test_a_name_inside_a_place_phrase_is_no_target_nb() -> None:
    text = "Hizbollah angrep israelske styrker nær grensen til Syria."
    entities = [Ent("Hizbollah", "ORG", "LBN"), SYRIA]
    article = parsed_article(text, "nb", entities, rows(PLACE_NB))
    attacks = of_type(code(article), "ASSAULT")
    assert attacks
    assert "SYR" not in attacks[0].countries


CONTROL_EN = """
Russia PROPN nsubj 1
decided VERB ROOT 1
to PART mark 3
impose VERB xcomp 1
sanctions NOUN obj 3
on ADP case 6
Iran PROPN obl 3
. PUNCT punct 1
"""


def test_a_verb_under_another_takes_its_subject_en() -> None:
    text = "Russia decided to impose sanctions on Iran."
    article = parsed_article(text, "en", [RUSSIA, Ent("Iran", "GPE", "IRN")], rows(CONTROL_EN))
    sanctions = of_type(code(article), "SANCTION")
    assert sanctions
    assert "Russia" in names(article, sanctions[0].source)


CONTROL_NB = """
Russland PROPN nsubj 1
valgte VERB ROOT 1
å PART mark 3
innføre VERB xcomp 1
sanksjoner NOUN obj 3
mot ADP case 6
Iran PROPN obl 3
. PUNCT punct 1
"""


def test_a_verb_under_another_takes_its_subject_nb() -> None:
    text = "Russland valgte å innføre sanksjoner mot Iran."
    entities = [Ent("Russland", "GPE", "RUS"), Ent("Iran", "GPE", "IRN")]
    article = parsed_article(text, "nb", entities, rows(CONTROL_NB))
    sanctions = of_type(code(article), "SANCTION")
    assert sanctions
    assert "RUS" in sanctions[0].countries


RELATIVE_EN = """
Gore PROPN nsubj 1
signed VERB ROOT 1
the DET det 3
treaty NOUN obj 1
, PUNCT punct 7
which PRON nsubj:pass 7
was AUX aux:pass 7
rejected VERB acl:relcl 3
by ADP case 9
Congress PROPN obl 7
. PUNCT punct 1
"""


def test_a_relative_clause_borrows_no_name_but_its_antecedent_en() -> None:
    text = "Gore signed the treaty, which was rejected by Congress."
    entities = [Ent("Gore", "PER", "USA", titles=("senator",)), Ent("Congress", "ORG", "USA")]
    article = parsed_article(text, "en", entities, rows(RELATIVE_EN))
    rejections = of_type(code(article), "REJECT")
    assert rejections
    assert "Gore" not in names(article, rejections[0].actors)


RELATIVE_NB = """
Gore PROPN nsubj 1
signerte VERB ROOT 1
avtalen NOUN obj 1
, PUNCT punct 6
som PRON nsubj:pass 6
ble AUX aux:pass 6
forkastet VERB acl:relcl 2
av ADP case 8
Senatet PROPN obl 6
. PUNCT punct 1
"""


def test_a_relative_clause_borrows_no_name_but_its_antecedent_nb() -> None:
    text = "Gore signerte avtalen, som ble forkastet av Senatet."
    entities = [Ent("Gore", "PER", "USA", titles=("senator",)), Ent("Senatet", "ORG", "USA")]
    article = parsed_article(text, "nb", entities, rows(RELATIVE_NB))
    rejections = of_type(code(article), "REJECT")
    assert rejections
    assert "Gore" not in names(article, rejections[0].actors)


MODIFIER_EN = """
The DET det 3
US PROPN compound 3
air NOUN compound 3
strikes NOUN nsubj 4
hit VERB ROOT 4
Iraq PROPN obj 4
. PUNCT punct 4
"""


def test_a_country_qualifying_a_trigger_noun_is_its_doer_en() -> None:
    text = "The US air strikes hit Iraq."
    article = parsed_article(text, "en", [Ent("US", "GPE", "USA"), IRAQ], rows(MODIFIER_EN))
    attacks = of_type(code(article), "ASSAULT")
    assert attacks
    assert "US" in names(article, attacks[0].source)
    assert "Iraq" not in names(article, attacks[0].source)


MODIFIER_NB = """
Russlands PROPN nmod 1
angrep NOUN nsubj 2
rammet VERB ROOT 2
Kyiv PROPN obj 2
. PUNCT punct 2
"""


def test_a_country_qualifying_a_trigger_noun_is_its_doer_nb() -> None:
    text = "Russlands angrep rammet Kyiv."
    entities = [Ent("Russland", "GPE", "RUS", aliases=("Russlands",)), Ent("Kyiv", "GPE", "UKR")]
    article = parsed_article(text, "nb", entities, rows(MODIFIER_NB))
    attacks = of_type(code(article), "ASSAULT")
    assert attacks
    assert "Russland" in names(article, attacks[0].source)


MEETING_EN = """
Obama PROPN nsubj 1
shook VERB ROOT 1
hands NOUN obj 1
with ADP case 4
Hu PROPN nmod 2
in ADP case 8
a DET det 8
bilateral ADJ amod 8
meeting NOUN obl 1
. PUNCT punct 1
"""


def test_a_trigger_noun_in_a_place_phrase_shares_the_verbs_subject() -> None:
    text = "Obama shook hands with Hu in a bilateral meeting."
    entities = [Ent("Obama", "PER", "USA", titles=("President",)), Ent("Hu", "PER", "CHN")]
    article = parsed_article(text, "en", entities, rows(MEETING_EN))
    meetings = of_type(code(article), "CONSULT")
    assert meetings
    assert {"USA", "CHN"} <= set(meetings[0].countries)


# Verb-second clauses read without a parse (de, da, sv): who stands after the verb.

EU = Ent("EU", "ORG", None)
FRANCE_DE = Ent("Frankreich", "GPE", "FRA")
POLAND_DE = Ent("Polen", "GPE", "POL")


def _sides(text: str, lang: str, entities: list[Ent], category: str) -> tuple[set[str], set[str]]:
    article = make_article(text, lang, entities)
    (event,) = of_type(code(article), category)
    return names(article, event.source), names(article, event.target)


def test_a_fronted_noun_phrase_is_the_subject_and_the_name_after_the_verb_an_object_de() -> None:
    text = "Die Bundesregierung kritisierte Frankreich am Montag scharf."
    source, target = _sides(text, "de", [FRANCE_DE], "ACCUSE")
    assert "Frankreich" not in source
    assert "Frankreich" in target


def test_a_name_after_the_verb_of_a_clause_opening_with_a_time_is_its_subject_de() -> None:
    text = "Am Montag kritisierte Polen Frankreich scharf."
    source, target = _sides(text, "de", [POLAND_DE, FRANCE_DE], "ACCUSE")
    assert source == {"Polen"}
    assert "Frankreich" in target


def test_a_genitive_name_after_a_noun_is_its_possessor_no_subject_de() -> None:
    text = "Am Montag lehnte die Regierung den Vorschlag der EU ab."
    source, _ = _sides(text, "de", [EU], "REJECT")
    assert "EU" not in source
    inverted = "Am Montag lehnte Frankreich den Vorschlag der EU ab."
    source, _ = _sides(inverted, "de", [FRANCE_DE, EU], "REJECT")
    assert source == {"Frankreich"}


def test_a_fronted_noun_phrase_is_the_subject_da() -> None:
    text = "Den nye regering kritiserede Frankrig i går."
    source, target = _sides(text, "da", [Ent("Frankrig", "GPE", "FRA")], "ACCUSE")
    assert "Frankrig" not in source
    assert "Frankrig" in target


# Where a speech act was made is no party to it; a place in the act it names is.

IRAQ = Ent("Iraq", "GPE", "IRQ")
MOSCOW = Ent("Moscow", "GPE", "RUS", lat=55.75, lon=37.62)

AGREED_IN_MOSCOW = """
Iran PROPN nsubj 3
and CCONJ cc 2
Iraq PROPN conj 0
agreed VERB ROOT 3
in ADP case 5
Moscow PROPN obl 3
to PART mark 7
exchange VERB xcomp 3
prisoners NOUN obj 7
. PUNCT punct 3
"""

THREATENED_TO_BAN = """
Iran PROPN nsubj 1
threatened VERB ROOT 1
to PART mark 3
ban VERB xcomp 1
observers NOUN obj 3
in ADP case 6
Iraq PROPN obl 3
. PUNCT punct 1
"""


def test_the_place_where_a_verbal_act_was_made_is_no_target() -> None:
    text = "Iran and Iraq agreed in Moscow to exchange prisoners."
    article = parsed_article(
        text, "en", [Ent("Iran", "GPE", "IRN"), IRAQ, MOSCOW], rows(AGREED_IN_MOSCOW)
    )
    (event,) = of_type(code(article), "AGREE")
    assert "Moscow" not in names(article, event.target)


def test_a_place_in_the_act_a_threat_names_is_its_target() -> None:
    text = "Iran threatened to ban observers in Iraq."
    article = parsed_article(text, "en", [Ent("Iran", "GPE", "IRN"), IRAQ], rows(THREATENED_TO_BAN))
    (event,) = of_type(code(article), "THREATEN")
    assert names(article, event.target) == {"Iraq"}
