"""Lossless records: an Article survives full JSON and Arrow (and Parquet) unchanged."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import (
    Article,
    Caption,
    Entity,
    Event,
    Location,
    Meta,
    NamedSpan,
    Provenance,
    Quote,
    Removed,
    Span,
    StageFailure,
    TimeExpr,
    Title,
    Token,
)
from newsgraph.model.arrow import article_schema, articles_from_table, articles_to_table

# Text without lone surrogates (which no UTF-8 encoding carries).
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
small = st.integers(min_value=0, max_value=10**6)
numbers = st.floats(allow_nan=False, allow_infinity=False)
maybe_text = st.none() | texts
spans = st.builds(Span, start=small, end=small, text=texts)
tokens = st.builds(
    Token,
    i=small,
    start=small,
    end=small,
    text=texts,
    lemma=texts,
    pos=texts,
    dep=texts,
    head=small,
    sent=small,
)
names = st.builds(NamedSpan, start=small, end=small, text=texts, label=texts, source=texts)
titles = st.builds(
    Title, text=texts, canonical=maybe_text, country=maybe_text, start=st.none() | small
)
entities = st.builds(
    Entity,
    id=texts,
    name=texts,
    type=st.sampled_from(["PER", "ORG", "GPE", "LOC", "PROD", "EVT", "DRV"]),
    country=maybe_text,
    titles=st.lists(titles, max_size=2),
    mentions=st.lists(spans, max_size=3),
    lat=st.none() | numbers,
    lon=st.none() | numbers,
    canonical=maybe_text,
)
quotes = st.builds(
    Quote,
    text=texts,
    start=small,
    end=small,
    kind=st.sampled_from(["direct", "partial", "indirect"]),
    speaker=maybe_text,
    addressee=maybe_text,
    cue=st.none() | spans,
    speaker_mention=st.none() | spans,
)
times = st.builds(
    TimeExpr,
    text=texts,
    start=small,
    end=small,
    type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
    value=texts,
    anchored=st.booleans(),
    caption=st.none() | small,
)
events = st.builds(
    Event,
    id=texts,
    type=texts,
    mode=maybe_text,
    actors=st.lists(texts, max_size=3),
    countries=st.lists(texts, max_size=2),
    location=st.none() | st.builds(Location, name=texts, lat=st.none() | numbers),
    date=maybe_text,
    start=small,
    end=small,
    trigger=st.none() | spans,
    evidence=st.lists(spans, max_size=2),
    confidence=numbers,
)
metas = st.builds(
    Meta,
    title=maybe_text,
    published=maybe_text,
    published_from=st.none() | st.sampled_from(["metadata", "url", "text", "caption"]),
    authors=st.lists(texts, max_size=2),
    captions=st.lists(
        st.builds(Caption, text=texts, credit=maybe_text, start=small, end=small), max_size=2
    ),
    removed=st.lists(
        st.builds(Removed, text=texts, reason=texts, start=st.none() | small), max_size=2
    ),
    language_confidence=st.none() | numbers,
)
articles = st.builds(
    Article,
    id=texts,
    lang=maybe_text,
    text=texts,
    raw=texts,
    meta=metas,
    sentences=st.lists(spans, max_size=3),
    tokens=st.lists(tokens, max_size=5),
    names=st.lists(names, max_size=3),
    entities=st.lists(entities, max_size=3),
    quotes=st.lists(quotes, max_size=2),
    times=st.lists(times, max_size=2),
    events=st.lists(events, max_size=2),
    provenance=st.builds(
        Provenance,
        newsgraph_version=texts,
        stages=st.lists(texts, max_size=3),
        models=st.dictionaries(texts, texts, max_size=2),
        lexicons=st.dictionaries(texts, texts, max_size=2),
    ),
    failures=st.lists(st.builds(StageFailure, stage=texts, message=texts), max_size=2),
)


def through_parquet(table: object) -> object:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    buffer.seek(0)
    return pq.read_table(buffer)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_full_json_round_trip_keeps_every_field_of_any_article(article: Article) -> None:
    assert Article.from_json(article.to_json(full=True)) == article


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles, min_size=1, max_size=3))
def test_arrow_round_trip_with_tokens_keeps_every_field(batch: list[Article]) -> None:
    table = articles_to_table(batch, tokens=True)
    assert articles_from_table(table) == batch
    assert articles_from_table(through_parquet(table)) == batch


def test_arrow_without_tokens_keeps_every_other_layer() -> None:
    article = Article(
        id="a1",
        text="Kari Lie kom.",
        raw="<p>Kari Lie kom.</p>",
        tokens=[Token(i=0, start=0, end=4, text="Kari", head=0, sent=0)],
        names=[NamedSpan(start=0, end=8, text="Kari Lie", label="PER")],
        provenance=Provenance(models={"nlp:nb": "x"}),
    )
    (again,) = articles_from_table(articles_to_table([article]))
    assert "tokens" not in article_schema().names
    assert again.tokens == []
    assert again.model_copy(update={"tokens": article.tokens}) == article


def test_default_json_still_leaves_out_input_and_nlp_layers() -> None:
    article = Article(text="x", raw="RAW", names=[NamedSpan(start=0, end=1, text="x", label="PER")])
    assert "RAW" not in article.to_json()
    assert "RAW" in article.to_json(full=True)


@pytest.mark.models
def test_reference_article_round_trips_through_json_and_arrow(reference_path: Path) -> None:
    from newsgraph.api import Extractor

    (article,) = Extractor().extract_path(reference_path)
    assert article.tokens and article.names and article.raw and article.events
    assert Article.from_json(article.to_json(full=True)) == article
    table = articles_to_table([article], tokens=True)
    assert articles_from_table(through_parquet(table)) == [article]
