"""Sense from the sentence's surroundings and parties (newsgraph.events.sense): criticism read as
an attack, sport next door, disasters, animals, non-political bodies, and the lexical senses of
`figurative` in resources/<lang>/events.toml.

Sentences are written for these tests; parses, where given, are by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article

from .builders import Ent, FakeGeo, make_article
from .test_grounding import _parsed

UKRAINE = Ent("Ukraine", "GPE", "UKR")
RUSSIA = Ent("Russia", "GPE", "RUS")
PUTIN = Ent("Putin", "PER", "RUS")


def coded(article: Article) -> list[tuple[str, str]]:
    events = EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)
    return [(e.type, e.factuality) for e in events]


def types(text: str, lang: str, entities: list[Ent]) -> list[str]:
    return [kind for kind, _ in coded(make_article(text, lang, entities))]


# ---------------------------------------------------------------- criticism, not violence


def test_attacking_a_policy_is_criticism() -> None:
    text = "The Russian president attacked Ukraine's policy on gas in Moscow on Monday."
    assert types(text, "en", [UKRAINE]) == ["ACCUSE"]


def test_attacking_positions_stays_an_assault() -> None:
    text = "Russian troops attacked Ukraine's positions on Monday."
    assert types(text, "en", [UKRAINE]) == ["ASSAULT"]


def test_criticism_object_after_a_comma_does_not_count() -> None:
    text = "Russian troops attacked Ukraine on Monday, the statement said."
    assert "ASSAULT" in types(text, "en", [UKRAINE])


def test_german_particle_verb_attack_on_a_policy_is_criticism() -> None:
    text = "Der Kanzler griff die Politik Russlands im Bundestag an."
    assert types(text, "de", [Ent("Russland", "GPE", "RUS")]) == ["ACCUSE"]


def test_french_attack_on_a_policy_is_criticism() -> None:
    text = "La Russie a attaqué la politique de l'Ukraine."
    entities = [UKRAINE, Ent("Russie", "GPE", "RUS")]
    assert types(text, "fr", entities) == ["ACCUSE"]


# ---------------------------------------------------------------- sport next door


def test_meeting_next_to_sport_talk_is_a_match() -> None:
    text = "Norway meets Russia tonight. The goalkeeper was injured in the last game."
    assert types(text, "en", [Ent("Norway", "GPE", "NOR"), RUSSIA]) == []


def test_norwegian_meeting_next_to_sport_talk_is_a_match() -> None:
    text = "Norge møter Russland i kveld. Keeperen var skadet i forrige kamp."
    entities = [Ent("Norge", "GPE", "NOR"), Ent("Russland", "GPE", "RUS")]
    assert types(text, "nb", entities) == []


def test_norwegian_meeting_without_sport_talk_is_kept() -> None:
    entities = [Ent("Norge", "GPE", "NOR"), Ent("Russland", "GPE", "RUS")]
    assert types("Norge møter Russland i kveld.", "nb", entities) == ["CONSULT"]


def test_danish_and_german_matches_next_to_sport_talk() -> None:
    danish = "Danmark møder Rusland i aften. Målmanden var skadet i sidste kamp."
    danes = [Ent("Danmark", "GPE", "DNK"), Ent("Rusland", "GPE", "RUS")]
    assert types(danish, "da", danes) == []
    german = "Deutschland trifft heute auf Russland. Der Torwart war im letzten Spiel verletzt."
    germans = [Ent("Deutschland", "GPE", "DEU"), Ent("Russland", "GPE", "RUS")]
    assert types(german, "de", germans) == []


def test_political_noun_keeps_a_meeting_next_to_sport_talk() -> None:
    text = (
        "Norway's troops meet Russian troops at the border tonight. "
        "The goalkeeper was injured in the last game."
    )
    assert "CONSULT" in types(text, "en", [Ent("Norway", "GPE", "NOR", aliases=("Norway's",))])


# ---------------------------------------------------------------- disasters and accidents


def test_state_of_emergency_over_a_hurricane_is_no_coercion() -> None:
    text = "Ukraine's governor declared a state of emergency ahead of the hurricane."
    assert types(text, "en", [UKRAINE]) == []


def test_state_of_emergency_over_riots_is_kept() -> None:
    text = "Ukraine declared a state of emergency after the riots."
    assert "COERCE" in types(text, "en", [UKRAINE])


def test_norwegian_state_of_emergency_after_an_earthquake_is_no_coercion() -> None:
    text = "Regjeringen i Ukraina erklærte unntakstilstand etter jordskjelvet."
    assert types(text, "nb", [Ent("Ukraina", "GPE", "UKR")]) == []


# ---------------------------------------------------------------- animals


def _attack_parse(subject: list[tuple[str, str, str, int]]) -> list[tuple[str, str, str, int]]:
    verb = len(subject)
    return [
        *subject,
        ("attacked", "VERB", "ROOT", verb),
        ("Ukraine's", "PROPN", "nmod:poss", verb + 2),
        ("soldiers", "NOUN", "obj", verb),
        (".", "PUNCT", "punct", verb),
    ]


def test_animal_as_subject_reports_no_assault() -> None:
    parse = _attack_parse([("A", "DET", "det", 1), ("bat", "NOUN", "nsubj", 2)])
    entities = [Ent("Ukraine", "GPE", "UKR", aliases=("Ukraine's",))]
    article = _parsed("A bat attacked Ukraine's soldiers.", "en", entities, parse)
    assert "ASSAULT" not in [kind for kind, _ in coded(article)]


def test_soldiers_as_subject_keep_the_assault() -> None:
    parse = _attack_parse([("Russian", "ADJ", "amod", 1), ("soldiers", "NOUN", "nsubj", 2)])
    entities = [Ent("Ukraine", "GPE", "UKR", aliases=("Ukraine's",))]
    article = _parsed("Russian soldiers attacked Ukraine's soldiers.", "en", entities, parse)
    assert "ASSAULT" in [kind for kind, _ in coded(article)]


def test_norwegian_wolf_as_subject_reports_no_assault() -> None:
    text = "En ulv angrep den russiske ministeren."
    parse = [
        ("En", "DET", "det", 1),
        ("ulv", "NOUN", "nsubj", 2),
        ("angrep", "VERB", "ROOT", 2),
        ("den", "DET", "det", 5),
        ("russiske", "ADJ", "amod", 5),
        ("ministeren", "NOUN", "obj", 2),
        (".", "PUNCT", "punct", 2),
    ]
    assert "ASSAULT" not in [kind for kind, _ in coded(_parsed(text, "nb", [], parse))]


# ---------------------------------------------------------------- lexical senses


def test_pledged_delegates_are_a_count_not_a_promise() -> None:
    assert types("The Ukrainian minister has 300 pledged delegates.", "en", [UKRAINE]) == []


def test_first_meeting_years_ago_is_background() -> None:
    assert types("Putin and the Ukrainian president first met in 2005.", "en", [PUTIN]) == []
    text = "Putin met the Ukrainian president twenty years ago."
    assert types(text, "en", [PUTIN]) == []


def test_norwegian_meeting_years_ago_is_background() -> None:
    text = "Ukrainas president og Putin møttes første gang for ti år siden."
    assert types(text, "nb", [Ent("Ukraina", "GPE", "UKR"), PUTIN]) == []


def test_discussing_in_an_interview_is_no_meeting() -> None:
    text = "In the interview, the Ukrainian president discusses Russia."
    assert types(text, "en", [RUSSIA]) == []


def test_executive_order_is_no_signed_agreement() -> None:
    assert types("Ukraine signed an executive order delaying the vote.", "en", [UKRAINE]) == []
    assert types("Ukraine and Russia signed an agreement.", "en", [UKRAINE, RUSSIA]) == ["SUPPORT"]


def test_lasting_recognition_is_no_event() -> None:
    tibet = Ent("Tibet", "GPE", "CHN")
    assert types("Tibet is recognised only by Russia.", "en", [tibet, RUSSIA]) == []


def test_evacuation_to_hospital_is_no_retreat() -> None:
    text = "The Ukrainian prime minister was evacuated to a hospital in Kyiv."
    assert types(text, "en", [UKRAINE]) == []


def test_declining_to_answer_is_no_rejection() -> None:
    text = "Russia declined to answer questions from Ukraine."
    assert types(text, "en", [UKRAINE, RUSSIA]) == []


def test_reporters_invading_a_town_is_no_assault() -> None:
    text = "Reporters from Russia invaded the Ukrainian town for the festival."
    assert types(text, "en", [RUSSIA]) == []


def test_an_end_to_attacks_is_no_assault() -> None:
    hamas, israel, egypt = (
        Ent("Hamas", "ORG"),
        Ent("Israel", "GPE", "ISR"),
        Ent("Egypt", "GPE", "EGY"),
    )
    assert types("Hamas announced an end to rocket attacks on Israel.", "en", [hamas, israel]) == []
    assert types("Egypt convinced Hamas to end the attacks.", "en", [egypt, hamas]) == []
    assert types("Hamas launched rocket attacks on Israel.", "en", [hamas, israel]) == ["ASSAULT"]


def test_being_seen_as_a_threat_is_no_threat() -> None:
    text = "Any Russian attack on Ukraine could be seen as a direct threat by China."
    assert "THREATEN" not in types(text, "en", [UKRAINE, Ent("China", "GPE", "CHN")])
    assert types("Russia threatened Ukraine with a direct attack.", "en", [UKRAINE, RUSSIA]) == [
        "THREATEN"
    ]


def test_a_conviction_thrown_out_or_overturned_is_no_sanction() -> None:
    thrown = "A Ukrainian judge threw out the old conviction of the Russian spy."
    assert types(thrown, "en", [UKRAINE]) == []
    overturned = "A Ukrainian court overturned the conviction of the Russian spy."
    assert types(overturned, "en", [UKRAINE]) == []
    assert types("A Ukrainian court convicted the Russian spy.", "en", [UKRAINE]) == ["SANCTION"]


def test_offering_an_explanation_is_no_promise() -> None:
    text = "The Ukrainian minister offered an explanation to Russia."
    assert types(text, "en", [UKRAINE, RUSSIA]) == []


def test_declining_to_run_is_no_rejection() -> None:
    text = "The Ukrainian president declined to run for a second term, Russia said."
    assert types(text, "en", [RUSSIA]) == []


def test_receiving_refugees_is_no_visit() -> None:
    norwegian = [Ent("Kina", "GPE", "CHN"), Ent("Russland", "GPE", "RUS")]
    assert types("Kina tok imot tusen flyktninger fra Russland i fjor.", "nb", norwegian) == []
    assert types("Kina tok imot Russlands president i fjor.", "nb", norwegian) == ["CONSULT"]
    swedish = [Ent("Sverige", "GPE", "SWE"), Ent("Syrien", "GPE", "SYR")]
    assert types("Sverige tog emot tusen flyktingar från Syrien i går.", "sv", swedish) == []
    danish = [Ent("Danmark", "GPE", "DNK"), Ent("Syrien", "GPE", "SYR")]
    assert types("Danmark tog imod tusind flygtninge fra Syrien sidste år.", "da", danish) == []
    french = [Ent("Russie", "GPE", "RUS")]
    assert types("La Russie a reçu des milliers de réfugiés ukrainiens.", "fr", french) == []


def test_signing_a_decree_is_no_signed_agreement_in_swedish_and_french() -> None:
    swedish = [Ent("Sverige", "GPE", "SWE"), Ent("Ryssland", "GPE", "RUS")]
    assert types("Sverige undertecknade ett dekret om Ryssland.", "sv", swedish) == []
    french = [Ent("Macron", "PER", "FRA"), Ent("Russie", "GPE", "RUS")]
    assert types("Le président Macron a signé un décret sur la Russie.", "fr", french) == []


def test_french_portfolio_received_is_no_reception() -> None:
    given = [Ent("Macron", "PER", "FRA"), Ent("France", "GPE", "FRA")]
    text = "Macron reçoit la Défense dans le gouvernement de la France."
    assert types(text, "fr", given) == []
    guests = [Ent("Macron", "PER", "FRA"), Ent("Russie", "GPE", "RUS")]
    assert types("Macron reçoit le président de la Russie.", "fr", guests) == ["CONSULT"]


def test_german_welcoming_a_proposal_is_support_not_a_reception() -> None:
    russia = [Ent("Russland", "GPE", "RUS")]
    text = "Der Kanzler begrüßte den Vorstoß Russlands: Wir brauchen Frieden in der Region."
    assert types(text, "de", russia) == ["SUPPORT"]
    guests = [*russia, Ent("Berlin", "GPE", "DEU")]
    assert types("Der Kanzler begrüßte den russischen Präsidenten in Berlin.", "de", guests) == [
        "CONSULT"
    ]


def test_an_agreement_that_a_policy_builds_on_is_no_signing() -> None:
    parties = [Ent("Norge", "GPE", "NOR"), Ent("EU", "ORG")]
    standing = (
        "Regjeringen legger til grunn at Norges tilknytning til EU bygger på EØS-avtalen "
        "og andre samarbeidsavtaler med EU."
    )
    assert types(standing, "nb", parties) == []
    assert types("Norge og EU inngikk en ny samarbeidsavtale i går.", "nb", parties) == ["SUPPORT"]


def test_a_character_played_by_an_actor_meets_no_one() -> None:
    people = [Ent("Bill Clinton", "PER", "USA"), Ent("Russland", "GPE", "RUS")]
    plot = "Will jobber for Bill Clintons valgkamp, og der møter han Russlands ambassadør"
    assert types(f"{plot}, spilt av Rachel Weisz.", "nb", people) == []
    assert types(f"{plot}.", "nb", people) == ["CONSULT"]


def test_ignored_or_not_is_an_idiom() -> None:
    text = "Ignored or not, foreign leaders from Russia have a duty to remind Ukraine."
    assert types(text, "en", [UKRAINE, RUSSIA]) == []
    assert types("Russia rejected the offer from Ukraine.", "en", [UKRAINE, RUSSIA]) == ["REJECT"]


def test_discussed_in_a_white_paper_is_no_meeting() -> None:
    parties = [Ent("Russland", "GPE", "RUS"), Ent("Norge", "GPE", "NOR"), Ent("Kina", "GPE", "CHN")]
    paper = (
        "En omlegging av forholdet til Russland vil bli drøftet i den kommende "
        "stortingsmeldingen om Norge."
    )
    assert types(paper, "nb", parties) == []
    talks = "Norge drøftet forholdet til Russland med Kina i går."
    assert types(talks, "nb", parties) == ["CONSULT"]


def test_hosting_an_exhibition_is_no_reception() -> None:
    assert types("Russia hosted an exhibition on Ukraine in Moscow.", "en", [UKRAINE, RUSSIA]) == []
    assert types("Russia hosted the Ukrainian president in Moscow.", "en", [UKRAINE]) == ["CONSULT"]
    swedes = [Ent("Sverige", "GPE", "SWE"), Ent("Ryssland", "GPE", "RUS")]
    assert types("Sverige var värd för en utställning om Ryssland.", "sv", swedes) == []
