"""training/package_models.py: which run offers a language its NER candidate; a packaged pipeline
keeps no path of the machine it was trained on."""

from __future__ import annotations

from pathlib import Path

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
