"""Speakers of inverted and closing frames in French, German and Danish news prose."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

VAUTRIN = Person("p1", "Claire Vautrin", ["Claire Vautrin", "Vautrin"])
OSTERKAMP = Person("p1", "Henrike Osterkamp", ["Henrike Osterkamp", "Osterkamp"])
KJAERGAARD = Person("p1", "Mette Kjærgaard", ["Mette Kjærgaard", "Kjærgaard"])


def test_adverb_between_an_inverted_verb_and_its_speaker() -> None:
    text = "« Le chantier reprendra en mai », rappelle ainsi Claire Vautrin."
    assert find(quotes_of(text, "fr", VAUTRIN), "chantier").speaker == "p1"


def test_french_magazine_verbs_of_the_inverted_frame() -> None:
    for verb in ("soupire", "glisse", "résume", "conseille", "assène", "rétorque"):
        text = f"« Il est trop tard », {verb} Claire Vautrin."
        assert find(quotes_of(text, "fr", VAUTRIN), "trop tard").speaker == "p1", verb


def test_german_verbs_of_the_inverted_frame() -> None:
    for verb in ("entgegnete", "bemerkte", "bilanziert", "mahnte"):
        text = f"„Das reicht nicht“, {verb} Henrike Osterkamp."
        assert find(quotes_of(text, "de", OSTERKAMP), "reicht").speaker == "p1", verb


def test_danish_verbs_of_the_inverted_frame() -> None:
    for verb in ("vurderer", "uddyber", "erkender", "pointerer"):
        text = f"»Vi er klar til næste runde«, {verb} Mette Kjærgaard."
        assert find(quotes_of(text, "da", KJAERGAARD), "næste runde").speaker == "p1", verb


def test_danish_bare_clause_after_vurderer() -> None:
    text = "Kjærgaard vurderer, at prisen vil falde i foråret."
    quote = find(quotes_of(text, "da", KJAERGAARD), "prisen vil falde")
    assert (quote.speaker, quote.kind) == ("p1", "indirect")


def test_definite_role_with_no_entity_names_the_speaker_just_quoted() -> None:
    text = (
        "„Das Risiko steigt“, sagt Henrike Osterkamp. Die Lage sei ernst. "
        "„Wir wissen zu wenig“, sagt die Virologin."
    )
    assert find(quotes_of(text, "de", OSTERKAMP), "zu wenig").speaker == "p1"


def test_indefinite_role_is_someone_new_and_described() -> None:
    text = "„Das Risiko steigt“, sagt Henrike Osterkamp. „Wir wissen zu wenig“, sagt ein Sprecher."
    quote = find(quotes_of(text, "de", OSTERKAMP), "zu wenig")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "ein Sprecher"


def test_german_article_that_is_also_a_relative_pronoun_opens_a_role() -> None:
    text = "„Die Grenze bleibt zu“, sagt der junge Polizist."
    quote = find(quotes_of(text, "de"), "Grenze")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "der junge Polizist"


def test_verb_second_subject_after_a_fronted_time_is_described() -> None:
    text = "Im März erklärte das Präsidium, dass die Zusammenarbeit beendet sei."
    quote = find(quotes_of(text, "de"), "Zusammenarbeit")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "das Präsidium"


def test_age_before_a_name_belongs_to_the_name() -> None:
    text = "»Det går fint nu«, siger den 34-årige Mette Kjærgaard."
    assert find(quotes_of(text, "da", KJAERGAARD), "fint").speaker == "p1"


def test_colon_frame_closing_the_paragraph_before_the_quote() -> None:
    text = (
        "I avisen sier trener Jon Ruud:\n\n"
        "«Vi har aldri vært bedre forberedt. Nå gjelder det.»\n\n"
        "Kampen spilles lørdag."
    )
    ruud = Person("p1", "Jon Ruud", ["Jon Ruud"])
    assert find(quotes_of(text, "nb", ruud), "aldri vært bedre").speaker == "p1"


def test_aside_between_an_inverted_verb_and_its_speaker() -> None:
    text = "« Le budget ne suffira pas », résume quant à elle Claire Vautrin."
    assert find(quotes_of(text, "fr", VAUTRIN), "budget").speaker == "p1"


def test_abbreviated_title_before_a_known_surname() -> None:
    text = (
        "« Le budget ne suffira pas », explique Claire Vautrin. "
        "« Il faut attendre », indique la Pr Vautrin-Leroy."
    )
    person = Person("p1", "Claire Vautrin-Leroy", ["Claire Vautrin"])
    assert find(quotes_of(text, "fr", person), "attendre").speaker == "p1"


REGIERUNG = Person("o1", "südkoreanische Regierung", ["der südkoreanischen Regierung"], "ORG")
MINISTERIUM = Person("o1", "Innenministerium", ["Innenministeriums"], "ORG")
MACRON = Person("p2", "Emmanuel Macron", ["Emmanuel Macron", "Macron"])
BRENNEISEN = Person("p1", "Thomas Brenneisen", ["Thomas Brenneisen", "Brenneisen"])


def test_german_title_with_a_genitive_body_is_described_not_the_body() -> None:
    text = (
        "Am Sonntag hatte der Sicherheitsberater der südkoreanischen Regierung am Montag gesagt, "
        "die Lage sei „stabil“."
    )
    quote = find(quotes_of(text, "de", REGIERUNG), "stabil")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert "Sicherheitsberater der südkoreanischen Regierung" in quote.speaker_description.text


def test_german_spokesman_of_a_ministry_keeps_the_ministry_in_the_description() -> None:
    text = "„Wir prüfen das“, sagte ein Sprecher des Innenministeriums am Montag."
    quote = find(quotes_of(text, "de", MINISTERIUM), "prüfen")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "ein Sprecher des Innenministeriums"


def test_french_relation_noun_names_someone_close_to_the_person_not_another() -> None:
    text = (
        "Emmanuel Macron était absent. "
        "« Il est redoutable », selon une amie de Claire Vautrin. Macron a quitté la salle."
    )
    quote = find(quotes_of(text, "fr", MACRON, VAUTRIN), "redoutable")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "une amie de Claire Vautrin"


def test_french_title_and_name_after_its_complement_is_the_person() -> None:
    text = "« Nous restons prudents », a déclaré le président de la République Emmanuel Macron."
    assert find(quotes_of(text, "fr", MACRON), "prudents").speaker == "p2"


def test_german_coordinated_titles_before_a_name() -> None:
    text = "„Die Arbeit bleibt“, sagt der Publizist und Philosoph Thomas Brenneisen im Radio."
    assert find(quotes_of(text, "de", BRENNEISEN), "Arbeit").speaker == "p1"


def test_english_spokesman_for_a_ministry_is_described() -> None:
    ministry = Person("o1", "Interior Ministry", ["Interior Ministry"], "ORG")
    text = '"We are careful," said a spokesman for the Interior Ministry.'
    quote = find(quotes_of(text, "en", ministry), "careful")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text.startswith("a spokesman")


def test_norwegian_named_speaker_after_a_title_is_unchanged() -> None:
    person = Person("p1", "Kari Nordmann", ["Kari Nordmann"])
    text = "– Vi er forsiktige, sier statsråd Kari Nordmann til NTB."
    assert find(quotes_of(text, "nb", person), "forsiktige").speaker == "p1"


def test_french_view_holder_after_pour_before_que() -> None:
    text = (
        "L’essor des podcasts confirme aujourd’hui pour Claire Vautrin que la radio change "
        "de forme."
    )
    quote = find(quotes_of(text, "fr", VAUTRIN), "la radio change")
    assert quote.speaker == "p1"


def test_french_pour_before_an_organisation_names_no_holder() -> None:
    ministry = Person("o1", "ministère de l'Intérieur", ["ministère de l'Intérieur"], "ORG")
    text = "Le rapport confirme pour le ministère de l'Intérieur que la fraude recule."
    quotes = quotes_of(text, "fr", ministry)
    assert all(q.speaker != "o1" for q in quotes)


def test_french_person_subject_keeps_the_speech_verb() -> None:
    text = "Claire Vautrin affirme pour sa part que la radio change de forme."
    quote = find(quotes_of(text, "fr", VAUTRIN), "la radio change")
    assert quote.speaker == "p1"


def test_german_quantified_group_before_a_colon_frame_is_described() -> None:
    text = (
        "„Ich bleibe ruhig“, sagt Henrike Osterkamp. "
        "Einige Nachbarn hätten ihr sogar gesagt: „Das geht wieder los.“"
    )
    quote = find(quotes_of(text, "de", OSTERKAMP), "geht wieder")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Einige Nachbarn"


def test_german_konjunktiv_after_the_speaker_still_reports() -> None:
    text = "Henrike Osterkamp sagte, die Lage sei ernst."
    quote = find(quotes_of(text, "de", OSTERKAMP), "Lage")
    assert (quote.speaker, quote.kind) == ("p1", "indirect")


NIELSEN = Person("p1", "Lars Lynge Nielsen", ["Lars Lynge Nielsen"])
ZAGREB = Person("g1", "Zagreb", ["Zagreb"], type="GPE")
HESS = Person("p1", "Stephen Hess", ["Stephen Hess"])


def test_danish_fronted_place_is_no_subject_of_the_verb_after_it() -> None:
    text = (
        "I Kroatiens hovedstad Zagreb sagde den danske leder af flygtningeorganisationen, "
        "Lars Lynge Nielsen, at presset har rystet de serbiske ledere."
    )
    quote = find(quotes_of(text, "da", NIELSEN, ZAGREB), "rystet de serbiske")
    assert quote.speaker == "p1"


def test_danish_apposition_after_a_bracketed_short_name_is_the_speaker() -> None:
    text = (
        "»Presset virker«, sagde lederen af FNs flygtningeorganisation (UNHCR), Lars Lynge Nielsen."
    )
    assert find(quotes_of(text, "da", NIELSEN), "Presset virker").speaker == "p1"


def test_danish_name_after_a_role_and_comma_with_its_own_complement() -> None:
    text = (
        "»Han er vokset med opgaven«, siger en ekspert i amerikanske valgkampe, Stephen Hess "
        "fra tænketanken Brookings Institution."
    )
    assert find(quotes_of(text, "da", HESS), "vokset med opgaven").speaker == "p1"


def test_danish_adverbials_and_addressee_before_the_comma_and_at() -> None:
    text = "Lars Lynge Nielsen sagde i aftes til Ritzaus Bureau, at presset har rystet lederne."
    assert find(quotes_of(text, "da", NIELSEN), "rystet lederne").speaker == "p1"


ROBERTS = Person("p1", "Cliff Roberts", ["Cliff Roberts"])


def test_german_relative_clause_with_a_year_before_its_speech_verb() -> None:
    text = (
        "Die Erklärung des Mitbegründers des Clubs, Cliff Roberts, der 1933 sagte, dass in "
        "Augusta „alle Golfer weiß sein werden“, hatte Bestand."
    )
    assert find(quotes_of(text, "de", ROBERTS), "alle Golfer").speaker == "p1"


def test_german_relative_clause_with_a_weekday_before_its_speech_verb() -> None:
    text = "Cliff Roberts, der am Montag sagte, dass „alle Golfer weiß sein werden“, schwieg."
    assert find(quotes_of(text, "de", ROBERTS), "alle Golfer").speaker == "p1"


KRISTUS = Person("p1", "Kristus", ["Kristus"])
GUD = Person("p2", "Gud", ["Guds"])


def test_swedish_person_in_a_prepositional_phrase_is_no_subject() -> None:
    text = (
        "Det är ingen tvekan om att Kristus med hänvisning till Guds vilja starkt har "
        "understrukit att äktenskapet i princip är livsvarigt."
    )
    assert find(quotes_of(text, "sv", KRISTUS, GUD), "livsvarigt").speaker == "p1"
