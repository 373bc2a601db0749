"""Who said it in the frames that real pages use: inverted telling verbs, "comme le raconte X",
incises led by a dash, source pronouns and relations ("selon lui", "selon un proche de X"), colon
frames after a fronted phrase, role nouns naming the person just mentioned, a quoted sentence after
a sentence about its speaker, and closing marks typed as two apostrophes."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

MARTIN = Person("p1", "Paul Martin", ["Paul Martin", "Martin"])
WEBER = Person("p2", "Anna Weber", ["Anna Weber", "Weber"])
BAKER = Person("p3", "Tom Baker", ["Tom Baker", "Baker"])
GIRARD = Person("p4", "Claire Girard", ["Claire Girard", "Girard"])
RAT = Person("o1", "Stadtrat", ["Stadtrat"], type="ORG")


def test_french_inverted_telling_verb_takes_the_speaker_after_it() -> None:
    text = "« Je ne peux plus payer mon loyer », raconte Paul Martin. « C'est injuste », confie Martin."
    quotes = quotes_of(text, "fr", MARTIN)
    assert [q.speaker for q in quotes] == ["p1", "p1"]


def test_comme_le_raconte_puts_the_speaker_after_the_verb_and_ends_the_report() -> None:
    text = (
        "La grève dure depuis trois semaines, comme nous le raconte Paul Martin, 41 ans, chauffeur."
    )
    quote = find(quotes_of(text, "fr", MARTIN), "La grève")
    assert quote.speaker == "p1"
    assert quote.text == "La grève dure depuis trois semaines"


def test_subject_before_comme_still_speaks() -> None:
    text = "Claire Girard, comme elle le dit souvent, pense que la ville doit changer."
    quote = find(quotes_of(text, "fr", GIRARD), "la ville doit changer")
    assert quote.speaker == "p4"


def test_dash_incise_inside_a_quote_names_its_speaker() -> None:
    text = (
        "Claire Girard a publié un essai. « Nous parlons sans rien dire – observe Girard dans son "
        "livre. Les mots ont perdu leur poids. »"
    )
    quote = find(quotes_of(text, "fr", GIRARD), "Nous parlons")
    assert quote.speaker == "p4"


def test_comma_incise_may_go_on_with_a_subordinate_clause() -> None:
    text = (
        "Paul Martin attend devant le dépôt. « Je suis inquiet, glisse Martin lorsqu'on le croise. "
        "Mon contrat se termine. »"
    )
    quote = find(quotes_of(text, "fr", MARTIN), "Je suis inquiet")
    assert quote.speaker == "p1"


def test_selon_with_an_object_pronoun_is_the_person_named_before() -> None:
    text = (
        "Claire Girard dirige le laboratoire depuis dix ans. La hausse des prix traduirait selon "
        "elle un « malaise profond » dans le pays."
    )
    quote = find(quotes_of(text, "fr", GIRARD), "malaise")
    assert quote.speaker == "p4"


def test_english_according_to_him_resolves_the_pronoun() -> None:
    text = (
        "Tom Baker has run the port for a decade. According to him, the new cranes will double "
        "the traffic by next year."
    )
    quote = find(quotes_of(text, "en", BAKER), "cranes")
    assert quote.speaker == "p3"


def test_source_known_by_a_tie_to_someone_is_not_that_person() -> None:
    text = "« Un excellent négociateur », selon un proche de Paul Martin, qui a requis l'anonymat."
    quote = find(quotes_of(text, "fr", MARTIN), "négociateur")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert "proche" in quote.speaker_description.text


def test_aside_between_verb_and_speaker_en_substance() -> None:
    text = "« Aucun doute ne doit retarder la décision », dit en substance le rapport."
    quote = find(quotes_of(text, "fr"), "Aucun doute")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "le rapport"


def test_colon_frame_after_a_fronted_phrase_names_its_subject() -> None:
    text = (
        "Sur le café, Claire Girard est plus prudente : «au réveil, une tasse suffit. Au-delà, "
        "le sommeil en souffre.»"
    )
    quote = find(quotes_of(text, "fr", GIRARD), "une tasse")
    assert quote.speaker == "p4"


def test_definite_role_noun_names_the_person_just_mentioned() -> None:
    text = (
        "Die Ärztin Anna Weber hält das Risiko für gering. Man müsse aber vorsichtig bleiben, "
        "sagt die Medizinerin."
    )
    quote = find(quotes_of(text, "de", WEBER), "vorsichtig")
    assert quote.speaker == "p2"


def test_definite_role_noun_opening_its_clause_names_the_person_just_mentioned() -> None:
    text = (
        "Claire Girard étudie les sols depuis vingt ans. Enfin, la chercheuse rappelle que "
        "la sécheresse menace les récoltes."
    )
    quote = find(quotes_of(text, "fr", GIRARD), "sécheresse")
    assert quote.speaker == "p4"


def test_neuter_body_is_not_the_person_just_mentioned() -> None:
    text = (
        "Anna Weber trat im Mai zurück. Im Juni erklärte das Gremium, dass die Arbeit weitergehe."
    )
    quote = find(quotes_of(text, "de", WEBER), "Arbeit")
    assert quote.speaker is None


def test_quoted_sentence_after_a_sentence_about_a_person_is_theirs() -> None:
    text = (
        "Der Stadtrat hat die Brücke gesperrt, sagte ein Sprecher. "
        "Anna Weber ärgert sich über die Sperrung. „Wir fahren jetzt jeden Tag eine Stunde länger.“"
    )
    quote = find(quotes_of(text, "de", WEBER, RAT), "Stunde")
    assert quote.speaker == "p2"


def test_quoted_sentence_after_a_sentence_with_a_cue_keeps_the_earlier_rule() -> None:
    text = (
        "„Die Brücke bleibt zu“, sagte Anna Weber. Tom Baker sagte, er sei enttäuscht. "
        "„Das ist ein schwerer Schlag.“"
    )
    quote = find(quotes_of(text, "de", WEBER, BAKER), "Schlag")
    assert quote.speaker == "p3"


def test_two_apostrophes_close_a_double_quote() -> None:
    text = "“The plan failed,'' Tom Baker told the council. “We start again tomorrow.”"
    quotes = quotes_of(text, "en", BAKER)
    assert [q.text for q in quotes] == ["The plan failed", "We start again tomorrow."]
    assert [q.speaker for q in quotes] == ["p3", "p3"]


def test_role_noun_before_a_particle_names_the_person_just_mentioned() -> None:
    text = (
        "Anna Weber leitet die Klinik seit 2019. Das koste aber viel Geld, gibt die Ärztin zu "
        "bedenken."
    )
    quote = find(quotes_of(text, "de", WEBER), "Geld")
    assert quote.speaker == "p2"


def test_subheading_between_speaker_and_role_noun_is_not_a_break() -> None:
    text = (
        "«Le sucre fatigue le foie», indique Claire Girard.\n\nManger moins sucré\n\n"
        "Les fruits restent utiles. «Ils apportent des fibres», précise la nutritionniste."
    )
    quote = find(quotes_of(text, "fr", GIRARD), "fibres")
    assert quote.speaker == "p4"


def test_separable_verb_with_a_distant_particle_closes_a_report() -> None:
    text = (
        "Es gebe keine Hinweise auf eine Krankheit, teilte das Präsidialamt in der Hauptstadt am "
        "Dienstag mit. „Auch gibt es keine ungewöhnlichen Aktivitäten.“"
    )
    quotes = quotes_of(text, "de")
    report = find(quotes, "Hinweise")
    assert report.text == "Es gebe keine Hinweise auf eine Krankheit"
    assert report.speaker_description is not None
    assert report.speaker_description.text == "das Präsidialamt"
    assert find(quotes, "Aktivitäten").speaker_description == report.speaker_description


def test_schildern_is_a_speech_verb() -> None:
    text = "„Wir arbeiten jetzt in kleinen Teams“, schildert Anna Weber."
    assert find(quotes_of(text, "de", WEBER), "Teams").speaker == "p2"


def test_role_noun_names_a_speaker_named_only_by_a_surname_some_sentences_back() -> None:
    text = (
        "Claire Girard soigne des enfants. «Le sucre fatigue le foie», indique la Pr Girard. "
        "La solution ? Manger moins.\n\nDes fibres\n\nLes fibres aident. Elles nourrissent. "
        "«Elles calment aussi l'intestin», précise la nutritionniste."
    )
    quote = find(quotes_of(text, "fr", GIRARD), "calment")
    assert quote.speaker == "p4"
