"""Speakers the NER missed, found from the speech frame that names them (fr, de, da)."""

from __future__ import annotations

from newsgraph.entities import find_entities

from .article_builder import build_article


def people(text: str, lang: str) -> list[str]:
    return [e.name for e in find_entities(build_article(text, lang)) if e.type == "PER"]


def test_name_after_an_adverb_of_the_inverted_verb() -> None:
    text = "« Le chantier reprendra en mai », rappelle ainsi Claire Vautrin, architecte."
    assert people(text, "fr") == ["Claire Vautrin"]


def test_name_after_an_article_and_a_role() -> None:
    text = "« Rien ne bouge », précise la sociologue Mireille Taupin."
    assert people(text, "fr") == ["Mireille Taupin"]


def test_name_right_before_a_speech_verb() -> None:
    text = "La chercheuse Odile Marchetti ajoute que le budget manque."
    assert people(text, "fr") == ["Odile Marchetti"]


def test_title_word_before_the_name_is_left_out() -> None:
    text = "Le ministre Paul Ferrand a déclaré que la loi passerait."
    assert people(text, "fr") == ["Paul Ferrand"]


def test_lone_first_name_with_an_apposition() -> None:
    text = "« Je reste jusqu'au bout », glisse Yanis, étudiant en droit."
    assert people(text, "fr") == ["Yanis"]


def test_lone_capitalised_word_without_an_apposition_is_no_person() -> None:
    assert people("« Tout est prêt », précise Mornac.", "fr") == []


def test_german_name_right_after_a_closing_quote() -> None:
    text = "„Wir bauen weiter“, sagt Henrike Osterkamp, die Leiterin des Werks."
    assert people(text, "de") == ["Henrike Osterkamp"]


def test_german_capitalised_nouns_after_a_verb_mid_sentence_are_no_person() -> None:
    text = "Er sagt, der Plan sei falsch, nennt Weber Namen."
    assert people(text, "de") == []


def test_danish_name_after_an_age_role() -> None:
    text = "»Det går fint nu«, siger den 34-årige Mette Kjærgaard."
    assert people(text, "da") == ["Mette Kjærgaard"]


def test_name_after_an_aside_of_the_inverted_verb() -> None:
    text = "« Le budget ne suffira pas », résume quant à elle Francine Aubert."
    assert people(text, "fr") == ["Francine Aubert"]


def test_german_lone_surname_ending_a_closing_quote_frame_is_a_person() -> None:
    text = "„Wir warten auf den zweiten Test“, betonte Lindqvist. Dann ging er."
    assert people(text, "de") == ["Lindqvist"]


def test_german_lone_capitalised_word_followed_by_more_words_is_no_person() -> None:
    text = "„Wir warten auf den zweiten Test“, sagte Mutter Teresa am Abend."
    assert "Mutter" not in people(text, "de")


def test_german_lone_month_after_a_closing_quote_is_no_person() -> None:
    assert people("„Das Werk schließt“, hieß es im März.", "de") == []


def tagged_people(text: str, lang: str, pos: dict[str, str]) -> list[str]:
    article = build_article(text, lang, pos=pos)
    return [e.name for e in find_entities(article) if e.type == "PER"]


def test_danish_proper_noun_right_before_a_speech_verb_is_a_person() -> None:
    text = "Efter mødet erklærede Rasmussen intet. Kovalenko erklærede også, at aftalen holder."
    assert "Kovalenko" in tagged_people(text, "da", {"Kovalenko": "PROPN"})


def test_danish_sentence_opening_noun_before_a_speech_verb_is_no_person() -> None:
    text = "Piloten meddelte kontroltårnet, at motoren svigtede."
    assert tagged_people(text, "da", {"Piloten": "NOUN"}) == []


def test_swedish_untagged_lone_word_before_a_speech_verb_is_no_person() -> None:
    assert people("Styrelsen uppger att planen håller.", "sv") == []


def test_german_given_name_and_surname_opening_a_clause_before_a_speech_verb() -> None:
    text = "Der Abend war lang. Helge Brandner meint dazu: „Das war schön.“"
    assert people(text, "de") == ["Helge Brandner"]


def test_german_capitalised_nouns_before_a_speech_verb_are_no_person() -> None:
    text = "Viele Experten meinen, die Lage sei ernst. Die Gewerkschaft Verdi sagte nichts."
    assert people(text, "de") == []


def test_danish_known_surname_before_a_speech_verb_is_a_person_without_tags() -> None:
    text = "Mødet sluttede sent. Hansen erklærede også, at aftalen holder."
    assert people(text, "da") == ["Hansen"]


def test_english_capitalised_paragraph_opener_before_a_speech_verb_is_no_person() -> None:
    text = 'The mayor spoke at noon: "We will rebuild the bridge."\n\nWitnesses said the crowd cheered.'
    assert people(text, "en") == []
