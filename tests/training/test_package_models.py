"""training/package_models.py: which run offers a language its NER candidate; a packaged pipeline
keeps no path of the machine it was trained on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from script_loader import load_script

package_models = load_script("training/package_models.py", "package_models")


def finished(run: Path) -> Path:
    (run / "model-best").mkdir(parents=True)
    (run / "model-best" / "meta.json").write_text("{}", encoding="utf-8")
    return run


def test_danish_and_swedish_take_the_scandinavian_run_when_they_have_none_of_their_own(
    tmp_path: Path,
) -> None:
    shared = finished(tmp_path / "scand-ner")
    assert package_models.ner_run("da", tmp_path) == shared
    assert package_models.ner_run("sv", tmp_path) == shared
    # Languages with a pipeline of their own never take it.
    assert package_models.ner_run("nb", tmp_path) == tmp_path / "nb-ner"
    assert package_models.ner_run("de", tmp_path) == tmp_path / "de-ner"


def test_a_language_s_own_finished_run_comes_first(tmp_path: Path) -> None:
    finished(tmp_path / "scand-ner")
    own = finished(tmp_path / "sv-ner")
    assert package_models.ner_run("sv", tmp_path) == own
    assert package_models.ner_run("da", tmp_path) == tmp_path / "scand-ner"


def test_an_unfinished_scandinavian_run_offers_nothing(tmp_path: Path) -> None:
    (tmp_path / "scand-ner" / "model-best").mkdir(parents=True)
    assert package_models.ner_run("da", tmp_path) == tmp_path / "da-ner"


def test_paths_outside_the_repository_are_dropped_and_repository_paths_kept(
    tmp_path: Path,
) -> None:
    nlp = spacy.blank("nb")
    nlp.config["paths"]["train"] = "training/corpus/nb-train.spacy"
    nlp.config["paths"]["dev"] = str(package_models.ROOT / "training/corpus/nb-dev.spacy")
    nlp.config["paths"]["source"] = "/somewhere/runs/src/nb"
    nlp.config["initialize"]["vectors"] = "/somewhere/runs/src/nb"
    package_models.portable_paths(nlp)
    nlp.to_disk(tmp_path / "nb")
    config = spacy.util.load_config(tmp_path / "nb" / "config.cfg")
    assert config["paths"]["train"] == "training/corpus/nb-train.spacy"
    assert config["paths"]["dev"].endswith("training/corpus/nb-dev.spacy")
    assert config["paths"]["source"] is None
    assert config["initialize"]["vectors"] is None


def ner_only_pipeline(static_vectors: bool) -> Any:
    """An untrained pipeline built from training/configs/ner.cfg (own NER tok2vec)."""
    config = spacy.util.load_config(package_models.ROOT / "training/configs/ner.cfg")
    config["nlp"]["lang"] = "nb"
    embed = config["components"]["ner"]["model"]["tok2vec"]["embed"]
    embed["include_static_vectors"] = static_vectors
    return spacy.util.load_model_from_config(config, auto_fill=True)


META = {"spacy_version": ">=3.8", "labels": {"ner": ["LOC", "ORG", "PER"]}}


def test_a_card_names_static_vectors_only_when_the_ner_reads_them() -> None:
    joint = spacy.blank("nb")
    joint.add_pipe("ner")
    without = package_models.card("nb", META, "dev F1 0.7", joint)
    assert "floret" not in without and "NoReC" not in without
    assert "(no static vectors)" in without
    with_vectors = package_models.card("nb", META, "dev F1 0.7", ner_only_pipeline(True))
    assert "floret vectors trained on NoReC" in with_vectors
    assert "NoReC-derived vectors usable freely" in with_vectors
    english = package_models.card("en", META, "dev F1 0.7", ner_only_pipeline(False))
    assert "en_core_web_md" not in english and "MIT" not in english


def test_the_danish_and_german_cards_name_all_their_training_data() -> None:
    danish = package_models.card("da", META, "dev F1 0.7", ner_only_pipeline(False))
    assert "Swedish-Talbanken train" in danish and "Nynorsk" not in danish
    assert "UNER/Talbanken" in danish
    german = package_models.card("de", META, "dev F1 0.7", ner_only_pipeline(False))
    assert "first 80 % of GermEval 2014 dev" in german and "ten times" in german
