"""training/distill.py: the pure parts of the silver-data recipe (text windows, sampling, silver docs)."""

from __future__ import annotations

import spacy
from script_loader import load_script
from spacy.tokens import Doc

distill = load_script("training/distill.py", "distill")


def test_paragraphs_join_sentence_lines_and_split_at_blank_lines() -> None:
    lines = ["Første setning.\n", "Andre setning.\n", "\n", "\n", "Nytt avsnitt her.\n"]
    assert list(distill.norec_paragraphs(lines)) == [
        "Første setning. Andre setning.",
        "Nytt avsnitt her.",
    ]


def test_windows_group_paragraphs_up_to_the_word_limit() -> None:
    paragraphs = ["a b c", "d e", "f g h i", "j"]
    assert list(distill.windows(paragraphs, max_words=5, min_words=1)) == [
        "a b c\n\nd e",
        "f g h i\n\nj",
    ]


def test_windows_drop_short_texts_and_keep_long_paragraphs_whole() -> None:
    long = " ".join(["ord"] * 12)
    assert list(distill.windows(["kort", long, "x"], max_words=10, min_words=3)) == [long]


def test_ngec_text_puts_the_headline_and_dateline_before_the_story() -> None:
    record = {
        "prompt": "Workers Strike in Lagos\n\n(Reuters) --",
        "text": "Dock workers walked out.",
    }
    assert (
        distill.ngec_text(record)
        == "Workers Strike in Lagos\n\n(Reuters) -- Dock workers walked out."
    )
    assert distill.ngec_text({"text": "Only a story."}) == "Only a story."


def test_sample_is_seeded_and_stops_at_the_budget() -> None:
    texts = [f"text {i} has five words" for i in range(100)]
    first = distill.sample(texts, budget=50, seed=3)
    assert first == distill.sample(texts, budget=50, seed=3)
    assert first != distill.sample(texts, budget=50, seed=4)
    assert len(first) == 10
    assert len(set(first)) == 10


def test_silver_doc_keeps_tags_parse_sentences_and_names_only() -> None:
    nlp = spacy.blank("en")
    doc = Doc(
        nlp.vocab,
        words=["Anna", "Berg", "spoke", ".", "She", "left", "."],
        tags=["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
        heads=[1, 2, 2, 2, 5, 5, 5],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
        lemmas=["anna", "berg", "speak", ".", "she", "leave", "."],
    )
    doc.set_ents([doc.char_span(0, 9, label="PER")])
    silver = distill.silver_doc(doc)
    assert silver.text == doc.text
    assert [t.tag_ for t in silver] == [t.tag_ for t in doc]
    assert [t.head.i for t in silver] == [1, 2, 2, 2, 5, 5, 5]
    assert [s.text for s in silver.sents] == ["Anna Berg spoke .", "She left ."]
    assert [(e.text, e.label_) for e in silver.ents] == [("Anna Berg", "PER")]
    # Every other token is annotated as outside a name, so the student learns the O's too.
    assert [t.ent_iob_ for t in silver] == ["B", "I", "O", "O", "O", "O", "O"]
    assert not silver.has_annotation("LEMMA")
