"""`newsgraph settings` says, per language, what reads names and which resources apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.settings import Settings
from newsgraph.stages.nlp import bundled_model_path, language_support


def test_language_without_model_or_resources_says_so() -> None:
    line = language_support("ko", Settings())
    assert line.startswith("ko: no trained model")
    assert "no language resources" in line


def test_nynorsk_reads_bokmal_resources_and_a_relative_pipeline() -> None:
    line = language_support("nn", Settings())
    assert "resources/nb" in line
    if bundled_model_path("nn") is None and bundled_model_path("nb") is not None:
        assert "the nb pipeline of a close relative" in line


def test_french_says_it_has_its_own_ner_model() -> None:
    if bundled_model_path("fr") is None:
        pytest.skip("no fr model shipped")
    line = language_support("fr", Settings())
    assert line.startswith("fr: its own NER model (no tagger or parser)")
    assert "resources/fr" in line


def test_configured_pipeline_is_named() -> None:
    line = language_support("fr", Settings(models={"fr": "fr_core_news_sm"}))
    assert "configured pipeline 'fr_core_news_sm'" in line


def test_ner_model_with_a_missing_base_pipeline_is_a_config_error(tmp_path: Path) -> None:
    from newsgraph.stages.nlp import _load_bundled

    meta = {"newsgraph_base": "zz"}
    with pytest.raises(ConfigError, match="base pipeline 'zz' is not bundled"):
        _load_bundled(tmp_path, meta)
