"""training/package_models.py: a packaged pipeline keeps no path of the machine it was trained on."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import spacy

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "package_models.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("package_models", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["package_models"] = module
    spec.loader.exec_module(module)
    return module


package_models = load()


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
