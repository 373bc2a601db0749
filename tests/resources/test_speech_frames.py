"""Speech frames of German, French, Danish and Swedish news through the whole pipeline: reported
speech without a complementizer, closing attributions, cue clauses inside the marks, and speaker
names a language without a trained model still finds. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Quote

from .helpers import entity_named, extract, time_values

GERMAN = (
    "Verteidigungsminister Boris Pistorius besuchte am Dienstag eine Kaserne in Köln. "
    "Pistorius sagte am Montag, dass die Truppe mehr Geld brauche. "
    "Pistorius sagte, die Lage sei ernst. "
    "Später sagte er Journalisten, er wolle die Reform noch in diesem Jahr vorlegen. "
    "Die Reform komme zu spät, so ein Sprecher des Bundeswehrverbands. "
    "„Wir brauchen jetzt Klarheit“, so der Verband. "
    "„Die Kaserne ist modern, sagte Pistorius. Sie wird ausgebaut.“"
)

FRENCH = (
    "Le ministre de l'Économie Antoine Armand a visité mardi une usine à Lyon. "
    "« Cette usine est un modèle, affirme-t-il. Nous allons investir. » "
    "« Les salaires doivent suivre », a déclaré Sophie Binet. "
    "Selon le ministère français de l'Intérieur, trois manifestants ont été interpellés."
)


@pytest.fixture(scope="module")
def german() -> Article:
    return extract(GERMAN, "de")


@pytest.fixture(scope="module")
def french() -> Article:
    return extract(FRENCH, "fr")


def quote_starting(article: Article, words: str) -> Quote:
    found = [q for q in article.quotes if q.text.startswith(words)]
    assert found, f"no quote starting {words!r} in {[q.text for q in article.quotes]}"
    return found[0]


@pytest.mark.models
def test_german_comma_before_dass_opens_the_report(german: Article) -> None:
    quote = quote_starting(german, "die Truppe mehr Geld")
    assert quote.kind == "indirect"
    assert quote.speaker == entity_named(german, "Boris Pistorius").id


@pytest.mark.models
def test_german_konjunktiv_clause_after_a_comma_is_reported_speech(german: Article) -> None:
    quote = quote_starting(german, "die Lage sei ernst")
    assert quote.kind == "indirect"
    assert quote.speaker == entity_named(german, "Boris Pistorius").id


@pytest.mark.models
def test_german_inverted_pronoun_and_addressee_before_the_comma(german: Article) -> None:
    quote = quote_starting(german, "er wolle die Reform")
    assert quote.speaker == entity_named(german, "Boris Pistorius").id


@pytest.mark.models
def test_german_closing_so_frame_describes_an_unnamed_spokesman(german: Article) -> None:
    quote = quote_starting(german, "Die Reform komme zu spät")
    assert quote.cue is not None and quote.cue.text == "so"
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.title == "Spokesperson"


@pytest.mark.models
def test_german_so_closes_a_direct_quote(german: Article) -> None:
    quote = quote_starting(german, "Wir brauchen jetzt Klarheit")
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "so"


@pytest.mark.models
def test_german_cue_clause_inside_the_marks_names_the_speaker(german: Article) -> None:
    quote = quote_starting(german, "Die Kaserne ist modern")
    assert quote.cue is not None and quote.cue.text == "sagte"
    assert quote.speaker == entity_named(german, "Boris Pistorius").id


def test_german_so_inside_a_clause_is_no_attribution() -> None:
    article = extract("Die Preise sind so hoch wie nie, und das Ministerium schweigt.", "de")
    assert [q.cue.text for q in article.quotes if q.cue] == []


def test_french_incise_inside_the_quote_gives_the_speaker(french: Article) -> None:
    quote = quote_starting(french, "Cette usine est un modèle")
    assert quote.cue is not None and quote.cue.text == "affirme"
    assert quote.speaker == entity_named(french, "Antoine Armand").id


def test_french_name_after_an_inverted_verb_is_a_person_without_a_model(french: Article) -> None:
    binet = entity_named(french, "Sophie Binet")
    assert binet.type == "PER"
    assert quote_starting(french, "Les salaires doivent suivre").speaker == binet.id


def test_french_organisation_with_its_adjective_after_the_noun(french: Article) -> None:
    ministry = entity_named(french, "ministère français de l'Intérieur")
    assert ministry.type == "ORG"
    assert ministry.country == "FRA"
    assert quote_starting(french, "trois manifestants").speaker == ministry.id


@pytest.mark.parametrize(
    ("lang", "text", "phrase", "value"),
    [
        ("sv", "Tre personer greps i måndags.", "i måndags", "2024-10-14"),
        ("da", "Tre personer anholdes i mandags.", "i mandags", "2024-10-14"),
    ],
)
def test_last_weekday_is_in_the_past_whatever_the_tense(
    lang: str, text: str, phrase: str, value: str
) -> None:
    assert time_values(text, lang)[phrase] == value


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "opener"),
    [
        (
            "de",
            "Warum das so ist, bleibt unklar. Dabei hatte die Stadt gewarnt.",
            ("Warum", "Dabei"),
        ),
        ("da", "Hvorfor det skete, er uklart. Derfor venter politiet.", ("Hvorfor", "Derfor")),
    ],
)
def test_sentence_opening_function_words_are_no_entities(
    lang: str, text: str, opener: tuple[str, ...]
) -> None:
    names = {entity.name for entity in extract(text, lang).entities}
    assert not names & set(opener)


@pytest.mark.models
def test_german_capitalised_nouns_after_a_verb_are_no_speaker_name() -> None:
    article = extract("Er sagt, der Bericht sei falsch, nennt Kollegen Namen und Fakten.", "de")
    assert "Kollegen Namen" not in {entity.name for entity in article.entities}


def test_danish_full_name_after_an_inverted_verb_is_a_person() -> None:
    article = extract("»Vi er klar,« sagde Kirsten Holmgaard til avisen.", "da")
    assert entity_named(article, "Kirsten Holmgaard").type == "PER"


@pytest.mark.models
def test_german_title_before_a_name_after_laut_gives_the_person() -> None:
    article = extract("Die Firma kommt laut Geschäftsführer Peter Maier auf 90 Prozent.", "de")
    quote = quote_starting(article, "Die Firma kommt")
    assert quote.speaker == entity_named(article, "Peter Maier").id


@pytest.mark.models
def test_german_wie_clause_after_the_report_attributes_it() -> None:
    article = extract(
        "Ministerin Anna Berger besuchte Kiel. „Wir bauen aus.“ Der Hafen wächst, wie Berger sagte.",
        "de",
    )
    quote = quote_starting(article, "Der Hafen wächst")
    assert quote.speaker == entity_named(article, "Anna Berger").id


@pytest.mark.parametrize(
    ("lang", "text", "country", "title"),
    [
        (
            "sv",
            "Regeringen vill sänka skatten, säger Sveriges finansminister.",
            "SWE",
            "Finance Minister",
        ),
        (
            "da",
            "Regeringen vil sænke skatten, sagde Danmarks udenrigsminister.",
            "DNK",
            "Foreign Minister",
        ),
    ],
)
def test_country_genitive_and_title_without_a_name_describe_the_speaker(
    lang: str, text: str, country: str, title: str
) -> None:
    quote = extract(text, lang).quotes[0]
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert (quote.speaker_description.country, quote.speaker_description.title) == (country, title)


def test_french_outlet_named_after_an_inverted_verb_is_an_organisation() -> None:
    article = extract("« Le projet est mort », écrit Le Canard enchaîné mercredi.", "fr")
    outlet = entity_named(article, "Le Canard enchaîné")
    assert outlet.type == "ORG"
    assert article.quotes[0].speaker == outlet.id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der 33-Jährige verlor die Kontrolle über den Wagen.", {}),
        ("Der 19-jährige verlor die Kontrolle über den Wagen.", {}),
        ("Er erhielt eine zweijährige Haftstrafe.", {"zweijährige": "P2Y"}),
    ],
)
def test_german_ages_are_no_durations_but_adjectives_before_a_noun_are(
    text: str, expected: dict[str, str]
) -> None:
    assert time_values(text, "de") == expected
