"""Loading spaCy and the shipped pipelines cheaply leaves them exactly as spaCy's own loading does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsgraph.stages.nlp import _load_stored, bundled_model_path, import_spacy

pytestmark = pytest.mark.models

FRESH_IMPORT = """
import sys
from newsgraph.stages.nlp import import_spacy
spacy = import_spacy()
left = [name for name in ("spacy.cli", "spacy.cli.info", "typer", "weasel") if name in sys.modules]
print("loaded:", left)
import spacy.cli
print("cli:", callable(spacy.cli.download), spacy.info.__module__)
"""


def test_spacy_imports_without_its_command_line_and_the_real_one_imports_later() -> None:
    output = subprocess.run(
        [sys.executable, "-c", FRESH_IMPORT], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert output[0] == "loaded: []"
    assert output[1] == "cli: True newsgraph.stages.nlp"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_bundled_pipeline_with_a_stored_tokenizer_equals_spacys_own_load(lang: str) -> None:
    spacy = import_spacy()
    path = bundled_model_path(lang)
    assert path is not None
    own, stored = spacy.load(path), _load_stored(path)
    assert stored.config.to_str() == own.config.to_str()
    # The vocabularies differ by the training strings `_load_stored` leaves out (tested below).
    assert stored.tokenizer.to_bytes(exclude=["vocab"]) == own.tokenizer.to_bytes(exclude=["vocab"])
    assert stored.to_bytes(exclude=["vocab"]) == own.to_bytes(exclude=["vocab"])
    text = "Mr. O'Neill's e-mail (sent 3.5 km away at 10:30 a.m.) said: «Don't!» https://example.org/a?b=1"
    assert [t.text for t in stored.make_doc(text)] == [t.text for t in own.make_doc(text)]


SAMPLE_TEXTS = {
    "en": 'Prime Minister Jonas Gahr Store met Ursula von der Leyen in Brussels on Monday. "We '
    'agreed on fisheries," he told Reuters, adding that talks would resume in Oslo.',
    "nb": "Statsminister Jonas Gahr Støre møtte Ursula von der Leyen i Brussel mandag. – Vi ble "
    "enige om fiskeriene, sa han til NTB, og la til at samtalene fortsetter i Oslo.",
    "de": "Bundeskanzler Olaf Scholz traf Ursula von der Leyen am Montag in Brüssel. Man habe "
    "sich über die Fischerei geeinigt, sagte er der Deutschen Presse-Agentur in Berlin.",
}


def _annotation(doc: object) -> list[tuple[object, ...]]:
    return [
        (t.text, t.lemma_, t.lower_, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("lang", ["en", "nb", "de"])
def test_bundled_pipeline_loads_without_its_training_strings_and_annotates_the_same(
    lang: str,
) -> None:
    spacy = import_spacy()
    path = bundled_model_path(lang)
    assert path is not None
    own, stored = spacy.load(path), _load_stored(path)
    assert len(stored.vocab.strings) < len(own.vocab.strings) / 10
    # Every label reads back as a string (the tagger's would raise KeyError if not added).
    assert _annotation(stored(SAMPLE_TEXTS[lang])) == _annotation(own(SAMPLE_TEXTS[lang]))
