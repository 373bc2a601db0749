"""The shared pronoun resolver: quotes and events get the same answer to who "han" is."""

from __future__ import annotations

from newsgraph.events.actors import actor_mentions
from newsgraph.events.geo import NoGeo
from newsgraph.events.lexicon import load_lexicon as load_event_lexicon
from newsgraph.events.words import sentence_views
from newsgraph.model import Article, Entity, Quote, Span
from newsgraph.quotes import extract_quotes
from newsgraph.text.coref import PronounResolver


def article(text: str, people: dict[str, str], quotes: list[Quote] | None = None) -> Article:
    """An article split into sentences at ". ", with the named people as PER entities."""
    sentences = []
    start = 0
    for piece in text.split(". "):
        end = start + len(piece) + (1 if start + len(piece) < len(text) else 0)
        sentences.append(Span(start=start, end=end, text=text[start:end]))
        start = end + 1
    entities = []
    for number, (name, entity_id) in enumerate(people.items()):
        mentions = []
        position = text.find(name)
        while position >= 0:
            mentions.append(Span(start=position, end=position + len(name), text=name))
            position = text.find(name, position + 1)
        entities.append(
            Entity(id=entity_id or f"e{number}", name=name, type="PER", mentions=mentions)
        )
    return Article(
        text=text, lang="nb", sentences=sentences, entities=entities, quotes=quotes or []
    )


def test_resolver_takes_the_person_named_in_the_previous_sentence() -> None:
    doc = article("Eide kom til Beijing. Der skal han møte partiledere.", {"Eide": "eide"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(doc.text.index("han")) == "eide"


def test_resolver_prefers_the_speaker_noted_in_the_sentence() -> None:
    text = "Wang møtte Eide. Eide sa at møtet var godt, og han vil komme tilbake."
    doc = article(text, {"Wang": "wang", "Eide": "eide"})
    resolver = PronounResolver.for_article(doc)
    resolver.note_speaker(text.index("sa at"), "eide")
    assert resolver.person_before(text.index("han vil")) == "eide"


def test_resolver_never_returns_an_avoided_person() -> None:
    doc = article("Eide møtte Wang. Han sa lite.", {"Eide": "eide", "Wang": "wang"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(doc.text.index("Han"), avoid={"eide"}) == "wang"


def test_resolver_takes_the_speaker_the_quotes_layer_gave_a_pronoun() -> None:
    text = "Eide møtte Wang. «Vi er enige», sa han."
    start = text.index("han.")
    quote = Quote(
        text="Vi er enige",
        start=text.index("Vi"),
        end=text.index("»"),
        kind="direct",
        speaker="wang",
        cue=Span(start=text.index("sa han"), end=text.index("sa han") + 2, text="sa"),
        speaker_mention=Span(start=start, end=start + 3, text="han"),
    )
    doc = article(text, {"Eide": "eide", "Wang": "wang"}, [quote])
    assert PronounResolver.for_article(doc).person_before(start) == "wang"


def test_quotes_and_events_agree_on_who_the_pronoun_is() -> None:
    # Eide is named most often, but "Han" follows the sentence about Wang Yi.
    text = (
        "Eide besøkte Beijing tirsdag. Eide hadde lenge ønsket det. "
        "Wang Yi tok imot ham ved flyplassen. Han sa at samarbeidet er viktig for Kina."
    )
    doc = article(text, {"Eide": "eide", "Wang Yi": "wang"})
    doc.quotes = extract_quotes(doc)
    assert {quote.speaker for quote in doc.quotes} == {"wang"}
    lexicon = load_event_lexicon("nb")
    resolver = PronounResolver.for_article(doc)
    view = next(v for v in sentence_views(doc) if doc.text[v.start : v.end].startswith("Han"))
    mentions = actor_mentions(doc, view, lexicon, NoGeo(), resolver)
    assert [m.entity for m in mentions if view.words[m.first].lower == "han"] == ["wang"]


def test_resolver_leaves_a_pronoun_far_below_the_last_named_person_unresolved() -> None:
    filler = (
        "Været var godt. Mange kom. Det var kaldt. Bussen var sen. Kaffen var varm. Ingen klaget"
    )
    text = f"Eide åpnet møtet. {filler}. Så sa han at det var over."
    doc = article(text, {"Eide": "eide"})
    resolver = PronounResolver.for_article(doc)
    assert resolver.person_before(text.index("han at")) is None
    # The same person two sentences up is still found.
    near = "Eide åpnet møtet. Mange kom. Så sa han at det var over."
    doc = article(near, {"Eide": "eide"})
    assert PronounResolver.for_article(doc).person_before(near.index("han at")) == "eide"


def test_resolver_leaves_a_pronoun_paragraphs_below_the_last_named_person_unresolved() -> None:
    text = "Eide åpnet møtet. \nMange kom. \nDet var kaldt. \nBussen var sen. \nSå sa han nei."
    doc = article(text, {"Eide": "eide"})
    assert PronounResolver.for_article(doc).person_before(text.index("han nei")) is None
