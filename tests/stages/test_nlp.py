"""The spaCy adapter fills sentences, tokens and names from the shipped pipelines."""

from __future__ import annotations

import numpy
import pytest

from newsgraph.model import Article, Token
from newsgraph.settings import Settings
from newsgraph.stages.nlp import (
    NlpStage,
    Parse,
    TokenColumns,
    bundled_model_path,
    line_break_starts,
    rule_sentence_starts,
    run_components,
    token_batches,
    trusted_token,
    trusted_tokens,
)

pytestmark = pytest.mark.models


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        (
            "nb",
            "Statsminister Jonas Gahr Støre møtte Sveriges statsminister i Stockholm i går. Møtet varte i to timer.",
            "Jonas Gahr Støre",
        ),
        (
            "en",
            "Prime Minister Keir Starmer met the French president in Paris on Monday. The talks lasted two hours.",
            "Keir Starmer",
        ),
    ],
)
def test_shipped_pipeline_tags_one_sentence(lang: str, text: str, person: str) -> None:
    assert bundled_model_path(lang) is not None
    article = NlpStage(Settings())(Article(text=text, lang=lang))
    assert len(article.sentences) == 2
    assert all(article.text[t.start : t.end] == t.text for t in article.tokens)
    assert any(t.pos in ("VERB", "AUX") for t in article.tokens)
    assert any(n.text == person and n.label == "PER" for n in article.names)
    assert "nlp:" + lang in article.provenance.models


def test_unsupported_language_gets_tokens_and_sentences_only() -> None:
    article = NlpStage(Settings())(Article(text="Tämä on hyvä. Me lähdemme.", lang="fi"))
    assert len(article.sentences) == 2
    assert article.names == []


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        (
            "da",
            "Statsminister Mette Frederiksen besøgte Aarhus i går. Mødet varede to timer.",
            "Mette Frederiksen",
        ),
        (
            "sv",
            "Statsminister Ulf Kristersson besökte Göteborg i går. Mötet varade två timmar.",
            "Ulf Kristersson",
        ),
    ],
)
def test_danish_and_swedish_ner_runs_inside_the_bokmal_pipeline(
    lang: str, text: str, person: str
) -> None:
    if bundled_model_path(lang) is None:
        pytest.skip(f"no {lang} NER model shipped")
    article = NlpStage(Settings())(Article(text=text, lang=lang))
    assert article.provenance.models["nlp:" + lang].startswith("newsgraph-" + lang)
    assert len(article.sentences) == 2
    assert any(t.dep for t in article.tokens)
    assert any(n.text == person and n.label == "PER" for n in article.names)


def test_german_model_finds_names_without_a_parser() -> None:
    if bundled_model_path("de") is None:
        pytest.skip("no de model shipped")
    text = "Die Ministerin sprach am Dienstag in Berlin mit der Deutschen Bank. Dann reiste sie ab."
    article = NlpStage(Settings())(Article(text=text, lang="de"))
    assert len(article.sentences) == 2
    assert article.provenance.models["nlp:de"].startswith("newsgraph-de")
    assert ("Berlin", "LOC") in {(n.text, n.label) for n in article.names}


def test_french_model_finds_persons_organisations_and_places() -> None:
    if bundled_model_path("fr") is None:
        pytest.skip("no fr model shipped")
    text = (
        "Le secrétaire général de l'ONU, António Guterres, est arrivé lundi à Bruxelles. "
        "Il y rencontrera le Premier ministre belge."
    )
    article = NlpStage(Settings())(Article(text=text, lang="fr"))
    assert len(article.sentences) == 2
    assert article.provenance.models["nlp:fr"].startswith("newsgraph-fr")
    found = {(n.text, n.label) for n in article.names}
    assert {("António Guterres", "PER"), ("Bruxelles", "LOC"), ("ONU", "ORG")} <= found


def test_nynorsk_uses_the_bokmal_pipeline() -> None:
    article = NlpStage(Settings())(Article(text="Ho reiste til Bergen i går.", lang="nn"))
    assert article.provenance.models["nlp:nn"].startswith("newsgraph-nb")


def test_line_breaks_end_sentences_and_whitespace_tokens_are_dropped() -> None:
    text = "Statsministeren i Bergen\n\nHun kom i går og talte lenge om skolen."
    article = NlpStage(Settings())(Article(text=text, lang="nb"))
    assert article.sentences[0].text == "Statsministeren i Bergen"
    assert all(token.text.strip() for token in article.tokens)
    assert [token.i for token in article.tokens] == list(range(len(article.tokens)))
    assert all(0 <= token.head < len(article.tokens) for token in article.tokens)


