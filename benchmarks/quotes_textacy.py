"""Helper of benchmarks/quotes.py, run in a separate virtual environment that has textacy.

textacy never enters the project's dependencies: benchmarks/quotes.py calls this script with the
interpreter of a venv holding spacy (same version) and textacy, e.g.
    python -m venv /tmp/qvenv && /tmp/qvenv/bin/pip install spacy==<ours> textacy spacy-lookups-data

Input (argv): the English spaCy pipeline to parse with, a JSON file of [{"id", "text"}], and the
output path. The pipeline's tagger writes UPOS into `tag_`; textacy reads `pos` and `lemma_`, so
POS is copied from the tag and spaCy's rule lemmatizer (tables from spacy-lookups-data) is added.
Output: JSON {id: [{"speaker", "cue", "content", "start", "end"}]} with character offsets of the
content (quote marks included, as textacy returns it), or {"error": ...} per failing text.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from textacy.extract.triples import direct_quotations


@Language.component("tag_to_pos")
def tag_to_pos(doc: Doc) -> Doc:
    """Copy the UPOS the tagger predicts as `tag_` into `pos_`."""
    for token in doc:
        if token.tag_ and not token.pos_:
            token.pos_ = token.tag_
    return doc


def build(model: str) -> Language:
    """The English pipeline with POS and lemmas as textacy expects them."""
    nlp = spacy.load(model)
    nlp.add_pipe("tag_to_pos", after="tagger")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"}, after="tag_to_pos")
    nlp.get_pipe("lemmatizer").initialize()
    return nlp


def quotations(nlp: Language, text: str) -> list[dict[str, Any]]:
    """textacy's direct quotations of one text."""
    doc = nlp(text)
    found = []
    for speaker, cue, content in direct_quotations(doc):
        start = content[0].idx
        end = content[-1].idx + len(content[-1].text)
        found.append(
            {
                "speaker": " ".join(t.text for t in speaker),
                "cue": " ".join(t.text for t in cue),
                "content": text[start:end],
                "start": start,
                "end": end,
            }
        )
    return found


def main() -> None:
    """Parse every text and write textacy's quotations."""
    model, inputs, output = sys.argv[1:4]
    nlp = build(model)
    results: dict[str, Any] = {}
    with open(inputs, encoding="utf-8") as handle:
        items = json.load(handle)
    for item in items:
        try:
            results[item["id"]] = quotations(nlp, item["text"])
        except ValueError as error:
            results[item["id"]] = {"error": str(error)}
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
