"""docs/languages.md tells the truth: its table matches the language profiles and the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.resources.profile import LAYER_FILES, language_profile
from newsgraph.stages.nlp import bundled_model_path, model_name

DOC = Path(__file__).resolve().parents[2] / "docs" / "languages.md"
# The code a table row stands for ("others": any language without resources or a model).
ROW_LANGUAGES = {"others": "pl"}


def table_rows() -> dict[str, dict[str, str]]:
    """The rows of the first table of docs/languages.md, by language, cells by column name."""
    lines = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(header):
            break
        rows[cells[0]] = dict(zip(header, cells, strict=True))
    return rows


def names_reader(lang: str) -> str:
    """How the code reads names in a language, in the table's words."""
    name = model_name(lang)
    path = bundled_model_path(name) if name else None
    if path is None:
        return "none"
    if name != lang:
        return f"{name} pipeline"
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    if meta.get("newsgraph_base"):
        return f"own NER in the {meta['newsgraph_base']} pipeline"
    return "own pipeline" if "parser" in meta.get("pipeline", []) else "own NER"


ROWS = table_rows()


def test_languages_doc_lists_the_languages_of_the_issue() -> None:
    assert {"nb", "nn", "en", "da", "sv", "de", "fr", "others"} <= set(ROWS)


@pytest.mark.parametrize("row", sorted(ROWS))
def test_languages_doc_row_matches_the_language_profile(row: str) -> None:
    lang = ROW_LANGUAGES.get(row, row)
    layers = language_profile(lang).layers()
    written = {layer: ROWS[row][layer] for layer in LAYER_FILES}
    assert written == {layer: "yes" if on else "no" for layer, on in layers.items()}


@pytest.mark.parametrize("row", sorted(ROWS))
def test_languages_doc_row_names_the_model_that_reads_names(row: str) -> None:
    lang = ROW_LANGUAGES.get(row, row)
    cell = ROWS[row]["names (NER)"]
    assert cell.split(" (")[0] == names_reader(lang)