def test_pipe_over_mixed_languages_gives_what_one_by_one_gives() -> None:
    texts = [
        ("nb", "Statsminister Jonas Gahr Støre kom til Bergen i går. Han talte lenge."),
        ("en", "Prime Minister Keir Starmer visited Paris on Monday. He spoke at length."),
        ("nn", "Ho reiste til Bergen i går."),
        ("de", "Das ist gut. Wir gehen."),
        ("nb", "Regjeringen la fram budsjettet i Oslo."),
    ]
    stage = NlpStage(Settings(nlp_batch_size=2))
    batched = list(stage.pipe(Article(text=text, lang=lang) for lang, text in texts))
    single = [stage(Article(text=text, lang=lang)) for lang, text in texts]
    assert [a.text for a in batched] == [text for _, text in texts]
    for one, other in zip(batched, single, strict=True):
        assert one.tokens == other.tokens
        assert one.sentences == other.sentences
        assert one.names == other.names


def test_languages_served_by_one_pipeline_load_it_once() -> None:
    stage = NlpStage(Settings(preload_languages=["nb", "nn", "no"]))
    stage.setup()
    assert list(stage.loaded) == ["bundled:nb"]


def test_a_preloaded_language_without_a_pipeline_gets_its_blank_one_at_set_up() -> None:
    stage = NlpStage(Settings(preload_languages=["nb", "es", "it"]))
    stage.setup()
    assert list(stage.loaded) == ["bundled:nb", "blank"]


def test_a_language_with_its_own_ner_loads_its_own_pipeline() -> None:
    stage = NlpStage(Settings(preload_languages=["nb", "da"]))
    stage.setup()
    assert list(stage.loaded) == ["bundled:nb", "bundled:da"]


def test_sentence_rule_ends_after_final_marks_before_a_sentence_opening() -> None:
    texts = ["Han", "kom", ".", "«", "Vi", "går", ".", "»", "Det", "var", "kl.", "fem", "."]
    spaces = [True, False, True, False, True, False, False, True, True, True, True, False, False]
    starts = rule_sentence_starts(texts, spaces, [0] * len(texts))
    assert [texts[i] for i, s in enumerate(starts) if s == 1] == ["Han", "«", "Det"]


def test_sentence_rule_keeps_line_breaks_and_never_starts_on_whitespace() -> None:
    texts = ["Tittel", "\n\n", "han", "kom", ".", "\n", "Slutt"]
    spaces = [False, False, True, False, False, False, False]
    given = [0, 0, 1, 0, 0, 0, 1]
    starts = rule_sentence_starts(texts, spaces, given)
    assert [texts[i] for i, s in enumerate(starts) if s == 1] == ["Tittel", "han", "Slutt"]


def test_a_line_break_starts_the_token_after_the_one_holding_it() -> None:
    texts = ["Tittel", "\n\n", "han", "kom", "\n", "Slutt", "\n"]
    assert line_break_starts(texts) == [2, 5]
    assert line_break_starts([]) == [] and line_break_starts(["\n"]) == []


def test_line_break_and_rule_sentences_are_what_token_by_token_reading_gives() -> None:
    nlp, _ = NlpStage(Settings()).pipeline("en")
    text = 'Title\n\nHe came.  "We go." She left \n at five. \u201cYes!\u201d Then\nmore.'
    doc = next(run_components(nlp, [text], 8, parser=False))
    follows_break = [i > 0 and "\n" in doc[i - 1].text for i in range(len(doc))]
    spaces = [bool(token.whitespace_) for token in doc]
    expected = rule_sentence_starts([t.text for t in doc], spaces, [int(b) for b in follows_break])
    assert [1 if token.is_sent_start else -1 for token in doc] == expected
    assert [s.text.strip() for s in doc.sents if s.text.strip()][:3] == [
        "Title",
        "He came.",
        '"We go."',
    ]


def test_only_sentences_with_a_speech_or_event_cue_are_parsed() -> None:
    text = (
        "The weather in Oslo was grey all week. "
        "The minister told reporters that the talks had failed. "
        "Trains ran late on Monday."
    )
    article = NlpStage(Settings())(Article(text=text, lang="en"))
    assert len(article.sentences) == 3
    parsed = {token.sent for token in article.tokens if token.dep}
    assert parsed == {1}
    unparsed = [token for token in article.tokens if token.sent != 1]
    assert all(token.head == token.i and token.pos for token in unparsed)
    assert "speech or event cue" in article.provenance.models["nlp:en"]


def test_parsing_every_sentence_is_a_setting() -> None:
    text = "The weather in Oslo was grey all week. Trains ran late on Monday."
    article = NlpStage(Settings(nlp_parse="all"))(Article(text=text, lang="en"))
    assert {token.sent for token in article.tokens if token.dep} == {0, 1}


def test_a_parsed_sentence_keeps_the_heads_of_the_whole_article_parse() -> None:
    text = "Prime Minister Keir Starmer told reporters in London that the talks had failed."
    needed = NlpStage(Settings())(Article(text=text, lang="en"))
    full = NlpStage(Settings(nlp_parse="all"))(Article(text=text, lang="en"))
    assert [(t.dep, t.head) for t in needed.tokens] == [(t.dep, t.head) for t in full.tokens]


