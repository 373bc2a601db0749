"""training/package_models.py: which run offers a language its NER candidate."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "package_models.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("package_models", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


package_models = load()


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
