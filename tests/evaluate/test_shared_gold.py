"""The shared gold files run end to end through the real pipeline (needs the trained models)."""

from pathlib import Path

import pytest

from newsgraph.evaluate import evaluate_gold_dir

GOLD_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"


@pytest.mark.models
@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared gold folder not present")
def test_every_shared_gold_article_is_extracted_and_scored() -> None:
    report = evaluate_gold_dir(GOLD_DIR)
    assert report.files, "no gold files found"
    errors = {file.gold_file: file.error for file in report.files if file.error}
    assert errors == {}
    assert report.overall.meta.total > 0