def test_token_columns_and_parse_read_what_spacy_tokens_give() -> None:
    nlp, _ = NlpStage(Settings()).pipeline("en")
    doc = nlp("The U.S. envoy  said on Monday he'd go.\n\nÇa va? Fine.")
    columns = TokenColumns.of_doc(doc)
    assert columns.idx == [token.idx for token in doc]
    assert columns.text == [token.text for token in doc]
    assert columns.lemma == [token.lemma_ for token in doc]
    assert columns.lower == [token.lower_ for token in doc]
    assert columns.pos == [token.pos_ for token in doc]
    assert columns.tag == [token.tag_ for token in doc]
    assert columns.is_space == [token.is_space for token in doc]
    assert columns.space_after == [bool(token.whitespace_) for token in doc]
    parse = Parse.of_doc(doc)
    assert parse.heads == [token.head.i for token in doc]
    assert parse.deps == [token.dep_ for token in doc]
    assert parse.starts == [bool(token.is_sent_start) or token.i == 0 for token in doc]
    assert any(head != i for i, head in enumerate(parse.heads))


def test_a_trusted_token_is_the_record_model_construct_makes() -> None:
    fields = {"i": 3, "start": 10, "end": 15, "text": "talks", "lemma": "talk", "pos": "NOUN"}
    fields.update({"dep": "nsubj", "head": 5, "sent": 0})
    token = trusted_token(dict(fields))
    reference = Token.model_construct(**fields)
    assert token == reference
    assert token.model_dump() == reference.model_dump() == Token(**fields).model_dump()
    assert token.model_fields_set == reference.model_fields_set
    assert Token.model_validate_json(token.model_dump_json()) == token


def test_trusted_tokens_are_separate_records_each_with_its_own_fields_set() -> None:
    rows = [
        {"i": n, "start": 2 * n, "end": 2 * n + 1, "text": text, "lemma": text, "pos": "X"}
        | {"dep": "", "head": n, "sent": 0}
        for n, text in enumerate("abc")
    ]
    tokens = trusted_tokens([dict(row) for row in rows])
    assert tokens == [Token(**row) for row in rows]
    tokens[0].pos = "NOUN"
    assert [token.pos for token in tokens] == ["NOUN", "X", "X"]
    assert tokens[1].model_fields_set == set(Token.model_fields)
    assert tokens[0].model_fields_set is not tokens[1].model_fields_set


def test_token_columns_read_before_the_parser_are_those_after_it() -> None:
    from newsgraph.stages.nlp import parse_needed, run_components

    nlp, _ = NlpStage(Settings()).pipeline("en")
    text = "The weather was grey. The minister told reporters the talks had failed.\n\nFine."
    article = Article(text=text, lang="en")
    doc = next(run_components(nlp, [text], 8, parser=False))
    before = TokenColumns.of_doc(doc)
    given = parse_needed(nlp, [doc], [article], [before])[0]
    read = parse_needed(nlp, [doc], [article])[0]
    assert given == read and any(given.deps)
    assert TokenColumns.of_doc(doc) == before
    stage = NlpStage(Settings())(Article(text=text, lang="en"))
    assert [t.dep for t in stage.tokens if t.dep] and len(stage.sentences) == 3


def test_token_batches_cap_docs_and_tokens_and_keep_the_order() -> None:
    docs = [[0] * length for length in (3, 4, 9, 1, 1, 1)]
    batches = list(token_batches(docs, max_docs=2, max_tokens=8))
    assert [[len(doc) for doc in batch] for batch in batches] == [[3, 4], [9], [1, 1], [1]]
    assert [doc for batch in batches for doc in batch] == docs
    assert list(token_batches([], max_docs=4, max_tokens=8)) == []


def test_annotation_does_not_depend_on_the_batches() -> None:
    nlp, _ = NlpStage(Settings()).pipeline("en")
    texts = [
        "The mayor of Leeds said the bridge would reopen in May.",
        "Rain delayed the final in Melbourne.\n\nOrganisers apologised to fans.",
        "Two ministers met in Oslo on Tuesday to discuss fishing quotas.",
    ]
    for parser in (True, False):
        one = list(run_components(nlp, texts, 32, parser=parser))
        # One doc a batch (max_docs=1) against all three in one batch.
        alone = [next(run_components(nlp, [text], 1, parser=parser)) for text in texts]
        for together, single in zip(one, alone, strict=True):
            # The matrix kernels round differently for other batch shapes on some CPUs
            # (seen: 3e-6); the annotations read from the tensors must be identical.
            assert numpy.allclose(together.tensor, single.tensor, rtol=0, atol=1e-4)
            assert [t.tag_ for t in together] == [t.tag_ for t in single]
            assert [t.dep_ for t in together] == [t.dep_ for t in single]
            assert [(e.text, e.label_) for e in together.ents] == [
                (e.text, e.label_) for e in single.ents
            ]
            assert [s.text for s in together.sents] == [s.text for s in single.sents]
