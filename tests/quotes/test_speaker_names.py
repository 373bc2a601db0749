"""Speakers named in the frame in ways the entity layer does not mark: a surname with its particle
("sagte von Preen"), a role noun before the name where nouns are capitalised ("der Vorsitzende
Jörg Hansen"), a title abbreviation ("enligt dr Lund"), and a definite role noun after a source
cue that is an article, not a link ("so der Firmenchef")."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

BRAUN = Person("p1", "Clara von Braun", ["Clara von Braun", "Braun"])
HANSEN = Person("p2", "Jörg Hansen", ["Jörg Hansen", "Hansen"])
LUND = Person("p3", "Erik Lund", ["Erik Lund", "Lund"])
VILLARD = Person("p4", "Marc de Villard", ["Marc de Villard", "Villard"])
STADT = Person("o1", "Stadtwerke", ["Stadtwerke"], type="ORG")


def test_german_surname_with_its_particle_names_the_speaker() -> None:
    text = (
        "„Wir bauen das Netz aus“, sagte Verbandschefin Clara von Braun. Die Kosten steigen. "
        "„Es wird teuer“, sagte von Braun."
    )
    quote = find(quotes_of(text, "de", BRAUN), "Es wird teuer")
    assert quote.speaker == "p1"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "von Braun"


def test_french_surname_with_de_names_the_speaker() -> None:
    text = "Marc de Villard dirige le port. « Le trafic reprend », a déclaré de Villard."
    quote = find(quotes_of(text, "fr", VILLARD), "Le trafic reprend")
    assert quote.speaker == "p4"


def test_german_preposition_before_a_lower_case_word_still_ends_the_speaker() -> None:
    text = "„Das Netz wächst“, sagte Hansen von sich aus."
    quote = find(quotes_of(text, "de", HANSEN), "Das Netz wächst")
    assert quote.speaker == "p2"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Hansen"


def test_german_role_noun_before_a_name_is_its_apposition() -> None:
    text = "Den Plan kenne er nicht, sagt der Vereinsvorsitzende Jörg Hansen."
    quote = find(quotes_of(text, "de", HANSEN), "Den Plan kenne er nicht")
    assert quote.speaker == "p2"


def test_german_compound_role_before_a_known_surname_names_the_person() -> None:
    text = "Jörg Hansen wartet ab. „Die Mieten steigen“, sagt Mieterbund-Organisator Hansen."
    quote = find(quotes_of(text, "de", HANSEN), "Die Mieten steigen")
    assert quote.speaker == "p2"


def test_german_organisation_before_a_name_with_a_preposition_is_no_apposition() -> None:
    text = "„Wir liefern nicht“, sagt ein Sprecher der Stadtwerke gegenüber Jörg Hansen."
    quote = find(quotes_of(text, "de", HANSEN, STADT), "Wir liefern nicht")
    assert quote.speaker != "p2"


def test_swedish_title_abbreviation_before_a_known_surname() -> None:
    text = "Erik Lund har forskat länge. Framgången beror enligt dr Lund på flera faktorer."
    quote = find(quotes_of(text, "sv", LUND), "Framgången beror")
    assert quote.speaker == "p3"


def test_german_so_der_role_names_the_person_just_quoted() -> None:
    text = (
        "„Wir haben volle Auftragsbücher“, sagte Konzernchef Jörg Hansen am Dienstag. "
        "„Das hatten wir nicht einmal vor der Krise“, so der Firmenchef."
    )
    quote = find(quotes_of(text, "de", HANSEN), "nicht einmal vor der Krise")
    assert quote.speaker == "p2"


def test_german_laut_der_behoerde_keeps_the_article_out_of_a_link() -> None:
    text = "Die Leitung sei laut der Stadtwerke seit Montag repariert."
    quote = find(quotes_of(text, "de", STADT), "Die Leitung")
    assert quote.speaker == "o1"


WOODS = Person("p5", "Tom Woods", ["Tom Woods", "Woods"])
ELDER = Person("p6", "Lee Elder", ["Lee Elder", "Elder"])


def test_german_definite_role_with_an_adverb_names_the_person_just_mentioned() -> None:
    text = (
        "Woods, der Elder viel verdankt, bekam Mut von seinem Vorbild. „Lee Elder kam zu mir“, "
        "so der 15-malige Major-Sieger rückblickend."
    )
    quote = find(quotes_of(text, "de", WOODS, ELDER), "Lee Elder kam zu mir")
    assert quote.speaker == "p5"


def test_german_definite_role_with_a_complement_is_someone_new() -> None:
    text = (
        "Woods bekam Mut von seinem Vorbild. „Der Platz ist gesperrt“, sagte der Sprecher des "
        "Golfclubs am Abend."
    )
    quote = find(quotes_of(text, "de", WOODS), "Der Platz ist gesperrt")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert "Sprecher" in quote.speaker_description.text


NIELSEN = Person("p7", "Lars Nielsen", ["Lars Nielsen", "Nielsen"])
VENSTRE = Person("o2", "Venstre", ["Venstre"], type="ORG")
POLISEN = Person("o3", "Polisen", ["polisen"], type="ORG")


def test_danish_role_with_a_complement_before_the_verb_is_the_speaker_not_the_body() -> None:
    text = "Chefen for den jugoslaviske hær siger, at hans styrker er i alarmberedskab."
    quote = find(quotes_of(text, "da"), "hans styrker")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text.startswith("Chefen for")


def test_swedish_role_with_a_complement_is_not_the_organisation_in_it() -> None:
    text = "Chefen för polisen säger att läget är lugnt."
    quote = find(quotes_of(text, "sv", POLISEN), "läget är lugnt")
    assert quote.speaker != "o3"
    assert quote.speaker_description is not None
    assert quote.speaker_description.text.startswith("Chefen")


def test_danish_person_before_a_party_complement_stays_the_speaker() -> None:
    text = "Nielsen fra Venstre siger, at loven er god. Lars Nielsen er glad."
    quote = find(quotes_of(text, "da", NIELSEN, VENSTRE), "loven er god")
    assert quote.speaker == "p7"


SOMMER = Person("p8", "Lutz Sommer", ["Lutz Sommer", "Sommer"])
HAHN = Person("p9", "Paul Hahn", ["Paul Hahn", "Hahn"])


def test_pronoun_after_a_fronted_reported_clause_skips_the_name_inside_it() -> None:
    text = "Zuletzt rufen wir Lutz Sommer an. Hahn kenne er privat, sagt er."
    quote = find(quotes_of(text, "de", SOMMER, HAHN), "Hahn kenne er privat")
    assert quote.speaker == "p8"


def test_danish_pronoun_after_a_fronted_clause_means_the_person_before() -> None:
    text = "Vi ringer til Lars Nielsen. Venstre har tabt, siger han."
    quote = find(quotes_of(text, "da", NIELSEN, VENSTRE), "Venstre har tabt")
    assert quote.speaker == "p7"


def test_pronoun_after_a_quote_still_means_the_last_person_named() -> None:
    text = "Lutz Sommer kam spät. Paul Hahn wartete. „Ich bin müde“, sagte er."
    quote = find(quotes_of(text, "de", SOMMER, HAHN), "Ich bin müde")
    assert quote.speaker == "p9"


MEYER_DE = Person("p21", "Jan Meyer", ["Jan Meyer", "Meyer"])
VOGT_DE = Person("p22", "Anna Vogt", ["Anna Vogt", "Vogt"])


def test_german_person_in_a_phrase_between_auxiliary_and_participle_is_not_the_speaker() -> None:
    text = "Meyer hatte in einem Gespräch mit Anna Vogt gesagt, dass die Fabrik bleibt."
    quote = find(quotes_of(text, "de", MEYER_DE, VOGT_DE), "die Fabrik bleibt")
    assert quote.speaker == "p21"


def test_danish_person_after_over_for_before_the_participle_is_not_the_speaker() -> None:
    hansen = Person("p23", "Ole Hansen", ["Ole Hansen", "Hansen"])
    berg = Person("p24", "Mette Berg", ["Mette Berg", "Berg"])
    text = "Hansen har over for Mette Berg sagt, at fabrikken bliver i byen."
    quote = find(quotes_of(text, "da", hansen, berg), "fabrikken bliver")
    assert quote.speaker == "p23"


def test_german_agent_of_a_passive_stays_the_speaker() -> None:
    bahn = Person("o22", "Deutsche Bahn", ["Deutsche Bahn", "Bahn"], type="ORG")
    text = "Den Fahrgästen wurde von der Bahn bestätigt, dass der Zug ausfällt."
    quote = find(quotes_of(text, "de", bahn), "der Zug ausfällt")
    assert quote.speaker == "o22"


def test_english_name_after_a_preposition_before_a_finite_verb_stays_the_speaker() -> None:
    reuters = Person("o21", "Reuters", ["Reuters"], type="ORG")
    text = "Shares were lower on Tuesday after Reuters reported that the deal had collapsed."
    quote = find(quotes_of(text, "en", reuters), "the deal had collapsed")
    assert quote.speaker == "o21"


def test_german_object_pronoun_between_the_verb_and_its_subject_is_skipped() -> None:
    text = "„Das entscheidet der Vorstand allein“, sagt uns ein Sprecher des Konzerns."
    quote = find(quotes_of(text, "de"), "der Vorstand allein")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text.startswith("ein Sprecher")
