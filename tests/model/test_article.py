"""The Article record: JSON round trip and the published JSON Schema."""

from __future__ import annotations

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import Article, Entity, Event, Quote, Span, TimeExpr, Title, json_schema


def sample_article() -> Article:
    text = "Ministeren Kari Lie besøkte Oslo i går."
    entity = Entity(
        id="e1",
        name="Kari Lie",
        type="PER",
        country="NOR",
        titles=[Title(text="ministeren", canonical="minister")],
        mentions=[Span(start=11, end=19, text="Kari Lie")],
    )
    return Article(
        id="abc",
        lang="nb",
        text=text,
        entities=[entity],
        quotes=[Quote(text="i går", start=33, end=38, kind="partial", speaker="e1")],
        times=[TimeExpr(text="i går", start=33, end=38, type="DATE", value="2024-01-01")],
        events=[Event(id="ev1", type="CONSULT", actors=["e1"], countries=["NOR"], start=0, end=39)],
    )


def test_json_round_trip_keeps_every_layer() -> None:
    article = sample_article()
    again = Article.from_json(article.to_json())
    assert again == article


def test_serialised_article_validates_against_published_schema() -> None:
    data = __import__("json").loads(sample_article().to_json())
    jsonschema.validate(data, json_schema())


def test_schema_rejects_a_quote_without_kind() -> None:
    data = __import__("json").loads(sample_article().to_json())
    del data["quotes"][0]["kind"]
    try:
        jsonschema.validate(data, json_schema())
    except jsonschema.ValidationError as error:
        assert "kind" in str(error)
    else:
        raise AssertionError("schema accepted a quote without kind")


def test_raw_and_token_layers_stay_out_of_json() -> None:
    article = sample_article()
    article.raw = "RAW INPUT"
    assert "RAW INPUT" not in article.to_json()
    assert '"tokens"' not in article.to_json()


@given(st.text(min_size=1, max_size=60), st.data())
def test_span_helper_always_matches_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Article(text=text).span(start, end)
    assert span.text == text[start:end]
