"""Where the stage tests find a trained spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.stages.nlp import bundled_model_path

REPO = Path(__file__).resolve().parents[2]


def model_path(lang: str) -> str:
    """The shipped pipeline, else the training run's best snapshot; skip when neither exists."""
    shipped = bundled_model_path(lang)
    if shipped is not None:
        return str(shipped)
    trained = REPO / "training" / "output" / lang / "model-best"
    if not (trained / "meta.json").is_file():
        pytest.skip(f"no trained {lang} pipeline")
    return str(trained)
