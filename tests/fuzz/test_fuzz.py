"""Structural fuzzing of every reader and of cleaning over mutated pages (hypothesis).

Each test states the contract that must hold for any input: readers yield Articles or one-line
InputFailures and never raise; cleaning, the tokenizer guard and quote extraction never raise and
keep their offsets inside the text. Bounded to a few minutes in CI; `benchmarks/fuzz.py` runs
the same mutations for longer.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, read_paths
from newsgraph.ingest.decode import decode_bytes
from newsgraph.model import Article
from newsgraph.quotes import extract_quotes
from newsgraph.stages.clean import clean_text
from newsgraph.stages.tokenizer_guard import BoundedTokenizer

from .mutations import SEED_TEXTS, containers, damage_bytes, jsonl_records, mutate

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".rss", ".xml", "", ".md"]
seeds = st.integers(min_value=0, max_value=2**32 - 1)


def check_items(items: list[Article | InputFailure]) -> None:
    for item in items:
        if isinstance(item, InputFailure):
            assert item.reason and "\n" not in item.reason
            assert item.path
            str(item).encode("utf-8")
        else:
            assert isinstance(item, Article) and item.raw.strip()
            assert "\x00" not in item.raw


def read_one(name: str, data: bytes) -> list[Article | InputFailure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_paths([Path(folder)], max_bytes=2_000_000))
    check_items(items)
    return items


@FUZZ
@given(seed=seeds, suffix=st.sampled_from(SUFFIXES))
def test_readers_never_raise_on_damaged_files(seed: int, suffix: str) -> None:
    rng = random.Random(seed)
    text = mutate(rng.choice(SEED_TEXTS), rng)
    encoding = rng.choice(["utf-8", "utf-16", "cp1252", "latin-1"])
    data = text.encode(encoding, errors="replace")
    if suffix == ".jsonl":
        data = jsonl_records([text, mutate(text, rng)], rng)
    name, data = containers(f"input{suffix}", data, rng)
    read_one(name, damage_bytes(data, rng) if rng.random() < 0.5 else data)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([*SUFFIXES, ".gz", ".zip", ".xz"]))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    read_one(f"input{suffix}", data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "url", "text", "html", "title", "x"]), children)
    ),
    max_leaves=20,
)


@FUZZ
@given(records=st.lists(json_values, max_size=6))
def test_jsonl_reader_never_raises_on_any_json_record(records: list[object]) -> None:
    import json

    data = "\n".join(json.dumps(record) for record in records).encode()
    read_one("batch.jsonl", data)


@FUZZ
@given(data=st.binary(max_size=4096))
def test_decoding_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data, "fuzz")
    except InputError as error:
        assert "\n" not in error.reason
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(seed=seeds)
def test_cleaning_mutated_pages_keeps_offsets_in_the_text(seed: int) -> None:
    rng = random.Random(seed)
    raw = mutate(rng.choice(SEED_TEXTS), rng, steps=rng.randrange(1, 8))
    result = clean_text(raw)
    for removed in result.removed:
        assert 0 <= removed.start <= removed.end <= len(raw)
    for caption in result.captions:
        assert 0 <= caption.start <= caption.end <= len(raw)


_NLP = spacy.blank("xx")
_GUARD = BoundedTokenizer(_NLP.tokenizer, _NLP.vocab)


@FUZZ
@given(seed=seeds)
def test_tokenizer_guard_keeps_mutated_text_exactly(seed: int) -> None:
    rng = random.Random(seed)
    text = mutate(rng.choice(SEED_TEXTS), rng)
    assert _GUARD(text).text == text


@FUZZ
@given(seed=seeds, lang=st.sampled_from(["nb", "en", "xx"]))
def test_quote_extraction_on_mutated_text_keeps_offsets(seed: int, lang: str) -> None:
    rng = random.Random(seed)
    text = clean_text(mutate(rng.choice(SEED_TEXTS), rng)).text
    article = Article(id="fuzz", lang=lang, text=text)
    for quote in extract_quotes(article):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
