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
    assert stored.tokenizer.to_bytes() == own.tokenizer.to_bytes()
    assert stored.to_bytes() == own.to_bytes()
    text = "Mr. O'Neill's e-mail (sent 3.5 km away at 10:30 a.m.) said: «Don't!» https://example.org/a?b=1"
    assert [t.text for t in stored.make_doc(text)] == [t.text for t in own.make_doc(text)]
