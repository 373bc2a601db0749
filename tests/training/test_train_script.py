"""training/train.sh: the NER-only run of each language starts from the config and arguments its
shipped model was trained with, so `make train-models` rebuilds what ships (da: ner.cfg, sv:
ner-scand.cfg; da, de and fr with their evaluation frequency)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from spacy.cli._util import parse_config_overrides
from spacy.util import load_config

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "src" / "newsgraph" / "models"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="train.sh is a bash script")


def training_command(lang: str, runs: Path) -> list[str]:
    """The `spacy train` arguments train.sh would run for a language (DRY_RUN=1)."""
    env = {**os.environ, "DRY_RUN": "1", "PACKAGE": "0", "RUNS": str(runs)}
    env.pop("EVAL_EVERY", None)
    env.pop("SCAND_STEPS", None)
    subprocess.run(["bash", "training/train.sh", "1", lang], cwd=ROOT, env=env, check=True)
    command = (runs / "logs" / f"{lang}-ner.log").read_text(encoding="utf-8").splitlines()
    return command[command.index("train") + 1 :]


def recipe(command: list[str]) -> dict[str, Any]:
    """The config a `spacy train` command trains with (its file plus the command-line overrides)."""
    overrides = parse_config_overrides([arg for arg in command[1:] if arg != "--output"][:-1])
    return dict(load_config(ROOT / command[0], overrides=overrides))


def trained_sections(config: dict[str, Any]) -> dict[str, Any]:
    """What decides the weights: the pipeline, the components, training and the corpus paths."""
    return {key: config[key] for key in ("nlp", "components", "training", "paths", "corpora")}


@pytest.mark.parametrize("lang", ["da", "sv"])
def test_the_ner_run_trains_with_the_config_of_the_shipped_model(lang: str, tmp_path: Path) -> None:
    trained = trained_sections(recipe(training_command(lang, tmp_path)))
    shipped = trained_sections(dict(load_config(MODELS / lang / "config.cfg")))
    assert trained == shipped


def test_danish_keeps_the_session_5_encoder_and_swedish_the_scandinavian_one(
    tmp_path: Path,
) -> None:
    da = training_command("da", tmp_path / "da")
    sv = training_command("sv", tmp_path / "sv")
    assert da[0] == "training/configs/ner.cfg"
    assert sv[0] == "training/configs/ner-scand.cfg"
    assert da[da.index("--paths.dev") + 1] == "training/corpus/da-ner-dev.spacy"
    assert sv[sv.index("--paths.dev") + 1] == "training/corpus/scand-ner-dev.spacy"


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_the_german_and_french_runs_train_the_shipped_ner_with_the_same_settings(
    lang: str, tmp_path: Path
) -> None:
    # The packager adds a sentencizer to these pipelines (and with it sentence score weights).
    trained = recipe(training_command(lang, tmp_path))
    shipped = dict(load_config(MODELS / lang / "config.cfg"))
    assert trained["components"]["ner"] == shipped["components"]["ner"]
    for config in (trained, shipped):
        config["training"].pop("score_weights")
    assert trained["training"] == shipped["training"]
