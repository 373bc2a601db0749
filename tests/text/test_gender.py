"""Gender-aware pronouns: "elle"/"sie"/"hun" skip a man, "il"/"er"/"han" a woman, unknown stays."""

from __future__ import annotations

from newsgraph.model import Article, Entity, Span, Title
from newsgraph.resources.schemas import Pronouns
from newsgraph.text.coref import PronounResolver
from newsgraph.text.gender import PersonGenders, entity_gender, pronoun_gender, pronoun_words


def article(
    text: str, lang: str, people: dict[str, str], titles: dict[str, str] | None = None
) -> Article:
    """An article split at ". " with each named person a PER entity (and its title, if given)."""
    sentences = []
    start = 0
    for piece in text.split(". "):
        end = start + len(piece) + (1 if start + len(piece) < len(text) else 0)
        sentences.append(Span(start=start, end=end, text=text[start:end]))
        start = end + 1
    entities = []
    for name, entity_id in people.items():
        mentions = []
        position = text.find(name)
        while position >= 0:
            mentions.append(Span(start=position, end=position + len(name), text=name))
            position = text.find(name, position + 1)
        entity_titles = []
        title = (titles or {}).get(entity_id)
        if title is not None:
            at = text.index(title)
            entity_titles.append(Title(text=title, start=at, end=at + len(title)))
        entities.append(
            Entity(id=entity_id, name=name, type="PER", mentions=mentions, titles=entity_titles)
        )
    return Article(text=text, lang=lang, sentences=sentences, entities=entities)


def test_french_elle_skips_a_man_named_closer() -> None:
    text = "Marie Dubois a rencontré Jean-Luc Moreau. Puis Pierre Martin est parti. Elle a dit non."
    doc = article(text, "fr", {"Marie Dubois": "dubois", "Pierre Martin": "martin"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Elle")) == "dubois"


def test_french_il_skips_a_woman() -> None:
    text = "Pierre Martin est venu. Marie Dubois a parlé. Il a dit non."
    doc = article(text, "fr", {"Pierre Martin": "martin", "Marie Dubois": "dubois"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Il a")) == "martin"


def test_german_sie_skips_a_man_and_takes_the_ministerin() -> None:
    text = "Die Ministerin Schulze kam nach Berlin. Dort traf Lars Klingbeil die Presse. Sie sagte wenig."
    doc = article(
        text, "de", {"Schulze": "schulze", "Lars Klingbeil": "klingbeil"}, {"schulze": "Ministerin"}
    )
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Sie sagte")) == "schulze"


def test_german_er_keeps_a_person_of_unknown_gender() -> None:
    text = "Der Minister Xyzabc kam nach Berlin. Er sagte wenig."
    doc = article(text, "de", {"Xyzabc": "xyzabc"}, {"xyzabc": "Minister"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Er sagte")) == "xyzabc"


def test_norwegian_hun_skips_a_man_and_han_skips_a_woman() -> None:
    text = "Ingrid Solberg møtte Jonas Gahr Støre. Hun var fornøyd. Han var ikke det."
    doc = article(text, "nb", {"Ingrid Solberg": "solberg", "Jonas Gahr Støre": "store"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Hun")) == "solberg"
    assert resolver.person_before(text.index("Han")) == "store"


def test_danish_hun_takes_the_kronprinsesse_not_the_man() -> None:
    text = "Kronprinsessen Xyza besøgte Holstebro. Lars Løkke kom senere. Hun talte længe."
    doc = article(text, "da", {"Xyza": "xyza", "Lars Løkke": "lokke"}, {"xyza": "Kronprinsessen"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Hun")) == "xyza"


def test_swedish_hon_skips_a_man() -> None:
    text = "Magdalena Andersson träffade pressen. Sedan talade Ulf Kristersson. Hon svarade."
    doc = article(text, "sv", {"Magdalena Andersson": "andersson", "Ulf Kristersson": "ulf"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Hon")) == "andersson"


def test_gendered_pronoun_finds_nobody_when_only_the_other_gender_is_named() -> None:
    text = "Lars Løkke talte. Hun svarede ikke."
    doc = article(text, "da", {"Lars Løkke": "lokke"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("Hun")) is None


def test_english_honorific_decides_over_unknown_name() -> None:
    text = "Mrs Qwerty met Mr Asdfg. She said little."
    doc = article(text, "en", {"Qwerty": "qwerty", "Asdfg": "asdfg"})
    genders = PersonGenders(doc)
    assert genders.gender("qwerty") == "f"
    assert genders.gender("asdfg") == "m"
    assert genders.excluded(text.index("She")) == frozenset({"asdfg"})


def test_disagreeing_evidence_leaves_gender_unknown() -> None:
    text = "Herr Marie Qwerty sprach."
    doc = article(text, "de", {"Marie Qwerty": "q"})
    assert entity_gender(doc, doc.entities[0], pronoun_words("de")) is None


def test_bare_definite_role_noun_says_nothing() -> None:
    text = "Statsministeren Qwerty talte."
    doc = article(text, "da", {"Qwerty": "q"}, {"q": "Statsministeren"})
    assert entity_gender(doc, doc.entities[0], pronoun_words("da")) is None


def test_pronoun_gender_reads_only_gendered_pronouns() -> None:
    words = pronoun_words("fr")
    assert pronoun_gender("dit-elle", 3, words) == "f"
    assert pronoun_gender("a-t-il dit", 1, words) == "m"
    assert pronoun_gender("ils ont dit", 0, words) is None
    assert pronoun_gender("x", 0, Pronouns()) is None
